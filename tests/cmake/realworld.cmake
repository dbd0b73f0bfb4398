# The real-world extraction evaluation (tests/realworld/README.md): runs when the page texts have
# been gathered into tests/realworld/pages/ (they are never in git), and reports "skipped"
# otherwise. The floors are the test split's figures measured on 2026-12-04 minus a margin
# (docs/extraction.md, "Evaluation on real pages").
find_package(Python3 COMPONENTS Interpreter)
if(Python3_FOUND)
  add_test(NAME realworld_eval
    COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tests/realworld/evaluate.py
      --binary $<TARGET_FILE:readouts-index>
      --data ${PROJECT_SOURCE_DIR}/data
      ${READOUTS_REALWORLD_FLOORS})
  set_tests_properties(realworld_eval PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
endif()
