# shellcheck shell=bash disable=SC2034,SC2154  # sets variables for, and reads `here` from, the caller
# Shared by tools/load_test.sh and tools/soak.sh (sourced, not run): index generated articles,
# start readouts-server on a free loopback port, sample its RSS, run wrk over
# tests/reliability/wrk_queries.lua and parse wrk's report. Every loop here is bounded.
# The caller sets: here (repository root), BUILD, work (scratch dir), and calls load_cleanup on
# exit (trap load_cleanup EXIT).

load_server_pid=""
load_sampler_pid=""
load_url=""

load_cleanup() {
  if [ -n "$load_sampler_pid" ]; then kill "$load_sampler_pid" 2> /dev/null || true; fi
  if [ -n "$load_server_pid" ]; then
    kill -TERM "$load_server_pid" 2> /dev/null || true
    wait "$load_server_pid" 2> /dev/null || true
  fi
  [ -n "${work:-}" ] && rm -rf "$work"
}

# load_require NAME: wrk and the built programs are present (installs wrk with apt-get if missing).
load_require() {
  if ! command -v wrk > /dev/null; then
    echo "$1: wrk missing; installing the Debian package" >&2
    local sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get install -y -qq wrk > /dev/null
  fi
  local b
  for b in readouts-server readouts-index; do
    [ -x "$BUILD/$b" ] || { echo "$1: $BUILD/$b not built (make build, or set BUILD=)" >&2; exit 2; }
  done
}

# load_index N DB: indexes N generated articles plus corpus/ into DB.
load_index() {
  "$here/tests/reliability/gen_articles.sh" "$1" "$work/articles" 1
  "$BUILD/readouts-index" add --quiet --no-sync --db "$2" "$work/articles" "$here/corpus" > /dev/null
}

# load_start_server DB [THREADS]: starts the server (THREADS empty = its default), waits up to
# 10 s for its "listening" line, sets load_server_pid and load_url.
load_start_server() {
  local args=(--db "$1" --port 0 --quiet) port="" i
  [ -n "${2:-}" ] && args+=(--threads "$2")
  : > "$work/server.out"  # exists before the server opens it: the loop below reads it at once
  "$BUILD/readouts-server" "${args[@]}" > "$work/server.out" 2> "$work/server.err" &
  load_server_pid=$!
  for i in $(seq 1 100); do
    port="$(sed -n 's/.*listening on http:\/\/[^:]*:\([0-9]*\)\/.*/\1/p' "$work/server.out" || true)"
    [ -n "$port" ] && break
    kill -0 "$load_server_pid" 2> /dev/null || break
    sleep 0.1
  done
  if [ -z "$port" ]; then
    echo "server did not start:" >&2
    cat "$work/server.err" >&2
    exit 1
  fi
  load_url="http://127.0.0.1:$port"
  curl -fsS "$load_url/healthz" > /dev/null
}

# load_rss: the server's resident memory in KiB (0 if it is gone).
load_rss() { awk '/VmRSS/ {print $2}' "/proc/$load_server_pid/status" 2> /dev/null || echo 0; }

load_alive() { kill -0 "$load_server_pid" 2> /dev/null; }

# load_start_sampler SECONDS EVERY FILE: appends "t rss_kib" lines to FILE every EVERY seconds,
# SECONDS / EVERY + 2 samples at most, in the background (load_sampler_pid).
load_start_sampler() {
  local samples=$(($1 / $2 + 2)) every="$2" file="$3"
  (for i in $(seq 1 "$samples"); do
    echo "$(((i - 1) * every)) $(load_rss)"
    sleep "$every"
  done) > "$file" &
  load_sampler_pid=$!
}

load_wait_sampler() {
  if [ -n "$load_sampler_pid" ]; then wait "$load_sampler_pid" 2> /dev/null || true; fi
  load_sampler_pid=""
}

# load_wrk SECONDS CONNECTIONS WRK_THREADS OUT: one wrk run (5 s request timeout) over the query
# mix; its report goes to OUT.
load_wrk() {
  wrk -t"$3" -c"$2" -d"$1s" --timeout 5s --latency \
    -s "$here/tests/reliability/wrk_queries.lua" "$load_url" > "$4"
}

# load_parse OUT: sets rps, p50, p99, requests, non2xx (0 if none), sock ("connect read write
# timeout") and sock_total from a wrk report.
load_parse() {
  non2xx="$(sed -n 's/.*Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$1")"
  non2xx="${non2xx:-0}"
  sock="$(sed -n 's/.*Socket errors: connect \([0-9]*\), read \([0-9]*\), write \([0-9]*\), timeout \([0-9]*\).*/\1 \2 \3 \4/p' "$1")"
  sock="${sock:-0 0 0 0}"
  sock_total=0
  local n
  for n in $sock; do sock_total=$((sock_total + n)); done
  rps="$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$1")"
  requests="$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$1")"
  requests="${requests:-0}"
  p50="$(awk '$1 == "50%" {print $2}' "$1")"
  p99="$(awk '$1 == "99%" {print $2}' "$1")"
}
