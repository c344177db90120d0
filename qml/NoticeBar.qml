// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Talker

// A one-time message across the top of the window (no modal dialogs).
Rectangle {
    id: bar
    property alias text: label.text
    signal dismissed()

    implicitHeight: row.implicitHeight + 12
    color: Theme.warning

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: 14
        anchors.rightMargin: 8
        Label {
            id: label
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.warningText
        }
        ToolButton {
            text: "✕"
            Accessible.name: qsTr("Dismiss message")
            onClicked: bar.dismissed()
        }
    }
}
