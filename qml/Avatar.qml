// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import Talker

// A colored circle with a user's initials and, optionally, a presence dot.
Rectangle {
    id: avatar
    property string name
    property int presence: -1 // -1: no dot; 0 online, 1 idle, 2 offline

    implicitWidth: 36
    implicitHeight: implicitWidth
    radius: width / 2
    color: Format.colorFor(name)

    Text {
        anchors.centerIn: parent
        text: Format.initials(avatar.name)
        color: "white"
        font.pixelSize: avatar.width * 0.4
        font.bold: true
    }
    Rectangle {
        visible: avatar.presence >= 0
        width: avatar.width * 0.32
        height: width
        radius: width / 2
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        border.width: 2
        border.color: Theme.window
        color: avatar.presence === 0 ? Theme.online : avatar.presence === 1 ? Theme.idle : Theme.offline
    }
}
