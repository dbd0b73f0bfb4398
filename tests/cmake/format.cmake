# Format check: every tracked C++ file is as clang-format (the committed .clang-format) writes
# it; `make format` fixes a failure. Skipped outside a git checkout (no file list to check).
find_program(READOUTS_CLANG_FORMAT clang-format)
find_program(READOUTS_GIT git)
if(READOUTS_CLANG_FORMAT AND READOUTS_GIT AND EXISTS ${PROJECT_SOURCE_DIR}/.git)
  add_test(NAME format_check
    COMMAND sh -c "git ls-files -z '*.cpp' '*.h' | xargs -0 ${READOUTS_CLANG_FORMAT} --dry-run --Werror"
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(format_check PROPERTIES LABELS format TIMEOUT 120)
else()
  message(STATUS "format_check: not registered (needs clang-format, git and a git checkout)")
endif()
