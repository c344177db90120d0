# SPDX-FileCopyrightText: 2026 Talker contributors
#
# SPDX-License-Identifier: GPL-3.0-or-later

# talker_add_test(NAME SOURCES... [LIBS ...] [LABELS ...] [TIMEOUT s])
# Builds a Qt Test executable linked to talker_core and registers it with CTest.
# The tests find the server binary through TALKER_SERVER_BIN.
function(talker_add_test name)
    cmake_parse_arguments(T "" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${name} ${T_SOURCES} ${T_UNPARSED_ARGUMENTS})
    target_link_libraries(${name} PRIVATE talker_core talker_testsupport Qt6::Test ${T_LIBS})
    if(TARGET talker-server)
        add_dependencies(${name} talker-server)
        target_compile_definitions(${name} PRIVATE
            TALKER_SERVER_BIN="$<TARGET_FILE:talker-server>")
    endif()
    add_test(NAME ${name} COMMAND ${name})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 120)
    endif()
    set_tests_properties(${name} PROPERTIES TIMEOUT ${T_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
    if(T_LABELS)
        set_tests_properties(${name} PROPERTIES LABELS "${T_LABELS}")
    endif()
endfunction()
