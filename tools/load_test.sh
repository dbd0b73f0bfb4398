#!/usr/bin/env bash
# Load test: readouts-server on loopback driven by wrk (64 connections, 60 s, 50 rotating API
# requests), with the server's memory (VmRSS) sampled while it runs. Fails (exit 1) on any
# error: a non-2xx response, a socket error (connect, read, write, timeout), or a server crash.
#
# Usage: tools/load_test.sh [options]
#   BUILD=build         build dir holding readouts-server and readouts-index
#   DURATION=60         seconds of load          CONNECTIONS=64     concurrent connections
#   WRK_THREADS=2       wrk threads              ARTICLES=5000      generated articles to index
#   SERVER_THREADS=$CONNECTIONS  --threads for the server (one per connection, see below)
#   DB=                 serve this database instead of generating one
#   SAMPLE_EVERY=5      seconds between RSS samples
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${BUILD:-$here/build}"
DURATION="${DURATION:-60}"
CONNECTIONS="${CONNECTIONS:-64}"
WRK_THREADS="${WRK_THREADS:-2}"
ARTICLES="${ARTICLES:-5000}"
# httplib serves one connection per worker thread (docs/operations.md, "Threads and
# connections"): by default the server gets as many threads as wrk opens connections.
SERVER_THREADS="${SERVER_THREADS:-$CONNECTIONS}"
SAMPLE_EVERY="${SAMPLE_EVERY:-5}"
DB="${DB:-}"

if ! command -v wrk > /dev/null; then
  echo "load_test: wrk missing; installing the Debian package" >&2
  sudo_cmd=(); [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get install -y -qq wrk > /dev/null
fi
for b in readouts-server readouts-index; do
  [ -x "$BUILD/$b" ] || { echo "load_test: $BUILD/$b not built (make build, or set BUILD=)" >&2; exit 2; }
done

work="$(mktemp -d /tmp/readouts-load-XXXXXX)"
server_pid=""
sampler_pid=""
cleanup() {
  [ -n "$sampler_pid" ] && kill "$sampler_pid" 2> /dev/null || true
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2> /dev/null || true; wait "$server_pid" 2> /dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "$DB" ]; then
  DB="$work/db"
  echo "load_test: indexing $ARTICLES generated articles"
  "$here/tests/reliability/gen_articles.sh" "$ARTICLES" "$work/articles" 1
  "$BUILD/readouts-index" add --quiet --no-sync --db "$DB" "$work/articles" "$here/corpus" > /dev/null
fi

args=(--db "$DB" --port 0 --quiet)
[ -n "$SERVER_THREADS" ] && args+=(--threads "$SERVER_THREADS")
"$BUILD/readouts-server" "${args[@]}" > "$work/server.out" 2> "$work/server.err" &
server_pid=$!
port=""
for _ in $(seq 1 100); do  # up to 10 s for the "listening" line
  port="$(sed -n 's/.*listening on http:\/\/[^:]*:\([0-9]*\)\/.*/\1/p' "$work/server.out")"
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2> /dev/null || { cat "$work/server.err" >&2; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { echo "load_test: server did not start" >&2; exit 1; }
url="http://127.0.0.1:$port"
curl -fsS "$url/healthz" > /dev/null

rss() { awk '/VmRSS/ {print $2}' "/proc/$server_pid/status" 2> /dev/null || echo 0; }
# Memory sampler: bounded by count, stops by itself.
samples=$(( DURATION / SAMPLE_EVERY + 2 ))
( for i in $(seq 1 "$samples"); do echo "$(( (i - 1) * SAMPLE_EVERY )) $(rss)"; sleep "$SAMPLE_EVERY"; done ) > "$work/rss" &
sampler_pid=$!

echo "load_test: wrk -t$WRK_THREADS -c$CONNECTIONS -d${DURATION}s against $url (server threads: ${SERVER_THREADS:-default})"
wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s --latency \
  -s "$here/tests/reliability/wrk_queries.lua" "$url" | tee "$work/wrk.out"
wait "$sampler_pid" 2> /dev/null || true
sampler_pid=""

alive=yes
kill -0 "$server_pid" 2> /dev/null || alive=no
non2xx="$(sed -n 's/.*Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$work/wrk.out")"
sock="$(sed -n 's/.*Socket errors: connect \([0-9]*\), read \([0-9]*\), write \([0-9]*\), timeout \([0-9]*\).*/\1 \2 \3 \4/p' "$work/wrk.out")"
sock_total=0
for n in $sock; do sock_total=$((sock_total + n)); done
rps="$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$work/wrk.out")"
p99="$(awk '$1 == "99%" {print $2}' "$work/wrk.out")"
p50="$(awk '$1 == "50%" {print $2}' "$work/wrk.out")"
fivexx="$(curl -fsS "$url/metrics" 2> /dev/null | awk '/^readouts_errors_total/ {print $2}' || true)"

echo "load_test: RSS (KiB) every ${SAMPLE_EVERY}s: $(awk '{printf "%s ", $2}' "$work/rss")"
echo "load_test: RESULT requests/s=$rps p50=$p50 p99=$p99 non2xx=${non2xx:-0} socket_errors=$sock_total (connect read write timeout: ${sock:-0 0 0 0}) server_5xx=${fivexx:-?} server_alive=$alive rss_start_kib=$(head -1 "$work/rss" | cut -d' ' -f2) rss_end_kib=$(tail -1 "$work/rss" | cut -d' ' -f2)"
if [ "${non2xx:-0}" != 0 ] || [ "$sock_total" != 0 ] || [ "$alive" != yes ]; then
  echo "load_test: FAILED" >&2
  tail -20 "$work/server.err" >&2
  exit 1
fi
echo "load_test: OK"
