// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Talker

// Shown while the open chat is not connected: why, when the next retry is, Retry now.
Rectangle {
    id: banner
    objectName: "offlineBanner"
    implicitHeight: row.implicitHeight + 12
    color: App.chats.authenticationFailed ? Theme.danger : Theme.warning
    Accessible.role: Accessible.AlertMessage
    Accessible.name: App.chats.connectionText

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: 18
        anchors.rightMargin: 12
        Label {
            objectName: "offlineText"
            Layout.fillWidth: true
            text: App.chats.connectionText
            wrapMode: Text.Wrap
            color: App.chats.authenticationFailed ? Theme.error : Theme.warningText
        }
        SecondaryButton {
            objectName: "retryNowButton"
            text: qsTr("Retry now")
            visible: App.chats.currentAccount !== null
            onClicked: App.chats.retryNow()
        }
    }
}
