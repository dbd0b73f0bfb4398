#!/usr/bin/env bash
# Long fuzzing session: runs each libFuzzer target in turn (never two at once) under nice for
# SECONDS, over a scratch copy of fuzz/corpus/<target>/, then merges the inputs that add coverage
# back into fuzz/corpus/<target>/ (-merge=1: only new coverage is added, so it stays small).
# Prints, per target, executions, coverage (cov = edges, ft = features), corpus size and any
# crash; crashing inputs are kept in WORK/<target>/artifacts/.
# Usage: tests/reliability/fuzz_long.sh BUILD_DIR [SECONDS=600] [WORK=/tmp/readouts-fuzz-long]
#        [targets...]   (BUILD_DIR built by tests/reliability/fuzz_build.sh)
# TIMEOUT=10 is libFuzzer's per-input limit (seconds). MERGE=0 skips the merge (on a loaded machine a nice-19 merge can wait minutes for CPU); merge
# later with: BIN -merge=1 fuzz/corpus/<target> WORK/<target>/corpus
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
build="$1"
secs="${2:-600}"
work="${3:-/tmp/readouts-fuzz-long}"
shift $(($# < 3 ? $# : 3))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_extract fuzz_dates fuzz_query fuzz_params)
failed=0
for t in "${targets[@]}"; do
  bin="$build/fuzz/$t"
  [ -x "$bin" ] || { echo "fuzz_long: $bin not built" >&2; exit 2; }
  dir="$work/$t"
  rm -rf "$dir"
  mkdir -p "$dir/corpus" "$dir/artifacts"
  cp -r "$here/fuzz/corpus/$t/." "$dir/corpus/"
  echo "fuzz_long: $t for ${secs}s from $(date -u +%H:%M:%S)"
  set +e
  nice -n 19 "$bin" -max_total_time="$secs" -timeout="${TIMEOUT:-10}" -rss_limit_mb=3072 -max_len=65536 \
    -artifact_prefix="$dir/artifacts/" -print_final_stats=1 "$dir/corpus" > "$dir/log" 2>&1
  rc=$?
  set -e
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log")"
  rss="$(sed -n 's/^stat::peak_rss_mb: *//p' "$dir/log")"
  last="$(grep -E '^#[0-9]+' "$dir/log" | tail -1 || true)"
  cov="$(echo "$last" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')"
  ft="$(echo "$last" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')"
  before="$(find "$here/fuzz/corpus/$t" -type f | wc -l)"
  if [ "${MERGE:-1}" != 0 ]; then
    nice -n 19 "$bin" -merge=1 -timeout=10 -rss_limit_mb=3072 -max_len=65536 \
      "$here/fuzz/corpus/$t" "$dir/corpus" > "$dir/merge.log" 2>&1 || true
  fi
  after="$(find "$here/fuzz/corpus/$t" -type f | wc -l)"
  echo "fuzz_long: RESULT $t seconds=$secs executions=${execs:-?} cov=${cov:-?} ft=${ft:-?} peak_rss_mb=${rss:-?} exit=$rc corpus_files=$before->$after artifacts=$(find "$dir/artifacts" -type f | wc -l)"
  if [ "$rc" != 0 ]; then
    failed=1
    grep -E "ERROR|SUMMARY|runtime error|Test unit written" "$dir/log" | head -20 >&2 || true
  fi
done
echo "fuzz_long: corpus size $(du -sh "$here/fuzz/corpus" | cut -f1)"
exit "$failed"
