# SPDX-FileCopyrightText: 2026 Talker contributors
#
# SPDX-License-Identifier: GPL-3.0-or-later

# Windows: talker.exe gets its icon and version block (resources/windows/talker.rc.in).
# `cmake --install` (and so cpack) runs windeployqt on the installed executables:
# Qt's DLLs, plugins and, through --qmldir, the QML modules the views import land
# next to them in bin/. The NSIS installer adds Start-menu and desktop shortcuts,
# registers the talker:// URL scheme and installs an uninstaller.

if(TARGET talker)
    set(TALKER_ICO_PATH "${TALKER_RESOURCES_DIR}/icons/talker.ico")
    configure_file(${TALKER_RESOURCES_DIR}/windows/talker.rc.in
                   ${CMAKE_CURRENT_BINARY_DIR}/talker.rc @ONLY)
    target_sources(talker PRIVATE ${CMAKE_CURRENT_BINARY_DIR}/talker.rc)
endif()

# The MSVC runtime DLLs (vcruntime140.dll ...) next to the executables.
set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION ${CMAKE_INSTALL_BINDIR})
include(InstallRequiredSystemLibraries)

# QtKeychain, when it was built as a DLL (the CI recipe builds it static).
find_package(Qt6Keychain QUIET)
if(TARGET qt6keychain)
    get_target_property(keychain_type qt6keychain TYPE)
    if(keychain_type STREQUAL "SHARED_LIBRARY")
        install(IMPORTED_RUNTIME_ARTIFACTS qt6keychain
                RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
                LIBRARY DESTINATION ${CMAKE_INSTALL_BINDIR})
    endif()
endif()

find_program(TALKER_WINDEPLOYQT windeployqt HINTS "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_BINS}")
if(TALKER_WINDEPLOYQT)
    string(CONFIGURE [[
set(bindir "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}/@CMAKE_INSTALL_BINDIR@")
foreach(exe talker talker-server)
    if(NOT EXISTS "${bindir}/${exe}.exe")
        continue()
    endif()
    set(qml_args)
    if(exe STREQUAL "talker")
        set(qml_args --qmldir "@PROJECT_SOURCE_DIR@/qml")
    endif()
    message(STATUS "windeployqt ${bindir}/${exe}.exe")
    execute_process(
        COMMAND "@TALKER_WINDEPLOYQT@" ${qml_args} --no-translations
                --no-system-d3d-compiler --no-opengl-sw --dir "${bindir}" "${bindir}/${exe}.exe"
        RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "windeployqt failed for ${exe}.exe (${result})")
    endif()
endforeach()
]] deploy_code @ONLY)
    install(CODE "${deploy_code}")
else()
    message(WARNING "windeployqt not found: the install folder and the NSIS installer "
                    "will lack Qt. Put Qt's bin folder on PATH or set TALKER_WINDEPLOYQT.")
endif()

# NSIS settings (also compiled on Linux by tests/installer when makensis exists).
include(${CMAKE_CURRENT_LIST_DIR}/windows/Nsis.cmake)
