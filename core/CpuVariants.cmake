# SPDX-License-Identifier: GPL-3.0-or-later
# starlocus_add_cpu_variant(<target> PATH <name> ID <n> MARCH <level> SYMBOL <table> SOURCES <files...>)
#
# Compiles SOURCES once more with -march=<level> and adds them to <target> as ONE object in
# which every symbol is local except <table> (core/common/cpu_dispatch.h chooses the table
# at run time).
#
# Why the isolation: the sources include Eigen, whose templates and inline functions are
# emitted as weak (COMDAT) symbols in every object that does not inline them. Linked
# as they are, the linker keeps one copy of each for the whole program, and that copy may
# be the AVX2 one: the baseline path would then execute AVX2 instructions and die with
# SIGILL on an older CPU. So the objects are first linked together (ld -r, with their
# COMDAT groups dissolved), then objcopy makes every symbol but the table local: the copy
# calls only its own inline functions and its own compiled copies of the sources. The
# check script fails the build if any other symbol is still global.
# -fno-gnu-unique: the static locals of inline functions (Eigen's cache-size cache,
# libstdc++'s digit table) are otherwise "unique" symbols, which objcopy leaves global and
# which, with their groups dissolved, would be defined twice; so each copy keeps its own
# (none of them is state the program shares: nothing here sets Eigen's cache sizes).
function(starlocus_add_cpu_variant target)
  cmake_parse_arguments(ARG "" "PATH;ID;MARCH;SYMBOL" "SOURCES" ${ARGN})
  set(objects starlocus_cpu_${ARG_PATH}_objects)
  add_library(${objects} OBJECT ${ARG_SOURCES})
  set_target_properties(${objects} PROPERTIES AUTOMOC OFF AUTOUIC OFF AUTORCC OFF)
  # Same include paths, definitions and warnings as <target>; the -march given last wins
  # over the directory's baseline one.
  target_include_directories(${objects} PRIVATE $<TARGET_PROPERTY:${target},INCLUDE_DIRECTORIES>)
  target_compile_definitions(${objects} PRIVATE $<TARGET_PROPERTY:${target},COMPILE_DEFINITIONS>
    STARLOCUS_TRAINING_KERNELS_SYMBOL=${ARG_SYMBOL} STARLOCUS_CPU_PATH=${ARG_ID})
  target_link_libraries(${objects} PRIVATE starlocus_warnings Eigen3::Eigen HDF5::HDF5 nlohmann_json::nlohmann_json)
  target_compile_options(${objects} PRIVATE -march=${ARG_MARCH} -fno-gnu-unique)
  # GCC 12's AVX-512 intrinsics header warns about itself inside every inlined Eigen packet
  # function; this header includes it first under a pragma that covers its lines only.
  target_compile_options(${objects} PRIVATE
    "SHELL:-include ${PROJECT_SOURCE_DIR}/core/common/avx512_intrinsics_gcc12.h")

  set(merged ${CMAKE_CURRENT_BINARY_DIR}/starlocus_cpu_${ARG_PATH}.merged.o)
  set(isolated ${CMAKE_CURRENT_BINARY_DIR}/starlocus_cpu_${ARG_PATH}.o)
  add_custom_command(OUTPUT ${isolated}
    COMMAND ${CMAKE_LINKER} -r --force-group-allocation -o ${merged} $<TARGET_OBJECTS:${objects}>
    COMMAND ${CMAKE_OBJCOPY} --keep-global-symbol=${ARG_SYMBOL} ${merged} ${isolated}
    COMMAND ${CMAKE_COMMAND} -DNM=${CMAKE_NM} -DOBJECT=${isolated} -DSYMBOL=${ARG_SYMBOL}
            -P ${PROJECT_SOURCE_DIR}/core/check_cpu_variant.cmake
    DEPENDS ${objects} $<TARGET_OBJECTS:${objects}> ${PROJECT_SOURCE_DIR}/core/check_cpu_variant.cmake
    COMMENT "Isolating the ${ARG_PATH} kernels (-march=${ARG_MARCH})"
    COMMAND_EXPAND_LISTS VERBATIM)
  set_source_files_properties(${isolated} PROPERTIES EXTERNAL_OBJECT TRUE GENERATED TRUE)
  target_sources(${target} PRIVATE ${isolated})
endfunction()
