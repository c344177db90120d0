// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import Talker

// A small rounded counter (unread messages, mentions).
Rectangle {
    id: badge
    property int count: 0
    property bool strong: false

    visible: count > 0
    implicitWidth: Math.max(height, label.implicitWidth + 10)
    implicitHeight: label.implicitHeight + 4
    radius: height / 2
    color: strong ? Theme.badge : (Theme.dark ? "#4a4d57" : "#c9ccd4")
    Accessible.role: Accessible.StaticText
    Accessible.name: strong ? qsTr("%1 mentions").arg(count) : qsTr("%1 unread").arg(count)

    Text {
        id: label
        anchors.centerIn: parent
        text: badge.count > 99 ? "99+" : badge.count
        color: badge.strong ? "white" : Theme.text
        font.pixelSize: Theme.baseFontPixels * 0.8
        font.bold: true
    }
}
