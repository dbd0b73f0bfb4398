# The event evaluation (tests/events/README.md): the metric's self-test always; the grouping of
# the corpus and the real-world pages against the hand-judged key when the page texts are present
# (skipped otherwise). Floors: just below the figures measured on 2026-12-06 with the key grown
# to 615 judged pages (session 17; docs/events.md, "Session 17").
find_package(Python3 COMPONENTS Interpreter)
if(Python3_FOUND)
  add_test(NAME events_eval_selftest
    COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tests/events/evaluate.py --self-test)
  add_test(NAME events_eval_realworld
    COMMAND sh ${PROJECT_SOURCE_DIR}/tests/events/run.sh $<TARGET_FILE:readouts-index>
      dev:precision=0.94 dev:recall=0.78 dev:topic_f1=0.85
      test:precision=0.86 test:recall=0.82 test:topic_f1=0.78)
  set_tests_properties(events_eval_realworld PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300
                                                        LABELS eval)
endif()
