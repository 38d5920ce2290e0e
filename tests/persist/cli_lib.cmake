# Helpers for the CLI test scripts (cli_test.cmake, cli_import_test.cmake).
# run(CODE cmd args…): runs the command, fails unless it exits with CODE; sets OUT and ERR.
function(run expected_code)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code STREQUAL expected_code)
    message(FATAL_ERROR "${ARGN}\nexit ${code}, expected ${expected_code}\nstdout:\n${out}\nstderr:\n${err}")
  endif()
  set(OUT "${out}" PARENT_SCOPE)
  set(ERR "${err}" PARENT_SCOPE)
endfunction()

# expect(TEXT VAR): fails unless the variable named VAR contains TEXT.
function(expect text where)
  string(FIND "${${where}}" "${text}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "expected in ${where}: ${text}\n--- ${where}:\n${${where}}")
  endif()
endfunction()
