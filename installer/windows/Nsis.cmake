# SPDX-FileCopyrightText: 2026 Talker contributors
#
# SPDX-License-Identifier: GPL-3.0-or-later

# NSIS installer settings for Windows: Start-menu and desktop shortcuts, the
# talker:// URL scheme, an uninstaller. Included by installer/Windows.cmake, and by
# tests/installer/nsis (which compiles the script with makensis on Linux).
# Needs TALKER_RESOURCES_DIR, PROJECT_VERSION, PROJECT_HOMEPAGE_URL and
# CPACK_VERBATIM_VARIABLES ON.
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
