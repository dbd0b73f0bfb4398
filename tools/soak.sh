#!/usr/bin/env bash
# Soak test: 10 minutes of load (tools/load_test.sh's server, queries and wrk) in 60-second
# rounds, reporting the server's RSS after each round. Fails if any round has an error or if RSS
# grows beyond noise: final RSS > 1.25 x the RSS after the first (warm-up) round + 16 MiB.
# Usage: tools/soak.sh   (ROUNDS=10 ROUND_SECONDS=60 CONNECTIONS=64 BUILD=build ARTICLES=5000)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${BUILD:-$here/build}"
ROUNDS="${ROUNDS:-10}"
ROUND_SECONDS="${ROUND_SECONDS:-60}"
CONNECTIONS="${CONNECTIONS:-64}"
ARTICLES="${ARTICLES:-5000}"
# httplib serves one connection per worker thread (docs/operations.md, "Threads and
# connections"): by default the server gets as many threads as wrk opens connections.
SERVER_THREADS="${SERVER_THREADS:-$CONNECTIONS}"
command -v wrk > /dev/null || { echo "soak: wrk missing (apt-get install wrk)" >&2; exit 2; }
work="$(mktemp -d /tmp/readouts-soak-XXXXXX)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2> /dev/null || true; wait "$server_pid" 2> /dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
"$here/tests/reliability/gen_articles.sh" "$ARTICLES" "$work/articles" 1
"$BUILD/readouts-index" add --quiet --no-sync --db "$work/db" "$work/articles" "$here/corpus" > /dev/null
args=(--db "$work/db" --port 0 --quiet)
[ -n "$SERVER_THREADS" ] && args+=(--threads "$SERVER_THREADS")
"$BUILD/readouts-server" "${args[@]}" > "$work/server.out" 2> "$work/server.err" &
server_pid=$!
port=""
for _ in $(seq 1 100); do
  port="$(sed -n 's/.*listening on http:\/\/[^:]*:\([0-9]*\)\/.*/\1/p' "$work/server.out")"
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "soak: server did not start" >&2; cat "$work/server.err" >&2; exit 1; }
rss() { awk '/VmRSS/ {print $2}' "/proc/$server_pid/status"; }
echo "soak: $ROUNDS rounds of ${ROUND_SECONDS}s, $CONNECTIONS connections; RSS at start: $(rss) KiB"
first="" last="" failed=0 total_requests=0
for r in $(seq 1 "$ROUNDS"); do
  wrk -t2 -c"$CONNECTIONS" -d"${ROUND_SECONDS}s" --timeout 5s --latency \
    -s "$here/tests/reliability/wrk_queries.lua" "http://127.0.0.1:$port" > "$work/wrk.out"
  kill -0 "$server_pid" 2> /dev/null || { echo "soak: the server died in round $r" >&2; exit 1; }
  non2xx="$(sed -n 's/.*Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$work/wrk.out")"
  sock="$(sed -n 's/.*Socket errors: \(.*\)/\1/p' "$work/wrk.out")"
  rps="$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$work/wrk.out")"
  reqs="$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$work/wrk.out")"
  p99="$(awk '$1 == "99%" {print $2}' "$work/wrk.out")"
  now="$(rss)"
  [ -z "$first" ] && first="$now"
  last="$now"
  total_requests=$((total_requests + ${reqs:-0}))
  echo "soak: round $r/$ROUNDS t=$((r * ROUND_SECONDS))s rss_kib=$now requests/s=$rps p99=$p99 non2xx=${non2xx:-0} socket_errors=${sock:-none}"
  if [ -n "${non2xx:-}" ] || [ -n "${sock:-}" ]; then failed=1; fi
done
limit=$(( first * 125 / 100 + 16384 ))
echo "soak: RESULT requests=$total_requests rss_after_round1_kib=$first rss_end_kib=$last limit_kib=$limit"
if [ "$failed" != 0 ]; then echo "soak: FAILED: errors during the soak" >&2; exit 1; fi
if [ "$last" -gt "$limit" ]; then echo "soak: FAILED: RSS grew from $first to $last KiB" >&2; exit 1; fi
echo "soak: OK (RSS flat within noise)"
