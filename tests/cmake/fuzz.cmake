# Short libFuzzer runs (about 10 s per target) in ctest. The fuzzers need clang, so a fixture test
# builds them in a separate clang build dir inside this build dir, then one test runs each target
# over fuzz/corpus/<target>/. Longer runs: see docs/operations.md ("Fuzzing").
set(READOUTS_FUZZ_BUILD ${CMAKE_BINARY_DIR}/build-fuzz)
set(READOUTS_FUZZ_SECONDS 10 CACHE STRING "seconds per fuzz target in ctest")
add_test(NAME fuzz_build
  COMMAND ${PROJECT_SOURCE_DIR}/tests/reliability/fuzz_build.sh ${PROJECT_SOURCE_DIR} ${READOUTS_FUZZ_BUILD})
set_tests_properties(fuzz_build PROPERTIES FIXTURES_SETUP readouts_fuzzers TIMEOUT 1800 LABELS fuzz
  RESOURCE_LOCK readouts_fuzz_build)
foreach(target fuzz_extract fuzz_dates fuzz_query fuzz_params fuzz_data)
  add_test(NAME ${target}
    COMMAND ${PROJECT_SOURCE_DIR}/tests/reliability/fuzz_run.sh ${READOUTS_FUZZ_BUILD}/fuzz/${target}
            ${PROJECT_SOURCE_DIR}/fuzz/corpus/${target} ${READOUTS_FUZZ_SECONDS})
  set_tests_properties(${target} PROPERTIES FIXTURES_REQUIRED readouts_fuzzers TIMEOUT 120 LABELS fuzz)
endforeach()
