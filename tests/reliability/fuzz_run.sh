#!/usr/bin/env bash
# Runs one libFuzzer target for a short time over a scratch copy of its seed corpus (the
# repository's corpus is never written). Fails, with the crashing input kept, on any crash, leak,
# sanitizer report or timeout.
# Usage: fuzz_run.sh FUZZER_BINARY SEED_DIR SECONDS [WORK_DIR]
set -euo pipefail
bin="$1"
seeds="$2"
secs="${3:-10}"
work="${4:-$(mktemp -d /tmp/readouts-fuzz-XXXXXX)}"
name="$(basename "$bin")"
if [ ! -x "$bin" ]; then
  echo "fuzz_run: $bin was not built (see the fuzz_build test)" >&2
  exit 1
fi
mkdir -p "$work/corpus" "$work/artifacts"
[ -d "$seeds" ] && cp -r "$seeds/." "$work/corpus/" 2>/dev/null || true
set +e
"$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=3072 -max_len=65536 \
  -artifact_prefix="$work/artifacts/" -print_final_stats=1 "$work/corpus" > "$work/log" 2>&1
rc=$?
set -e
grep -E "stat::number_of_executed_units|stat::peak_rss_mb|^#[0-9]+.*DONE" "$work/log" | sed "s/^/$name: /"
if [ $rc -ne 0 ]; then
  tail -60 "$work/log" >&2
  echo "fuzz_run: $name FAILED (exit $rc); inputs kept in $work/artifacts" >&2
  exit 1
fi
rm -rf "$work"
