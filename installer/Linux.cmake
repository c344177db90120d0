# SPDX-FileCopyrightText: 2026 Talker contributors
#
# SPDX-License-Identifier: GPL-3.0-or-later

# Linux desktop integration: the files a desktop environment and a software centre
# look for, under the install prefix (/usr for the .deb and .rpm).

option(TALKER_INSTALL_SYSTEMD_UNIT "Install the talker-server systemd unit (not enabled)" ON)

if(TARGET talker)
    install(FILES ${TALKER_RESOURCES_DIR}/${TALKER_APP_ID}.desktop
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${TALKER_RESOURCES_DIR}/${TALKER_APP_ID}.metainfo.xml
            DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(FILES ${TALKER_RESOURCES_DIR}/icons/${TALKER_APP_ID}.svg
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
    foreach(size ${TALKER_ICON_SIZES})
        install(FILES ${TALKER_RESOURCES_DIR}/icons/hicolor/${size}x${size}/apps/${TALKER_APP_ID}.png
                DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
    endforeach()
endif()

# Debian policy: every package carries its licence in machine-readable form.
install(FILES ${CMAKE_CURRENT_LIST_DIR}/linux/copyright
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/talker)

if(TARGET talker-server AND TALKER_INSTALL_SYSTEMD_UNIT)
    # lib/systemd/system under the prefix: /usr/lib/systemd/system for the packages.
    install(FILES ${CMAKE_CURRENT_LIST_DIR}/linux/talker-server.service
                  ${CMAKE_CURRENT_LIST_DIR}/linux/talker-server-node.service
            DESTINATION lib/systemd/system)
endif()
