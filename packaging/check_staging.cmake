# SPDX-License-Identifier: GPL-3.0-or-later
# CPACK_PRE_BUILD_SCRIPTS: run by cpack on the staged files, before the .debs are built.
# Stops packaging, with the reason, when a package would be wrong in a way no build step
# notices: a version without a changelog entry or AppStream release, or a program installed
# without its man page (a new install rule without a starlocus_man_page call).

set(version "${CPACK_PACKAGE_VERSION}")

# The changelog's latest entry names the package version (Debian policy 4.4).
file(STRINGS "${CPACK_STARLOCUS_CHANGELOG}" first_line LIMIT_COUNT 1)
if(NOT first_line MATCHES "^starlocus \\(([^)]+)\\)")
  message(FATAL_ERROR "${CPACK_STARLOCUS_CHANGELOG}: first line is not 'starlocus (VERSION) ...'")
endif()
if(NOT CMAKE_MATCH_1 STREQUAL version)
  message(FATAL_ERROR "${CPACK_STARLOCUS_CHANGELOG}: latest entry is ${CMAKE_MATCH_1} but project(VERSION) is "
                      "${version}; add an entry for ${version} (dch -v ${version}) and a <release> to the metainfo")
endif()

# The AppStream metadata lists the newest release first.
file(READ "${CPACK_STARLOCUS_METAINFO}" metainfo)
if(NOT metainfo MATCHES "<release version=\"([^\"]+)\"")
  message(FATAL_ERROR "${CPACK_STARLOCUS_METAINFO}: no <release version=...>")
endif()
if(NOT CMAKE_MATCH_1 STREQUAL version)
  message(FATAL_ERROR "${CPACK_STARLOCUS_METAINFO}: newest <release> is ${CMAKE_MATCH_1} but project(VERSION) is "
                      "${version}; add <release version=\"${version}\" date=...> first in <releases>")
endif()

# Every staged program has its man page, every package its copyright and changelog.
file(GLOB components LIST_DIRECTORIES true "${CPACK_TEMPORARY_DIRECTORY}/*")
set(problems)
foreach(component_dir IN LISTS components)
  set(root "${component_dir}${CPACK_PACKAGING_INSTALL_PREFIX}")
  file(GLOB programs "${root}/bin/*")
  foreach(program IN LISTS programs)
    get_filename_component(name "${program}" NAME)
    if(NOT EXISTS "${root}/share/man/man1/${name}.1.gz")
      list(APPEND problems "${name} has no man page (add starlocus_man_page(${name} ...) in packaging/CMakeLists.txt)")
    endif()
  endforeach()
  file(GLOB docs "${root}/share/doc/*")
  foreach(doc IN LISTS docs)
    foreach(file copyright changelog.gz)
      if(NOT EXISTS "${doc}/${file}")
        list(APPEND problems "${doc}/${file} missing")
      endif()
    endforeach()
  endforeach()
endforeach()
if(problems)
  list(JOIN problems "\n  " text)
  message(FATAL_ERROR "packaging/check_staging.cmake: the packages would be incomplete:\n  ${text}")
endif()
