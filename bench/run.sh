#!/usr/bin/env bash
# Benchmark: readouts vs a raw Xapian loop vs SQLite FTS5 on the same generated corpus
# (docs/benchmarks.md). Usage: bench/run.sh [BUILD_DIR] [--smoke]
#
# Environment (all optional):
#   SIZES="10000 100000"   corpus sizes (articles)      SEED=1          generator seed
#   SHARD=1000             articles per JSONL file        ITER=20         timed runs per query (in-process)
#   DURATION=10            seconds of wrk per level       CONNS="1 8 64"  wrk connection levels
#   OUT=bench/out          where results go               WORK=/tmp/readouts-bench  corpora, databases
#   KEEP=0                 1: keep databases after a size (corpora are always kept for reuse)
#   STAGES="ours raw fts5 compact query http"   stages to run
# Stage "query" also runs faceted search side by side: readouts with facets from its in-memory
# table, readouts reading value slots, raw Xapian with ValueCountMatchSpy (OUT/facets-N.md).
# Stage "http": wrk with the result cache off (misses) at CONNS, then on (hits) at 8 connections,
# and raw Xapian's faceted throughput on 1 thread and on every core (the HTTP ceiling).
# --smoke: 300 articles, 6 queries, 3 runs each, 1 s of wrk at 1 and 8 connections, results in
# OUT (default BUILD_DIR/bench-smoke); checks every stage produced sane output (not timings).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${1:-$here/build}"
[ "${BUILD#/}" = "$BUILD" ] && BUILD="$PWD/$BUILD"
SMOKE=0
[ "${2:-}" = "--smoke" ] && SMOKE=1

if [ "$SMOKE" = 1 ]; then
  SIZES="${SIZES:-300}"; SHARD="${SHARD:-100}"; ITER="${ITER:-3}"; DURATION="${DURATION:-1}"
  CONNS="${CONNS:-1 8}"; OUT="${OUT:-$BUILD/bench-smoke}"; QUERY_LIMIT="${QUERY_LIMIT:-6}"
  WORK="${WORK:-$BUILD/bench-smoke/work}"
fi
SIZES="${SIZES:-10000 100000}"
SEED="${SEED:-1}"
SHARD="${SHARD:-1000}"
ITER="${ITER:-20}"
DURATION="${DURATION:-10}"
CONNS="${CONNS:-1 8 64}"
OUT="${OUT:-$here/bench/out}"
WORK="${WORK:-/tmp/readouts-bench}"
KEEP="${KEEP:-0}"
QUERY_LIMIT="${QUERY_LIMIT:-0}"
STAGES="${STAGES:-ours raw fts5 compact query http}"
PY="${PYTHON:-python3}"
has_stage() { case " $STAGES " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

bin_gen="$BUILD/bench/gen_readouts"; bin_raw="$BUILD/bench/bench_raw_xapian"; bin_fts="$BUILD/bench/bench_fts5"
bin_ours_q="$BUILD/bench/bench_searcher_queries"
bin_index="$BUILD/readouts-index"; bin_server="$BUILD/readouts-server"
if [ "$SMOKE" = 0 ]; then  # make bench builds everything; build our targets too when run by hand
  cmake --build "$BUILD" --target bench_programs > /dev/null
fi
for b in "$bin_gen" "$bin_raw" "$bin_fts" "$bin_ours_q" "$bin_index" "$bin_server"; do
  [ -x "$b" ] || { echo "bench: $b is not built (cmake --build $BUILD --target bench_programs)" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time missing (apt-get install time)" >&2; exit 2; }
if has_stage http && ! command -v wrk > /dev/null; then
  echo "bench: wrk missing (apt-get install wrk)" >&2; exit 2
fi
mkdir -p "$OUT" "$WORK"

queries="$WORK/queries.tsv"
if [ "$QUERY_LIMIT" -gt 0 ]; then
  grep -v '^#' "$here/bench/queries.tsv" | awk -v n="$QUERY_LIMIT" 'NR % int(58 / n) == 1' | head -n "$QUERY_LIMIT" > "$queries"
else
  grep -v '^#' "$here/bench/queries.tsv" > "$queries"
fi
"$PY" "$here/bench/report.py" paths "$queries" > "$WORK/paths.txt"

server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2> /dev/null || true; wait "$server_pid" 2> /dev/null || true; fi
}
trap cleanup EXIT

# timed NAME CMD...: runs CMD with GNU time; stdout -> NAME.out, timing JSON -> NAME.time
timed() {
  local name="$1"; shift
  /usr/bin/time -o "$name.time" -f '{"wall_s":%e,"max_rss_kb":%M,"user_s":%U,"sys_s":%S,"exit":%x}' \
    "$@" > "$name.out" 2> "$name.err" || { echo "bench: $* failed:" >&2; tail -5 "$name.err" >&2; return 1; }
}

# start_server DIR THREADS [SERVER FLAGS...]: starts readouts-server on DIR/ours.db on a free
# port; sets server_pid and port.
start_server() {
  local dir="$1" threads="$2"; shift 2
  # Emptied first: the loop below must never read the previous server's address (a start races
  # the background shell's own truncation of the file).
  : > "$dir/server.out"
  "$bin_server" --db "$dir/ours.db" --port 0 --quiet --threads "$threads" "$@" > "$dir/server.out" 2> "$dir/server.err" &
  server_pid=$!
  port=""
  for _ in $(seq 1 300); do
    port="$(sed -n 's/.*listening on http:\/\/[^:]*:\([0-9]*\)\/.*/\1/p' "$dir/server.out")"
    [ -n "$port" ] && break
    kill -0 "$server_pid" 2> /dev/null || { echo "bench: server died:" >&2; cat "$dir/server.err" >&2; exit 1; }
    sleep 0.1
  done
  [ -n "$port" ] || { echo "bench: server did not start" >&2; exit 1; }
}

machine_json="$OUT/machine.json"
"$PY" "$here/bench/report.py" machine > "$machine_json"

results=()
for n in $SIZES; do
  d="$WORK/n$n"
  corpus="$WORK/corpus-$n-s$SEED-sh$SHARD"
  mkdir -p "$d"
  if [ ! -f "$corpus/.done" ]; then
    echo "bench: generating $n articles (seed $SEED, $SHARD per file) in $corpus"
    rm -rf "$corpus"
    shards=$(( (n + SHARD - 1) / SHARD ))
    "$bin_gen" --count "$n" --seed "$SEED" --out "$corpus" --shards "$shards"
    touch "$corpus/.done"
  fi
  sync
  if has_stage ours; then
    echo "bench [$n]: readouts-index add"
    rm -rf "$d/ours.db"
    timed "$d/ours.index" "$bin_index" add --db "$d/ours.db" --quiet --json "$corpus"
    du -sb "$d/ours.db" | cut -f1 > "$d/ours.index.size"
  fi
  if has_stage compact; then
    echo "bench [$n]: readouts-index compact"
    rm -rf "$d/ours-compact.db"
    timed "$d/ours.compact" "$bin_index" compact --db "$d/ours.db" --out "$d/ours-compact.db"
    du -sb "$d/ours-compact.db" | cut -f1 > "$d/ours.compact.size"
  fi
  if has_stage raw; then
    echo "bench [$n]: raw Xapian loop"
    rm -rf "$d/raw.db"
    timed "$d/raw.index" "$bin_raw" index "$d/raw.db" "$corpus"
    du -sb "$d/raw.db" | cut -f1 > "$d/raw.index.size"
  fi
  if has_stage fts5; then
    echo "bench [$n]: SQLite FTS5"
    rm -f "$d/fts5.db"
    timed "$d/fts5.index" "$bin_fts" index "$d/fts5.db" "$corpus"
    du -sb "$d/fts5.db" | cut -f1 > "$d/fts5.index.size"
  fi
  if has_stage query; then
    echo "bench [$n]: in-process queries ($ITER runs each)"
    [ -d "$d/ours.db" ] && "$bin_ours_q" "$d/ours.db" "$queries" "$ITER" > "$d/ours.query.json" 2> "$d/ours.query.err"
    # Faceted search side by side (cache misses: a Searcher has no cache): facets from value
    # slots per match, and raw Xapian counting the same slots with ValueCountMatchSpy.
    [ -d "$d/ours.db" ] && "$bin_ours_q" "$d/ours.db" "$queries" "$ITER" slots > "$d/ours-slots.query.json"
    [ -d "$d/ours.db" ] && "$bin_raw" facets "$d/ours.db" "$queries" "$ITER" > "$d/raw-facets.query.json"
    "$PY" "$here/bench/report.py" facets "$n" "$d" | tee "$OUT/facets-$n.md"
    [ -d "$d/raw.db" ] && "$bin_raw" query "$d/raw.db" "$queries" "$ITER" > "$d/raw.query.json"
    [ -f "$d/fts5.db" ] && "$bin_fts" query "$d/fts5.db" "$queries" "$ITER" > "$d/fts5.query.json"
  fi
  if has_stage http; then
    maxc=8
    for c in $CONNS; do [ "$c" -gt "$maxc" ] && maxc="$c"; done
    # Cache misses first: the result cache off, every request computed.
    start_server "$d" "$maxc" --cache-mb 0
    echo "bench [$n]: HTTP probe of every query, then wrk at connections: $CONNS (${DURATION}s each, cache off)"
    "$PY" "$here/bench/report.py" probe "$port" "$WORK/paths.txt" "$queries" > "$d/http.probe.json"
    grep -E '^(VmRSS|VmHWM)' "/proc/$server_pid/status" > "$d/server.rss.before" || true
    for c in $CONNS; do
      t=2; [ "$c" -lt 2 ] && t=1
      wrk -t "$t" -c "$c" -d "${DURATION}s" --timeout 10s -s "$here/bench/wrk_rotate.lua" \
        "http://127.0.0.1:$port" -- "$WORK/paths.txt" > "$d/http.c$c.txt"
      grep '^{"requests"' "$d/http.c$c.txt" > "$d/http.c$c.json"
    done
    grep -E '^(VmRSS|VmHWM)' "/proc/$server_pid/status" > "$d/server.rss.after" || true
    kill -TERM "$server_pid"; wait "$server_pid" 2> /dev/null || true; server_pid=""
    # Cache hits: the default cache, 8 connections going round the same requests.
    start_server "$d" 8
    echo "bench [$n]: wrk at 8 connections with the result cache on (${DURATION}s)"
    wrk -t 2 -c 8 -d "${DURATION}s" --timeout 10s -s "$here/bench/wrk_rotate.lua" \
      "http://127.0.0.1:$port" -- "$WORK/paths.txt" > "$d/http.cached.c8.txt"
    grep '^{"requests"' "$d/http.cached.c8.txt" > "$d/http.cached.c8.json"
    kill -TERM "$server_pid"; wait "$server_pid" 2> /dev/null || true; server_pid=""
    # The engine's own ceiling for the same mix: raw Xapian with the same facets on 1 and 2 threads.
    echo "bench [$n]: raw Xapian faceted throughput, 1 and $(nproc) threads (${DURATION}s each)"
    "$bin_raw" facets-throughput "$d/ours.db" "$queries" "$DURATION" 1 > "$d/raw-facets.t1.json"
    "$bin_raw" facets-throughput "$d/ours.db" "$queries" "$DURATION" "$(nproc)" > "$d/raw-facets.tall.json"
  fi
  "$PY" "$here/bench/report.py" assemble "$n" "$d" "$corpus" "$machine_json" "$CONNS" > "$OUT/bench-$n.json"
  results+=("$OUT/bench-$n.json")
  if [ "$KEEP" != 1 ]; then rm -rf "$d/ours.db" "$d/ours-compact.db" "$d/raw.db" "$d/fts5.db"; fi
done

"$PY" "$here/bench/report.py" combine "${results[@]}" > "$OUT/latest.json"
"$PY" "$here/bench/report.py" table "$OUT/latest.json" | tee "$OUT/latest.md"
if [ "$SMOKE" = 1 ]; then
  "$PY" "$here/bench/report.py" check "$OUT/latest.json"
fi
echo "bench: results in $OUT/latest.json and $OUT/latest.md"
