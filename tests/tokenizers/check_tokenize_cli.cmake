# Runs luutru-tokenize on the README example and checks its output, column by column.
# Usage: cmake -DTOOL=<path to luutru-tokenize> -P check_tokenize_cli.cmake
if(NOT TOOL)
  message(FATAL_ERROR "TOOL is not set")
endif()

set(input "Đảng ủy HOÀ BÌNH, thuỷ lợi")
file(WRITE "${CMAKE_CURRENT_BINARY_DIR}/tokenize_cli_input.txt" "${input}")
execute_process(COMMAND "${TOOL}"
  INPUT_FILE "${CMAKE_CURRENT_BINARY_DIR}/tokenize_cli_input.txt"
  OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "luutru-tokenize exited with ${rc}")
endif()

set(expected
  "1\tđảng\tdang\tword\n2\tủy\tuy\tword\n3\thòa\thoa\tword\n4\tbình\tbinh\tword\n5\tthủy\tthuy\tword\n6\tlợi\tloi\tword\n")
if(NOT out STREQUAL expected)
  message(FATAL_ERROR "unexpected output:\n${out}\nexpected:\n${expected}")
endif()

# --normalize prints the text itself, in one tone style.
execute_process(COMMAND "${TOOL}" --normalize
  INPUT_FILE "${CMAKE_CURRENT_BINARY_DIR}/tokenize_cli_input.txt"
  OUTPUT_VARIABLE normalized RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT normalized STREQUAL "Đảng ủy HÒA BÌNH, thủy lợi")
  message(FATAL_ERROR "--normalize printed '${normalized}' (exit ${rc})")
endif()

# Legacy TCVN3 text is repaired before tokenizing; notations are printed whole.
file(WRITE "${CMAKE_CURRENT_BINARY_DIR}/tokenize_cli_legacy.txt" "Th«ng b¸o sè 45-TB/TU cña TØnh uû")
execute_process(COMMAND "${TOOL}"
  INPUT_FILE "${CMAKE_CURRENT_BINARY_DIR}/tokenize_cli_legacy.txt"
  OUTPUT_VARIABLE legacy RESULT_VARIABLE rc)
string(FIND "${legacy}" "4\t45-tb/tu\t45-tb/tu\tnotation\n" at)
string(FIND "${legacy}" "1\tthông\tthong\tword\n" at_word)
if(NOT rc EQUAL 0 OR at EQUAL -1 OR at_word EQUAL -1)
  message(FATAL_ERROR "legacy input gave:\n${legacy}")
endif()

# --help tells users what the tool is for: in Vietnamese by default, in English on request.
execute_process(COMMAND ${CMAKE_COMMAND} -E env LANG=C.UTF-8 "${TOOL}" --help
  OUTPUT_VARIABLE help RESULT_VARIABLE rc)
string(FIND "${help}" "gỡ rối một tìm kiếm" at)
if(NOT rc EQUAL 0 OR at EQUAL -1)
  message(FATAL_ERROR "--help lacks the Vietnamese usage note:\n${help}")
endif()
execute_process(COMMAND "${TOOL}" --help --lang en OUTPUT_VARIABLE help RESULT_VARIABLE rc)
string(FIND "${help}" "debug a search" at)
if(NOT rc EQUAL 0 OR at EQUAL -1)
  message(FATAL_ERROR "--help --lang en lacks the usage note:\n${help}")
endif()

# A bad option is an error (exit 2), not a crash.
execute_process(COMMAND "${TOOL}" --no-such-option RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
if(NOT rc EQUAL 2)
  message(FATAL_ERROR "--no-such-option exited with ${rc}, expected 2")
endif()
