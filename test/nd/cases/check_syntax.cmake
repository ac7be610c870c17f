# Checks that every spec case compiles with clang++-19 -std=c++20 and the nd
# headers, exactly as ../shared/tools/score_cases.py compiles them.
# cmake -DCLANGXX=... -DINCLUDE_DIR=... -DCASES_DIR=... -P check_syntax.cmake
file(GLOB cases ${CASES_DIR}/*.cpp)
set(failed "")
foreach(case ${cases})
  execute_process(
    COMMAND ${CLANGXX} -fsyntax-only -std=c++20 -I${INCLUDE_DIR} ${case}
    RESULT_VARIABLE rc
    ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message("${case} does not compile with ${CLANGXX}:\n${err}")
    list(APPEND failed ${case})
  endif()
endforeach()
list(LENGTH cases n)
if(failed)
  message(FATAL_ERROR "spec cases that do not compile: ${failed}")
endif()
message("${n} spec cases compile with ${CLANGXX} -std=c++20")
