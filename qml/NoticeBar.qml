// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Talker

// A one-time message across the top of the window (no modal dialogs), with an
// optional action button (e.g. "Try again" after a keychain error).
Rectangle {
    id: bar
    property alias text: label.text
    property string actionText: ""
    signal dismissed()
    signal actionTriggered()

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
        SecondaryButton {
            objectName: "noticeActionButton"
            text: bar.actionText
            visible: bar.actionText.length > 0
            onClicked: bar.actionTriggered()
        }
        ToolButton {
            text: "✕"
            Accessible.name: qsTr("Dismiss message")
            onClicked: bar.dismissed()
        }
    }
}
