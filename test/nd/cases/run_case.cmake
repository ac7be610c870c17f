# Runs one spec case program: it must exit with status 0 and, when
# expected/<name>.txt was written for this very source (same SHA-256), print
# exactly that (NumPy's output for the same program, see expected_outputs.py).
# cmake -DEXE=... -DSOURCE=... -DEXPECTED=... -P run_case.cmake
execute_process(COMMAND ${EXE} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${EXE} exited with ${rc}\n${out}${err}")
endif()
if(NOT EXISTS ${EXPECTED})
  message("${SOURCE}: exit status 0 (no expected output)")
  return()
endif()
file(READ ${EXPECTED} expected)
string(REGEX MATCH "^# case-sha256: ([0-9a-f]+)\n" header "${expected}")
set(recorded ${CMAKE_MATCH_1})
string(LENGTH "${header}" header_len)
string(SUBSTRING "${expected}" ${header_len} -1 expected)
file(SHA256 ${SOURCE} actual_hash)
if(NOT recorded STREQUAL actual_hash)
  message("${SOURCE} changed since ${EXPECTED} was written: only the exit "
          "status is checked (rerun test/nd/cases/expected_outputs.py)")
  return()
endif()
if(NOT out STREQUAL expected)
  # Plain message(): FATAL_ERROR would reflow the arrays' spacing.
  message("--- expected (NumPy)\n${expected}--- got (nd)\n${out}---")
  message(FATAL_ERROR "${SOURCE}: output differs from NumPy's")
endif()
message("${SOURCE}: output as NumPy's")
