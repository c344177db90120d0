# SPDX-FileCopyrightText: 2026 Talker contributors
#
# SPDX-License-Identifier: GPL-3.0-or-later

# talker_qml_debian_depends(<out-var> QML_DIR <qt-qml-dir> SOURCES <file.qml>...)
#
# dpkg-shlibdeps sees the libraries the binaries link, never the QML modules the
# app imports at run time. This finds them: it reads the `import` lines of the
# app's QML files, follows each module's qmldir (`import`, `depends`, `default
# import`) and the imports of the module's own .qml files, and asks dpkg which
# package owns each module's qmldir. The result (e.g. qml6-module-qtquick-controls,
# qml6-module-qtquick-templates) goes into the .deb's Depends. Modules that are not
# installed under QML_DIR (the app's own "Talker" module is compiled in) are skipped.
# Works in script mode too: cpack runs it through CPackProjectConfig.cmake.

function(_talker_qml_imports_of_file file out)
    set(uris)
    file(STRINGS "${file}" lines REGEX "^[ \t]*import[ \t]+[A-Za-z]")
    foreach(line IN LISTS lines)
        if(line MATCHES "^[ \t]*import[ \t]+([A-Za-z_][A-Za-z0-9_.]*)")
            list(APPEND uris "${CMAKE_MATCH_1}")
        endif()
    endforeach()
    set(${out} "${uris}" PARENT_SCOPE)
endfunction()

function(_talker_qml_imports_of_qmldir file out)
    set(uris)
    file(STRINGS "${file}" lines REGEX "^[ \t]*(import|depends|default[ \t]+import)[ \t]")
    foreach(line IN LISTS lines)
        if(line MATCHES "^[ \t]*(import|depends|default[ \t]+import)[ \t]+([A-Za-z_][A-Za-z0-9_.]*)")
            list(APPEND uris "${CMAKE_MATCH_2}")
        endif()
    endforeach()
    set(${out} "${uris}" PARENT_SCOPE)
endfunction()

function(talker_qml_debian_depends out)
    cmake_parse_arguments(ARG "" "QML_DIR" "SOURCES" ${ARGN})
    set(queue)
    foreach(file IN LISTS ARG_SOURCES)
        _talker_qml_imports_of_file("${file}" uris)
        list(APPEND queue ${uris})
    endforeach()

    set(seen)
    set(qmldirs)
    while(queue)
        list(POP_FRONT queue uri)
        list(FIND seen "${uri}" index)
        if(index GREATER -1)
            continue()
        endif()
        list(APPEND seen "${uri}")
        string(REPLACE "." "/" rel "${uri}")
        set(dir "${ARG_QML_DIR}/${rel}")
        if(NOT EXISTS "${dir}/qmldir")
            continue()
        endif()
        list(APPEND qmldirs "${dir}/qmldir")
        _talker_qml_imports_of_qmldir("${dir}/qmldir" uris)
        list(APPEND queue ${uris})
        file(GLOB module_qml "${dir}/*.qml")
        foreach(file IN LISTS module_qml)
            _talker_qml_imports_of_file("${file}" uris)
            list(APPEND queue ${uris})
        endforeach()
    endwhile()

    set(packages)
    find_program(TALKER_DPKG_QUERY dpkg-query)
    if(qmldirs AND TALKER_DPKG_QUERY)
        execute_process(COMMAND ${TALKER_DPKG_QUERY} -S ${qmldirs}
                        OUTPUT_VARIABLE owners ERROR_QUIET)
        string(REPLACE "\n" ";" owners "${owners}")
        foreach(line IN LISTS owners)
            # "qml6-module-qtquick-controls:amd64: /usr/lib/.../qmldir"
            if(line MATCHES "^([^:, ]+)(:[a-z0-9]+)?: ")
                list(APPEND packages "${CMAKE_MATCH_1}")
            endif()
        endforeach()
    endif()
    list(REMOVE_DUPLICATES packages)
    list(SORT packages)
    set(${out} "${packages}" PARENT_SCOPE)
endfunction()
