# SPDX-FileCopyrightText: 2026 Talker contributors
#
# SPDX-License-Identifier: GPL-3.0-or-later

# macOS: `talker` is built as Talker.app (Info.plist from resources/macos with
# CFBundleURLTypes "talker", icon talker.icns). `cmake --install` (and so cpack)
# moves talker-server into the bundle, runs macdeployqt with -qmldir so Qt's
# frameworks, plugins and the imported QML modules are copied in, and signs the
# bundle ad hoc. cpack -G DragNDrop wraps it in a DMG with an Applications link.

set(TALKER_BUNDLE_NAME "Talker")

if(TARGET talker)
    set_target_properties(talker PROPERTIES
        OUTPUT_NAME ${TALKER_BUNDLE_NAME}
        MACOSX_BUNDLE ON
        MACOSX_BUNDLE_INFO_PLIST ${TALKER_RESOURCES_DIR}/macos/Info.plist.in
        MACOSX_BUNDLE_GUI_IDENTIFIER ${TALKER_APP_ID}
        MACOSX_BUNDLE_BUNDLE_NAME ${TALKER_BUNDLE_NAME}
        MACOSX_BUNDLE_ICON_FILE talker.icns
        MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
        MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
        MACOSX_BUNDLE_COPYRIGHT "The Talker developers"
        # Keep the paths to Qt and QtKeychain so macdeployqt can resolve @rpath.
        INSTALL_RPATH_USE_LINK_PATH ON)
    set(icns ${TALKER_RESOURCES_DIR}/icons/talker.icns)
    target_sources(talker PRIVATE ${icns})
    set_source_files_properties(${icns} TARGET_DIRECTORY talker
                                PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
endif()
if(TARGET talker-server)
    set_target_properties(talker-server PROPERTIES INSTALL_RPATH_USE_LINK_PATH ON)
endif()

find_program(TALKER_MACDEPLOYQT macdeployqt HINTS "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_BINS}")
if(TARGET talker AND TALKER_MACDEPLOYQT)
    string(CONFIGURE [[
set(prefix "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}")
set(app "${prefix}/@TALKER_BUNDLE_NAME@.app")
if(NOT EXISTS "${app}/Contents/MacOS/@TALKER_BUNDLE_NAME@")
    message(FATAL_ERROR "macdeployqt: ${app} was not installed")
endif()
# The server lives in the bundle and uses its Qt frameworks.
set(server_bin "${prefix}/@CMAKE_INSTALL_BINDIR@/talker-server")
if(EXISTS "${server_bin}")
    file(RENAME "${server_bin}" "${app}/Contents/MacOS/talker-server")
    file(GLOB left "${prefix}/@CMAKE_INSTALL_BINDIR@/*")
    if(NOT left)
        file(REMOVE_RECURSE "${prefix}/@CMAKE_INSTALL_BINDIR@")
    endif()
endif()
set(extra)
if(EXISTS "${app}/Contents/MacOS/talker-server")
    list(APPEND extra "-executable=${app}/Contents/MacOS/talker-server")
endif()
message(STATUS "macdeployqt ${app}")
execute_process(
    COMMAND "@TALKER_MACDEPLOYQT@" "${app}" "-qmldir=@PROJECT_SOURCE_DIR@/qml" ${extra}
            -always-overwrite -verbose=1
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "macdeployqt failed (${result})")
endif()
# macdeployqt rewrote the binaries: sign ad hoc so Apple silicon runs them.
execute_process(COMMAND codesign --force --deep --sign - "${app}" RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "codesign failed (${result})")
endif()
]] deploy_code @ONLY)
    install(CODE "${deploy_code}")
elseif(TARGET talker)
    message(WARNING "macdeployqt not found: Talker.app will lack Qt. Put Qt's bin folder "
                    "on PATH or set TALKER_MACDEPLOYQT.")
endif()

# --- DragNDrop DMG -------------------------------------------------------------
set(CPACK_DMG_VOLUME_NAME "Talker")
set(CPACK_DMG_FORMAT UDZO)
set(CPACK_PACKAGE_ICON ${TALKER_RESOURCES_DIR}/icons/talker.icns)
set(CPACK_PACKAGE_FILE_NAME "Talker-${PROJECT_VERSION}-macOS")
