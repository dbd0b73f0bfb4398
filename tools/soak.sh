#!/usr/bin/env bash
# Soak test: 10 minutes of load (tools/load_test.sh's server, queries and wrk, from
# tools/load_lib.sh) in 60-second rounds, reporting the server's RSS after each round. Fails if
# any round has an error or if RSS grows beyond noise: final RSS > 1.25 x the RSS after the first
# (warm-up) round + 16 MiB.
# Usage: tools/soak.sh   (ROUNDS=10 ROUND_SECONDS=60 CONNECTIONS=64 BUILD=build ARTICLES=5000
#                         SERVER_THREADS= for --threads; empty: the server's default)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${BUILD:-$here/build}"
ROUNDS="${ROUNDS:-10}"
ROUND_SECONDS="${ROUND_SECONDS:-60}"
CONNECTIONS="${CONNECTIONS:-64}"
ARTICLES="${ARTICLES:-5000}"
SERVER_THREADS="${SERVER_THREADS:-}"
# shellcheck source=tools/load_lib.sh
. "$here/tools/load_lib.sh"
load_require soak

work="$(mktemp -d /tmp/readouts-soak-XXXXXX)"
trap load_cleanup EXIT
load_index "$ARTICLES" "$work/db"
load_start_server "$work/db" "$SERVER_THREADS"
start_rss="$(load_rss)"
echo "soak: $ROUNDS rounds of ${ROUND_SECONDS}s, $CONNECTIONS connections, server threads ${SERVER_THREADS:-default}; RSS at start: $start_rss KiB"
first="" last="" failed=0 total_requests=0
for r in $(seq 1 "$ROUNDS"); do
  load_wrk "$ROUND_SECONDS" "$CONNECTIONS" 2 "$work/wrk.out"
  load_alive || { echo "soak: the server died in round $r" >&2; exit 1; }
  load_parse "$work/wrk.out"
  now="$(load_rss)"
  [ -z "$first" ] && first="$now"
  last="$now"
  total_requests=$((total_requests + requests))
  echo "soak: round $r/$ROUNDS t=$((r * ROUND_SECONDS))s rss_kib=$now requests/s=$rps p50=$p50 p99=$p99 non2xx=$non2xx socket_errors=$sock_total (connect read write timeout: $sock)"
  if [ "$non2xx" != 0 ] || [ "$sock_total" != 0 ]; then failed=1; fi
done
limit=$((first * 125 / 100 + 16384))
echo "soak: RESULT requests=$total_requests rss_start_kib=$start_rss rss_after_round1_kib=$first rss_end_kib=$last limit_kib=$limit"
if [ "$failed" != 0 ]; then echo "soak: FAILED: errors during the soak" >&2; exit 1; fi
if [ "$last" -gt "$limit" ]; then echo "soak: FAILED: RSS grew from $first to $last KiB" >&2; exit 1; fi
echo "soak: OK (RSS flat within noise)"
