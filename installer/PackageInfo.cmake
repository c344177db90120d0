# SPDX-FileCopyrightText: 2026 Talker contributors
#
# SPDX-License-Identifier: GPL-3.0-or-later

# What every package says about itself. Included by installer/Packaging.cmake and
# by tests/installer/nsis; needs PROJECT_VERSION and PROJECT_HOMEPAGE_URL.
set(CPACK_PACKAGE_NAME "talker")
set(CPACK_PACKAGE_VENDOR "The Talker developers")
set(CPACK_PACKAGE_CONTACT "The Talker developers <dev@talker.example.org>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Team chat: rooms, private messages and presence")
set(CPACK_PACKAGE_DESCRIPTION
    "Talker is a native desktop chat application for small teams, with rooms, private \
messages, presence and desktop notifications; nothing typed is ever lost. The package \
also holds talker-server, the server it talks to, with a systemd unit that is \
installed but not enabled.")
set(CPACK_PACKAGE_HOMEPAGE_URL ${PROJECT_HOMEPAGE_URL})
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Talker")
set(CPACK_PACKAGE_EXECUTABLES "talker" "Talker")
set(CPACK_PACKAGE_CHECKSUM SHA256)
# GPL-3.0-or-later: shown by the NSIS and DMG installers, named by the RPM and the .deb copyright.
set(CPACK_RESOURCE_FILE_LICENSE "${CMAKE_CURRENT_LIST_DIR}/../LICENSE")
set(CPACK_STRIP_FILES ON)
# Values reach CPackConfig.cmake exactly as written here (the NSIS registry
# commands keep their backslashes).
set(CPACK_VERBATIM_VARIABLES ON)
set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_IGNORE_FILES "/\\.git/" "/build[^/]*/" "/\\.cache/")
