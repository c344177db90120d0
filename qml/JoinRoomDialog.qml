// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Talker

// "Join room…": a room name on the current account, or a talker:// link.
ThemedDialog {
    id: dialog
    objectName: "joinRoomDialog"
    contentWidth: 340
    title: qsTr("Join room")
    footer: RowLayout {
        spacing: 8
        Item { Layout.fillWidth: true }
        SecondaryButton {
            Layout.bottomMargin: 16
            text: qsTr("Cancel")
            onClicked: dialog.reject()
        }
        PrimaryButton {
            objectName: "joinButton"
            Layout.bottomMargin: 16
            Layout.rightMargin: 16
            text: qsTr("Join")
            enabled: name.text.trim().length > 0
            onClicked: dialog.accept()
        }
    }
    onOpened: { name.text = ""; name.forceActiveFocus() }
    onAccepted: {
        const text = name.text.trim()
        if (text.startsWith("talker:")) {
            if (!Invites.offer(text))
                App.connector.openLink(text)
        }
        else
            App.chats.joinRoom(text)
    }

    ColumnLayout {
        width: dialog.availableWidth
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: App.chats.currentAccount
                  ? qsTr("Room name on %1, or a talker:// link").arg(App.chats.currentAccount.label)
                  : qsTr("Room name or talker:// link")
            color: Theme.mutedText
        }
        TextField {
            id: name
            objectName: "joinRoomName"
            Layout.fillWidth: true
            placeholderText: qsTr("Room name")
            Accessible.name: qsTr("Room name")
            onAccepted: dialog.accept()
        }
    }
}
