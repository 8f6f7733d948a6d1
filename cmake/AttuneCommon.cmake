# SPDX-License-Identifier: MIT
# One INTERFACE target carries the language standard, warnings and Qt hygiene for every target.
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)

find_program(ATTUNE_CCACHE ccache)
if(ATTUNE_CCACHE)
  set(CMAKE_CXX_COMPILER_LAUNCHER ${ATTUNE_CCACHE})
endif()

add_library(attune_options INTERFACE)
target_compile_features(attune_options INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)
target_compile_options(attune_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wconversion
  -Wimplicit-fallthrough)
if(ATTUNE_WARNINGS_AS_ERRORS)
  target_compile_options(attune_options INTERFACE -Werror)
endif()
target_compile_definitions(attune_options INTERFACE
  QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
  QT_NO_CAST_FROM_BYTEARRAY QT_NO_NARROWING_CONVERSIONS_IN_CONNECT QT_USE_QSTRINGBUILDER
  QT_NO_KEYWORDS QT_DISABLE_DEPRECATED_BEFORE=0x060400)

# `cmake --build --preset dev --target format` rewrites every C++ file with .clang-format.
find_program(ATTUNE_CLANG_FORMAT NAMES clang-format-14 clang-format)
if(ATTUNE_CLANG_FORMAT)
  file(GLOB_RECURSE ATTUNE_FORMAT_FILES CONFIGURE_DEPENDS
    ${CMAKE_SOURCE_DIR}/src/*.cpp ${CMAKE_SOURCE_DIR}/src/*.h
    ${CMAKE_SOURCE_DIR}/tests/*.cpp ${CMAKE_SOURCE_DIR}/tests/*.h
    ${CMAKE_SOURCE_DIR}/bench/*.cpp)
  add_custom_target(format COMMAND ${ATTUNE_CLANG_FORMAT} -i --style=file ${ATTUNE_FORMAT_FILES}
    WORKING_DIRECTORY ${CMAKE_SOURCE_DIR} COMMENT "clang-format")
endif()
