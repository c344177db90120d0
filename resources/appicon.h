// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QIcon>
#include <QString>

namespace talker::app {

/// The reverse-DNS id shared by the desktop file, the AppStream metainfo, the icon
/// name and the macOS bundle id ("org.talker.Talker"). Pass it to
/// QGuiApplication::setDesktopFileName() so Wayland shells find the icon.
QString applicationId();

/// The Talker icon in every committed size (16 to 512 px), from the PNGs compiled into
/// talker_resources, each read when a size is asked for. Use it as the window and tray
/// icon.
QIcon applicationIcon();

/// The qrc path of the PNG rendered at `size` px, e.g.
/// ":/icons/hicolor/48x48/apps/org.talker.Talker.png"; empty for a size not shipped.
QString applicationIconPath(int size);

} // namespace talker::app
