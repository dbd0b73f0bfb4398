#!/usr/bin/env bash
# Load test: readouts-server on loopback driven by wrk (64 connections, 60 s, 50 rotating API
# requests), with the server's memory (VmRSS) sampled while it runs. Fails (exit 1) on any
# error: a non-2xx response, a socket error (connect, read, write, timeout), or a server crash.
#
# Usage: tools/load_test.sh [options]
#   BUILD=build         build dir holding readouts-server and readouts-index
#   DURATION=60         seconds of load          CONNECTIONS=64     concurrent connections
#   WRK_THREADS=2       wrk threads              ARTICLES=5000      generated articles to index
#   SERVER_THREADS=     --threads for the server (empty: the server's default, 64 or 4 per core)
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
# connections"); the server's default thread count covers 64 keep-alive connections.
SERVER_THREADS="${SERVER_THREADS:-}"
SAMPLE_EVERY="${SAMPLE_EVERY:-5}"
DB="${DB:-}"
# shellcheck source=tools/load_lib.sh
. "$here/tools/load_lib.sh"
load_require load_test

work="$(mktemp -d /tmp/readouts-load-XXXXXX)"
trap load_cleanup EXIT

if [ -z "$DB" ]; then
  DB="$work/db"
  echo "load_test: indexing $ARTICLES generated articles"
  load_index "$ARTICLES" "$DB"
fi
load_start_server "$DB" "$SERVER_THREADS"
load_start_sampler "$DURATION" "$SAMPLE_EVERY" "$work/rss"

echo "load_test: wrk -t$WRK_THREADS -c$CONNECTIONS -d${DURATION}s against $load_url (server threads: ${SERVER_THREADS:-default})"
load_wrk "$DURATION" "$CONNECTIONS" "$WRK_THREADS" "$work/wrk.out"
cat "$work/wrk.out"
load_wait_sampler

alive=yes
load_alive || alive=no
load_parse "$work/wrk.out"
fivexx="$(curl -fsS "$load_url/metrics" 2> /dev/null | awk '/^readouts_errors_total/ {print $2}' || true)"

echo "load_test: RSS (KiB) every ${SAMPLE_EVERY}s: $(awk '{printf "%s ", $2}' "$work/rss")"
echo "load_test: RESULT requests=$requests requests/s=$rps p50=$p50 p99=$p99 non2xx=$non2xx socket_errors=$sock_total (connect read write timeout: $sock) server_5xx=${fivexx:-?} server_alive=$alive rss_start_kib=$(head -1 "$work/rss" | cut -d' ' -f2) rss_end_kib=$(load_rss)"
if [ "$non2xx" != 0 ] || [ "$sock_total" != 0 ] || [ "$alive" != yes ]; then
  echo "load_test: FAILED" >&2
  tail -20 "$work/server.err" >&2
  exit 1
fi
echo "load_test: OK"
