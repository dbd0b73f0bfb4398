# Browser tests of the web page (tests/e2e/run.mjs): node drives Debian's chromium through
# playwright-core against a readouts-server started on the fixtures of tests/e2e/fixtures.
# Screenshots go to <build>/tests/e2e-output/. A missing node, chromium or tests/e2e/node_modules
# makes the test FAIL with a message saying how to install them (`make test` installs them via
# tools/install-deps.sh test); it is never skipped silently.
find_program(READOUTS_NODE NAMES node nodejs)
if(READOUTS_NODE)
  add_test(NAME e2e_browser
    COMMAND ${READOUTS_NODE} ${PROJECT_SOURCE_DIR}/tests/e2e/run.mjs
            --index $<TARGET_FILE:readouts-index>
            --server $<TARGET_FILE:readouts-server>
            --out ${CMAKE_CURRENT_BINARY_DIR}/e2e-output)
else()
  add_test(NAME e2e_browser
    COMMAND sh -c "echo 'e2e: FAIL: node is not installed: run make deps-test (tools/install-deps.sh test)' >&2; exit 1")
endif()
set_tests_properties(e2e_browser PROPERTIES TIMEOUT 120 LABELS e2e)
