# Ranking quality against plain Xapian BM25 and SQLite FTS5 (bench/rank_eval.cpp,
# docs/ranking-eval.md). Run alone with `ctest -R ranking_eval` or `ctest -L ranking_eval`.
#  - ranking_eval_cranfield: the Cranfield 1400 collection (tools/fetch_cranfield.sh: from the web
#    or a local mirror; skipped when neither is there). Fails while our MAP is below plain BM25's
#    or any query gets no answer from us.
#  - ranking_eval_realworld: tests/realworld/pages + queries.json (skipped when absent). Fails
#    while our nDCG@10 is below 0.85 (a floor; the aim is 0.90) or below BM25's, or we answer
#    nothing where plain BM25 finds something.
# Results: <build>/ranking-eval/{cranfield,realworld}.json.
# bench/ is added after tests/: test the source, the generator expressions resolve later.
if(EXISTS ${PROJECT_SOURCE_DIR}/bench/rank_eval.cpp)
  foreach(collection cranfield realworld)
    add_test(NAME ranking_eval_${collection}
      COMMAND ${PROJECT_SOURCE_DIR}/tests/eval/ranking/run.sh ${collection}
              $<TARGET_FILE:readouts-index> $<TARGET_FILE:rank_eval> ${CMAKE_BINARY_DIR}/ranking-eval)
    set_tests_properties(ranking_eval_${collection} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300
      LABELS ranking_eval)
  endforeach()
endif()
