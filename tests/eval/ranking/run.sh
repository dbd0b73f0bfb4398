#!/usr/bin/env bash
# Ranking evaluation runs for ctest (tests/cmake/ranking_eval.cmake; docs/ranking-eval.md):
#
#   run.sh cranfield INDEX_BIN RANK_EVAL_BIN OUT_DIR
#       fetches Cranfield 1400 into OUT_DIR/cranfield (tools/fetch_cranfield.sh), indexes
#       docs.jsonl into a temporary database and runs rank_eval over every query. Fails when our
#       MAP is below plain BM25's or when any query gets an empty answer from us.
#   run.sh realworld INDEX_BIN RANK_EVAL_BIN OUT_DIR
#       indexes each page of tests/realworld/key.json present in tests/realworld/pages/
#       (readouts-index add --url URL pages/ID.txt) and runs rank_eval with
#       tests/realworld/queries.json. Fails when our nDCG@10 is below 0.85 (a floor; the aim is
#       0.90) or below BM25's, or when we answer nothing where plain BM25 finds something.
#
# Exit status: 0 passed; 1 failed (a floor, or a step); 77 skipped (collection unavailable).
# rank_eval's summary goes to standard output; its JSON report to OUT_DIR/MODE.json.
set -u -o pipefail

[ $# -eq 4 ] || { echo "usage: $0 cranfield|realworld INDEX_BIN RANK_EVAL_BIN OUT_DIR" >&2; exit 2; }
MODE=$1 INDEX=$2 RANK_EVAL=$3 OUT=$4
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
for b in "$INDEX" "$RANK_EVAL"; do
  [ -x "$b" ] || { echo "ranking_eval: FAIL: $b is not built (cmake --build BUILD --target readouts-index rank_eval)" >&2; exit 1; }
done
mkdir -p "$OUT" || exit 1
DB=$(mktemp -d "$OUT/$MODE-db.XXXXXX") || exit 1
trap 'rm -rf "$DB"' EXIT
start=$(date +%s)

case "$MODE" in
cranfield)
  "$ROOT/tools/fetch_cranfield.sh" "$OUT/cranfield"
  rc=$?
  [ $rc -eq 0 ] || exit $([ $rc -eq 77 ] && echo 77 || echo 1)
  # --jobs 1: document ids in file order, so that equal weights break ties the same way on
  # every run (a parallel bulk load numbers them differently: MAP moves by ~0.0005).
  # stderr: 1397 "no date" warnings.
  "$INDEX" add --db "$DB/db" --quiet --no-sync --jobs 1 --json "$OUT/cranfield/docs.jsonl" \
    >"$OUT/cranfield-index.json" 2>/dev/null
  rc=$?
  [ $rc -eq 0 ] || { echo "ranking_eval: FAIL: readouts-index add exited $rc" >&2; exit 1; }
  QUERIES=$OUT/cranfield/queries.json
  CHECKS=(--check 'ours.map>=bm25.map' --check 'ours.empty==0')
  ;;
realworld)
  RW=$ROOT/tests/realworld
  QUERIES=$RW/queries.json
  [ -f "$QUERIES" ] || { echo "ranking_eval: skipped: $QUERIES is absent"; exit 77; }
  ls "$RW"/pages/*.txt >/dev/null 2>&1 || { echo "ranking_eval: skipped: no page texts in $RW/pages (tests/realworld/README.md)"; exit 77; }
  n=0 failed=0
  while IFS=$'\t' read -r id url; do
    page=$RW/pages/$id.txt
    [ -f "$page" ] || continue
    n=$((n + 1))
    "$INDEX" add --db "$DB/db" --quiet --no-sync --url "$url" "$page" >/dev/null 2>>"$OUT/realworld-index.log" ||
      failed=$((failed + 1))
  done < <(python3 -c 'import json, sys
graded = set(json.load(open(sys.argv[2])).get("graded_sets", []))
for e in json.load(open(sys.argv[1])):
    if not graded or e["id"].rsplit("-", 1)[0] in graded: print(e["id"] + "\t" + e["url"])' "$RW/key.json" "$QUERIES")
  echo "ranking_eval: indexed $n pages ($failed failed; $OUT/realworld-index.log)"
  [ $n -gt 0 ] || { echo "ranking_eval: skipped: no page of key.json in $RW/pages"; exit 77; }
  # Floors under what was measured (session 15: nDCG@10 0.873 vs BM25 0.461); the issue's aim is
  # 0.90 (docs/search.md, "Measured"). A floor, not the aim: raise it as the ranking improves.
  CHECKS=(--check 'ours.ndcg10>=0.85' --check 'ours.ndcg10>=bm25.ndcg10'
          --check 'ours.empty_vs_bm25==0')
  ;;
*) echo "usage: $0 cranfield|realworld INDEX_BIN RANK_EVAL_BIN OUT_DIR" >&2; exit 2 ;;
esac

echo "+ rank_eval --db DB --queries $QUERIES --per-query --json $OUT/$MODE.json ${CHECKS[*]}"
"$RANK_EVAL" --db "$DB/db" --queries "$QUERIES" --per-query --json "$OUT/$MODE.json" "${CHECKS[@]}"
rc=$?
echo "ranking_eval: $MODE took $(( $(date +%s) - start )) s"
exit $rc
