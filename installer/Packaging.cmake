# SPDX-FileCopyrightText: 2026 Talker contributors
#
# SPDX-License-Identifier: GPL-3.0-or-later

# CPack: one package "talker" holding the app, the server and the desktop files.
# The generators follow the platform; pick one with `cpack -G <generator>`.

# Name, version, descriptions: shared with tests/installer/nsis.
include(${CMAKE_CURRENT_LIST_DIR}/PackageInfo.cmake)

if(APPLE)
    set(CPACK_GENERATOR DragNDrop)
elseif(WIN32)
    set(CPACK_GENERATOR NSIS ZIP)
else()
    set(CPACK_GENERATOR DEB TGZ)
    find_program(TALKER_RPMBUILD rpmbuild)
    if(TALKER_RPMBUILD)
        list(APPEND CPACK_GENERATOR RPM)
    endif()
endif()

# --- DEB ----------------------------------------------------------------------
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # talker_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${PROJECT_HOMEPAGE_URL})
# What dpkg-shlibdeps cannot see: plugins Qt loads at run time. The qml6-module-*
# packages of the QML imports are added when cpack runs (CPackProjectConfig.cmake).
set(TALKER_DEB_DEPENDS
    libqt6sql6-sqlite       # QSQLITE driver: server storage and the client cache
    qt6-qpa-plugins         # xcb platform plugin
    libqt6svg6              # SVG image/icon plugins: theme icons (tray, dialogs) are SVG
    qml6-module-qtquick     # QtQuick + Controls: the base of every view
    qml6-module-qtquick-controls
    qml6-module-qtquick-templates
    qml6-module-qtqml-workerscript) # loaded by QtQuick itself, no qmldir names it
set(TALKER_DEB_RECOMMENDS
    hicolor-icon-theme
    qt6-wayland             # native Wayland windows
    xdg-utils)
find_program(TALKER_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(TALKER_DPKG_SHLIBDEPS)
    # libqt6core6 ... libqt6keychain1, libc6 (versioned) from the binaries' NEEDED entries.
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
    list(APPEND TALKER_DEB_DEPENDS libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6
         libqt6sql6 libqt6dbus6 libqt6qml6 libqt6quick6 libqt6quickcontrols2-6
         libqt6keychain1)
endif()
string(JOIN ", " CPACK_DEBIAN_PACKAGE_DEPENDS ${TALKER_DEB_DEPENDS})
string(JOIN ", " CPACK_DEBIAN_PACKAGE_RECOMMENDS ${TALKER_DEB_RECOMMENDS})
# CPack puts the summary on the first line; this is the long description under it.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Talker is a native desktop chat application for small teams, with rooms,
private messages, presence and desktop notifications; nothing typed is ever
lost.
.
The package also holds talker-server, the server the app talks to, with a
systemd unit that is installed but not enabled.")

# --- RPM (Fedora / openSUSE names; automatic requirements add the libraries) ---
set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_LICENSE "GPL-3.0-or-later")
set(CPACK_RPM_PACKAGE_GROUP "Applications/Internet")
set(CPACK_RPM_PACKAGE_URL ${PROJECT_HOMEPAGE_URL})
set(CPACK_RPM_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
set(CPACK_RPM_PACKAGE_REQUIRES "qt6-qtdeclarative, qt6-qtbase-gui, qt6-qtsvg, qtkeychain-qt6")
# Directories that belong to the filesystem / hicolor-icon-theme / systemd packages.
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
    /usr/share/applications /usr/share/metainfo /usr/share/icons /usr/share/doc
    /usr/share/icons/hicolor /usr/share/icons/hicolor/scalable
    /usr/share/icons/hicolor/scalable/apps
    /usr/lib/systemd /usr/lib/systemd/system)
foreach(size ${TALKER_ICON_SIZES})
    list(APPEND CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
         /usr/share/icons/hicolor/${size}x${size} /usr/share/icons/hicolor/${size}x${size}/apps)
endforeach()

# --- cpack-time settings (QML dependencies of the .deb) -------------------------
file(GLOB_RECURSE TALKER_QML_SOURCES CONFIGURE_DEPENDS
     ${PROJECT_SOURCE_DIR}/qml/*.qml ${PROJECT_SOURCE_DIR}/app/*.qml)
set(TALKER_QT_QML_DIR "")
if(QT6_INSTALL_PREFIX AND QT6_INSTALL_QML)
    set(TALKER_QT_QML_DIR "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_QML}")
endif()
configure_file(${CMAKE_CURRENT_LIST_DIR}/CPackProjectConfig.cmake.in
               ${CMAKE_BINARY_DIR}/TalkerCPackProjectConfig.cmake @ONLY)
set(CPACK_PROJECT_CONFIG_FILE ${CMAKE_BINARY_DIR}/TalkerCPackProjectConfig.cmake)

include(CPack)
