# Reliability script tests. The C++ reliability and hostile-input tests (tests/integration/
# test_reliability_*.cpp, test_hostile_*.cpp) are registered with the other doctest cases; this
# fragment adds the script-driven quick checks. Long runs (tools/crash_trials.sh, load_test.sh at
# 60 s, soak.sh) are run by hand: see docs/operations.md.
add_test(NAME reliability_scripts_parse
  COMMAND bash -c "for f in \"$@\"; do bash -n \"$f\" || exit 1; done" _
          ${PROJECT_SOURCE_DIR}/tools/load_test.sh ${PROJECT_SOURCE_DIR}/tools/soak.sh ${PROJECT_SOURCE_DIR}/tools/load_lib.sh
          ${PROJECT_SOURCE_DIR}/tools/crash_trials.sh ${PROJECT_SOURCE_DIR}/tests/reliability/gen_articles.sh
          ${PROJECT_SOURCE_DIR}/tests/reliability/fuzz_build.sh ${PROJECT_SOURCE_DIR}/tests/reliability/fuzz_run.sh
          ${PROJECT_SOURCE_DIR}/tests/reliability/fuzz_long.sh)
# A short load run (10 s, 32 connections): zero errors, the server survives. Fails without wrk.
add_test(NAME reliability_load_smoke
  COMMAND ${CMAKE_COMMAND} -E env BUILD=${CMAKE_BINARY_DIR} DURATION=10 CONNECTIONS=32 ARTICLES=500
          SAMPLE_EVERY=2 ${PROJECT_SOURCE_DIR}/tools/load_test.sh)
set_tests_properties(reliability_load_smoke PROPERTIES TIMEOUT 180 RUN_SERIAL TRUE LABELS reliability)
