#!/bin/sh
# The event evaluation (tests/events/README.md): indexes the default corpus and the real-world
# pages the event key judged (those present in tests/realworld/pages/, git-ignored) into a
# temporary database, lists its events and scores them against tests/events/key.json.
# Usage: run.sh READOUTS_INDEX [split:metric=min ...] (metrics: precision, recall, topic_f1).
# Exit 77 (skipped) when the page texts are absent.
set -eu
bin=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
pages=$root/tests/realworld/pages
if [ ! -d "$pages" ] || [ -z "$(ls "$pages" 2>/dev/null | head -1)" ]; then
  echo "events eval: skipped: no page texts in tests/realworld/pages (tests/realworld/README.md)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" add --db "$work/db" --quiet --no-sync "$root/corpus" > /dev/null
# Only the pages the event key judged (an account of one of its events, or not an account): a
# page added to the real-world set later is unjudged here, and its topics or grouping would be
# scored against a key that never saw it.
python3 - "$root/tests/realworld/key.json" "$here/key.json" > "$work/list.tsv" <<'PY'
import json, sys
k = json.load(open(sys.argv[1]))
ev = json.load(open(sys.argv[2]))
judged = {a["page"] for e in ev["events"] for a in e["accounts"] if "page" in a}
judged |= {n["page"] for n in ev["not_accounts"] if "page" in n}
for p in (k["pages"] if isinstance(k, dict) else k):
    if p["id"] in judged:
        print(p["id"] + "\t" + p["url"])
PY
while IFS="$(printf '\t')" read -r id url; do
  [ -f "$pages/$id.txt" ] || continue
  "$bin" add --db "$work/db" --quiet --no-sync --url "$url" "$pages/$id.txt" > /dev/null 2>&1 || true
done < "$work/list.tsv"
"$bin" events --db "$work/db" --json > "$work/events.json"
python3 "$here/evaluate.py" --events "$work/events.json"
python3 "$here/evaluate.py" --events "$work/events.json" --json > "$work/figures.json"
python3 - "$work/figures.json" "$@" <<'PY'
import json, sys
figures = {f["split"]: f for f in json.load(open(sys.argv[1]))}
failed = False
for floor in sys.argv[2:]:
    where, minimum = floor.split("=")
    split, metric = where.split(":")
    f = figures[split]
    value = f["topics_by_side"]["f1"] if metric == "topic_f1" else f[metric]
    ok = value >= float(minimum)
    failed |= not ok
    print(("ok  " if ok else "FAIL") + f" {split} {metric} {value:.3f} (floor {minimum})")
sys.exit(1 if failed else 0)
PY
