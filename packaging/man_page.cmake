# SPDX-License-Identifier: GPL-3.0-or-later
# Writes a man page from a program's --help text (cmake -P, called by packaging/CMakeLists.txt).
# Our --help texts are written for terminals, not in GNU style, so instead of help2man's
# guessing (which turned starlocus-cli's command list into a jumble of .IP/.HP paragraphs)
# the text goes in verbatim: SYNOPSIS from the "usage:" line and its indented continuation
# lines, DESCRIPTION the rest, both unfilled (.nf) with roff's special characters escaped.
#
#   cmake -DPROGRAM=path -DNAME=starlocus-cli -DSUMMARY="one line" -DVERSION=0.1.0
#         [-DSEE_ALSO="starlocus(1), ..."] -DOUTPUT=file.1 -P man_page.cmake
# The date is the month of SOURCE_DATE_EPOCH when set (string(TIMESTAMP) honours it), so
# the page does not change with the day it is built.

foreach(var PROGRAM NAME SUMMARY VERSION OUTPUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "man_page.cmake: -D${var}=... missing")
  endif()
endforeach()

execute_process(COMMAND ${PROGRAM} --help OUTPUT_VARIABLE help ERROR_VARIABLE help_err RESULT_VARIABLE result)
if(NOT result EQUAL 0 OR help STREQUAL "")
  message(FATAL_ERROR "man_page.cmake: '${PROGRAM} --help' failed (${result}): ${help_err}")
endif()

# roff escaping of one line of text: backslashes first, then '-' as the ASCII minus that
# shells need (lintian: hyphen-used-as-minus-sign), and a leading '.' or "'" made literal.
function(roff_escape line out)
  string(REPLACE "\\" "\\e" line "${line}")
  string(REPLACE "-" "\\-" line "${line}")
  if(line MATCHES "^[.']")
    string(PREPEND line "\\&")
  endif()
  set(${out} "${line}" PARENT_SCOPE)
endfunction()

# QCommandLineParser prints argv[0] in its usage line: the build tree's path.
string(REPLACE "${PROGRAM}" "${NAME}" help "${help}")
if(NOT help MATCHES "\n$")
  string(APPEND help "\n")
endif()

# Line by line with string(FIND), not as a CMake list: a list would not split at a ';'
# that follows an unclosed '[' (as in "[--iterations I ...\n"), and would lose ';' in text.
set(synopsis "")
set(description "")
set(state start) # start -> usage (continuation lines) -> body
while(NOT help STREQUAL "")
  string(FIND "${help}" "\n" end)
  string(SUBSTRING "${help}" 0 ${end} line)
  math(EXPR next "${end} + 1")
  string(SUBSTRING "${help}" ${next} -1 help)
  if(state STREQUAL start AND line MATCHES "^[Uu]sage: *(.*)$")
    roff_escape("${CMAKE_MATCH_1}" escaped)
    string(APPEND synopsis "${escaped}\n")
    set(state usage)
    continue()
  endif()
  if(state STREQUAL usage AND line MATCHES "^[ \t]+[^ \t]")
    string(STRIP "${line}" stripped)
    roff_escape("    ${stripped}" escaped)
    string(APPEND synopsis "${escaped}\n")
    continue()
  endif()
  set(state body)
  roff_escape("${line}" escaped)
  string(APPEND description "${escaped}\n")
endwhile()
string(REGEX REPLACE "^\n+" "" description "${description}")
if(synopsis STREQUAL "")
  set(synopsis "${NAME} [options]\n")
endif()

string(TOUPPER "${NAME}" title)
string(TIMESTAMP date "%B %Y" UTC)
roff_escape("${SUMMARY}" summary)
roff_escape("${NAME}" name)
set(page ".\\\" Generated from '${NAME} --help' by packaging/man_page.cmake; edit the program's help text instead.
.TH ${title} 1 \"${date}\" \"${NAME} ${VERSION}\" \"User Commands\"
.SH NAME
${name} \\- ${summary}
.SH SYNOPSIS
.nf
${synopsis}.fi
.SH DESCRIPTION
.nf
${description}.fi
")
if(SEE_ALSO)
  roff_escape("${SEE_ALSO}" see_also)
  string(APPEND page ".SH SEE ALSO\n${see_also}\n")
endif()
file(WRITE "${OUTPUT}" "${page}")
