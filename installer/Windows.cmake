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

# --- NSIS ----------------------------------------------------------------------
file(TO_NATIVE_PATH "${TALKER_RESOURCES_DIR}/icons/talker.ico" talker_ico_native)
set(CPACK_NSIS_PACKAGE_NAME "Talker")
set(CPACK_NSIS_DISPLAY_NAME "Talker ${PROJECT_VERSION}")
set(CPACK_NSIS_INSTALL_ROOT "$PROGRAMFILES64")
set(CPACK_NSIS_MUI_ICON "${talker_ico_native}")
set(CPACK_NSIS_MUI_UNIICON "${talker_ico_native}")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\talker.exe")
set(CPACK_NSIS_EXECUTABLES_DIRECTORY "bin")
set(CPACK_NSIS_MUI_FINISHPAGE_RUN "talker.exe")
set(CPACK_NSIS_URL_INFO_ABOUT ${PROJECT_HOMEPAGE_URL})
set(CPACK_NSIS_HELP_LINK ${PROJECT_HOMEPAGE_URL})
set(CPACK_NSIS_CONTACT "dev@talker.example.org")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MODIFY_PATH OFF)
set(CPACK_CREATE_DESKTOP_LINKS talker)
# talker:// links open the app: HKLM (all users) or HKCU, as the installer runs.
# Bracket strings keep the backslashes; CPACK_VERBATIM_VARIABLES carries them to NSIS.
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS [=[
  WriteRegStr SHCTX "Software\Classes\talker" "" "URL:Talker link"
  WriteRegStr SHCTX "Software\Classes\talker" "URL Protocol" ""
  WriteRegStr SHCTX "Software\Classes\talker\DefaultIcon" "" "$INSTDIR\bin\talker.exe,0"
  WriteRegStr SHCTX "Software\Classes\talker\shell\open\command" "" '"$INSTDIR\bin\talker.exe" "%1"'
]=])
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS [=[
  DeleteRegKey SHCTX "Software\Classes\talker"
]=])
