#!/usr/bin/env bash
# Benchmark: one database against the same articles in a set of shards behind xapian-tcpsrv on
# this machine (docs/benchmarks.md, "Shards behind xapian-tcpsrv"). Both servers answer the
# bench's query mix over HTTP with the result cache off (every request a cache miss), one after
# the other, at each connection level.
# Usage: bench/shards.sh [BUILD_DIR]
#
# Environment (all optional):
#   N=100000        articles                    SHARDS=4         shards in the set
#   DURATION=10     seconds of wrk per level    CONNS="1 8"      wrk connection levels
#   WORK=/tmp/readouts-bench   corpora (shared with bench/run.sh) and databases
#   OUT=bench/out   where the report goes (shards-N.md, shards-N.json)
#   KEEP=0          1: keep the databases (a later run with KEEP=1 reuses them)
#   SET_BY=add      how the set is built: add (readouts-index add --shards, every article read
#                   again) or split (readouts-index split of the one database: documents copied)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${1:-$here/build}"
[ "${BUILD#/}" = "$BUILD" ] && BUILD="$PWD/$BUILD"
N="${N:-100000}"
SHARDS="${SHARDS:-4}"
DURATION="${DURATION:-10}"
CONNS="${CONNS:-1 8}"
WORK="${WORK:-/tmp/readouts-bench}"
OUT="${OUT:-$here/bench/out}"
KEEP="${KEEP:-0}"
SET_BY="${SET_BY:-add}"
PY="${PYTHON:-python3}"
bin_gen="$BUILD/bench/gen_readouts"; bin_index="$BUILD/readouts-index"; bin_server="$BUILD/readouts-server"
for b in "$bin_gen" "$bin_index" "$bin_server"; do
  [ -x "$b" ] || { echo "bench/shards: $b is not built (cmake --build $BUILD --target bench_programs)" >&2; exit 2; }
done
for c in wrk xapian-tcpsrv setsid curl /usr/bin/time; do
  command -v "$c" > /dev/null || { echo "bench/shards: $c is missing (make deps-test installs wrk and xapian-tools)" >&2; exit 2; }
done
mkdir -p "$WORK" "$OUT"
d="$WORK/shards-n$N"
corpus="$WORK/corpus-$N-s1-sh1000"
mkdir -p "$d"
if [ ! -f "$corpus/.done" ]; then
  echo "bench/shards: generating $N articles in $corpus"
  rm -rf "$corpus"
  "$bin_gen" --count "$N" --seed 1 --out "$corpus" --shards $(( (N + 999) / 1000 ))
  touch "$corpus/.done"
fi
grep -v '^#' "$here/bench/queries.tsv" > "$d/queries.tsv"
"$PY" "$here/bench/report.py" paths "$d/queries.tsv" > "$d/paths.txt"

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -TERM "$p" 2> /dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2> /dev/null || true; done
}
trap cleanup EXIT

timed() {  # timed NAME CMD...: wall time and peak memory of CMD into NAME.time
  local name="$1"; shift
  /usr/bin/time -o "$name.time" -f '{"wall_s":%e,"max_rss_kb":%M}' "$@" > "$name.out" 2> "$name.err" ||
    { echo "bench/shards: $* failed:" >&2; tail -5 "$name.err" >&2; exit 1; }
}
if [ "$KEEP" != 1 ] || [ ! -d "$d/one.db" ]; then
  echo "bench/shards [$N]: one database (readouts-index add)"
  rm -rf "$d/one.db"
  timed "$d/one.index" "$bin_index" add --db "$d/one.db" --quiet --json "$corpus"
fi
if [ "$KEEP" != 1 ] || [ ! -d "$d/set" ]; then
  rm -rf "$d/set"
  if [ "$SET_BY" = split ]; then
    echo "bench/shards [$N]: a set of $SHARDS shards (readouts-index split of the one database)"
    timed "$d/set.index" "$bin_index" split --db "$d/one.db" --shards "$SHARDS" --out "$d/set" --quiet --json
  else
    echo "bench/shards [$N]: a set of $SHARDS shards (readouts-index add --shards $SHARDS)"
    timed "$d/set.index" "$bin_index" add --shards "$SHARDS" --db "$d/set" --quiet --json "$corpus"
  fi
  echo "$SET_BY" > "$d/set.by"
fi

free_port() { "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_port() {  # wait_port PORT PID: until something listens on PORT
  for _ in $(seq 1 600); do
    (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null && return 0
    kill -0 "$2" 2> /dev/null || { echo "bench/shards: process $2 died" >&2; exit 1; }
    sleep 0.1
  done
  echo "bench/shards: nothing listens on port $1" >&2; exit 1
}
remote_dbs=()
for i in $(seq 0 $((SHARDS - 1))); do
  p=$(free_port)
  # In a session of its own: on SIGTERM xapian-tcpsrv signals its whole process group.
  setsid xapian-tcpsrv --port "$p" --interface 127.0.0.1 "$d/set/shard-$i" > "$d/tcpsrv-$i.log" 2>&1 &
  pids+=($!)
  wait_port "$p" "$!"
  remote_dbs+=(--db "tcp://127.0.0.1:$p")
done

run_server() {  # run_server NAME ARGS...: wrk at each level against a server on ARGS
  local name="$1"; shift
  local port; port=$(free_port)
  "$bin_server" "$@" --port "$port" --quiet --threads 8 --cache-mb 0 > "$d/$name.server.out" 2>&1 &
  local pid=$!
  pids+=("$pid")
  wait_port "$port" "$pid"
  curl -sf "http://127.0.0.1:$port/api/search?q=Taiwan" > /dev/null  # first open, warm caches
  for c in $CONNS; do
    local t=2; [ "$c" -lt 2 ] && t=1
    echo "bench/shards [$N]: $name, wrk $c connection(s), ${DURATION}s"
    wrk -t "$t" -c "$c" -d "${DURATION}s" --timeout 10s -s "$here/bench/wrk_rotate.lua" \
      "http://127.0.0.1:$port" -- "$d/paths.txt" | grep '^{"requests"' > "$d/$name.c$c.json"
  done
  kill -TERM "$pid"; wait "$pid" 2> /dev/null || true
}
run_server one --db "$d/one.db"
run_server remote "${remote_dbs[@]}"

"$PY" - "$d" "$N" "$SHARDS" "$CONNS" > "$OUT/shards-$N.md" <<'EOF'
import json, os, sys
d, n, shards, conns = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4].split()
set_by = open(os.path.join(d, "set.by")).read().strip() if os.path.exists(os.path.join(d, "set.by")) else "add"
def load(name):
    with open(os.path.join(d, name)) as f:
        return json.load(f)
one_i, set_i = load("one.index.time"), load("set.index.time")
print(f"### {n:,} articles: one database against {shards} shards behind xapian-tcpsrv (loopback)\n")
print("| indexing | wall s | articles/s | peak RSS MB |\n|---|---:|---:|---:|")
set_label = f"{shards} shards (`split --shards {shards}` of the one database)" if set_by == "split" else f"{shards} shards (`add --shards {shards}`)"
for label, t in (("one database (bulk load)", one_i), (set_label, set_i)):
    print(f"| {label} | {t['wall_s']:.1f} | {n / max(t['wall_s'], 1e-9):,.0f} | {t['max_rss_kb'] / 1024:.0f} |")
print("\n| HTTP, cache off | connections | p50 ms | p90 ms | p99 ms | requests/s | errors |\n|---|---:|---:|---:|---:|---:|---:|")
for c in conns:
    for label, name in (("one database", "one"), (f"{shards} remote shards", "remote")):
        r = load(f"{name}.c{c}.json")
        errors = sum(r["errors"].values())
        print(f"| {label} | {c} | {r['p50_ms']:.2f} | {r['p90_ms']:.2f} | {r['p99_ms']:.2f} | {r['rps']:.1f} | {errors} |")
for c in conns:
    a, b = load(f"one.c{c}.json"), load(f"remote.c{c}.json")
    print(f"\nAt {c} connection(s): remote shards / one database, p50 {b['p50_ms'] / a['p50_ms']:.2f}x, "
          f"throughput {b['rps'] / a['rps']:.2f}x.")
EOF
cat "$OUT/shards-$N.md"
if [ "$KEEP" != 1 ]; then rm -rf "$d/one.db" "$d/set"; fi
