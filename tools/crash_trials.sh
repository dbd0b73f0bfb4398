#!/usr/bin/env bash
# Long crash-safety run: the ctest crash test ("reliability: SIGKILL during add ...") with more
# trials and articles. Each trial SIGKILLs `readouts-index add` at a random moment (some twice,
# during the resumed run), then requires xapian-check to pass, the database to open, and the same
# command to finish with exactly the expected number of articles.
# Usage: tools/crash_trials.sh [TRIALS=200] [ARTICLES=10000] [BATCH=25] [SEED=]  (BUILD=build)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${BUILD:-$here/build}"
export READOUTS_CRASH_TRIALS="${TRIALS:-200}"
export READOUTS_CRASH_ARTICLES="${ARTICLES:-10000}"
export READOUTS_CRASH_BATCH="${BATCH:-25}"
[ -n "${SEED:-}" ] && export READOUTS_CRASH_SEED="$SEED"
bin="$BUILD/tests/integration_tests"
[ -x "$bin" ] || { echo "crash_trials: $bin not built (make build, or set BUILD=)" >&2; exit 2; }
command -v xapian-check > /dev/null || { echo "crash_trials: apt-get install xapian-tools" >&2; exit 2; }
start=$(date +%s)
"$bin" --test-case="reliability: SIGKILL during add never corrupts and a rerun completes exactly" --success=0
echo "crash_trials: $READOUTS_CRASH_TRIALS trials on $READOUTS_CRASH_ARTICLES articles passed in $(( $(date +%s) - start )) s"
