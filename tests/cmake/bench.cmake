# Benchmark smoke run (bench/run.sh --smoke): ~300 generated articles indexed by readouts-index,
# the raw Xapian loop and SQLite FTS5, 6 queries in-process and over HTTP (wrk, 1 s). Asserts only
# that every stage ran and produced sane output (non-zero counts, parseable JSON), never timings.
# Results: <build>/bench-smoke/latest.json. Needs wrk and python3 (tools/install-deps.sh).
if(TARGET bench_fts5 OR EXISTS ${PROJECT_SOURCE_DIR}/bench/run.sh)
  add_test(NAME bench_smoke
    COMMAND ${PROJECT_SOURCE_DIR}/bench/run.sh ${CMAKE_BINARY_DIR} --smoke)
  set_tests_properties(bench_smoke PROPERTIES TIMEOUT 120 LABELS bench
    ENVIRONMENT "OUT=${CMAKE_BINARY_DIR}/bench-smoke;WORK=${CMAKE_BINARY_DIR}/bench-smoke/work")
endif()
