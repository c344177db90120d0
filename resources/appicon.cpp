// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "appicon.h"

#include <array>

namespace talker::app {

namespace {
constexpr std::array iconSizes{TALKER_ICON_SIZES};
} // namespace

QString applicationId()
{
    return QStringLiteral(TALKER_APP_ID);
}

QString applicationIconPath(int size)
{
    for (const int shipped : iconSizes) {
        if (shipped == size) {
            return QStringLiteral(":/icons/hicolor/%1x%1/apps/%2.png")
                .arg(size)
                .arg(applicationId());
        }
    }
    return {};
}

QIcon applicationIcon()
{
    QIcon icon;
    for (const int size : iconSizes)
        icon.addFile(applicationIconPath(size), QSize(size, size));
    return icon;
}

} // namespace talker::app
