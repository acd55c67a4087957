# SPDX-License-Identifier: GPL-3.0-or-later
# CPACK_PRE_BUILD_SCRIPTS: strips the staged programs the way Debian's dh_strip does.
# CPACK_STRIP_FILES runs a plain `strip`, which leaves the compiler's .comment section
# ("GCC: (Debian ...)") and the .note section in (lintian: binary-has-unneeded-section);
# .note.gnu.build-id stays, as with dh_strip.
file(GLOB programs "${CPACK_TEMPORARY_DIRECTORY}/*${CPACK_PACKAGING_INSTALL_PREFIX}/bin/*")
foreach(program IN LISTS programs)
  execute_process(COMMAND "${CPACK_STARLOCUS_STRIP}" --remove-section=.comment --remove-section=.note "${program}"
                  RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "packaging/strip_staging.cmake: ${CPACK_STARLOCUS_STRIP} failed on ${program}")
  endif()
endforeach()
