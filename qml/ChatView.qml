// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Talker

// The open room or private conversation: header, offline banner, messages, composer.
Rectangle {
    id: chatView
    property bool membersVisible: false
    signal toggleMembers()

    color: Theme.window

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // Header: the title elides first; when even that leaves no room for the
        // buttons (narrow window, large font), they fold into one "More" menu.
        RowLayout {
            id: header
            objectName: "chatHeader"
            // From the view's width: the row's own width grows with what it holds.
            readonly property bool compact: chatView.width - 28 < Math.min(titleLabel.implicitWidth, 120)
                                            + onlineLabel.implicitWidth + 60 + actions.implicitWidth
                                            + (share.available ? share.fullWidth + 8 : 0)
            Layout.fillWidth: true
            Layout.preferredHeight: Math.max(52, Math.ceil(Theme.lineHeight * 1.3) + 16)
            Layout.leftMargin: 18
            Layout.rightMargin: 10
            spacing: 8
            Label {
                text: App.chats.currentConversation ? "@" : "#"
                color: Theme.mutedText
                font.pixelSize: Theme.baseFontPixels * 1.3
                font.bold: true
                visible: App.chats.currentTitle.length > 0
                Accessible.ignored: true
            }
            Label {
                id: titleLabel
                objectName: "chatTitle"
                Layout.preferredWidth: implicitWidth
                Layout.minimumWidth: Math.min(implicitWidth, 40)
                text: App.chats.currentTitle
                elide: Text.ElideRight
                font.pixelSize: Theme.baseFontPixels * 1.2
                font.bold: true
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Rectangle {
                objectName: "presenceDot"
                // A private chat shows the other person's presence; a room, the connection.
                readonly property int peer: App.chats.currentConversation ? App.chats.peerPresence : -2
                implicitWidth: 8; implicitHeight: 8; radius: 4
                visible: App.chats.currentTitle.length > 0
                color: peer === -2 ? (App.chats.offline ? Theme.offline : Theme.online)
                     : peer === 0 ? Theme.online : peer === 1 ? Theme.idle : Theme.offline
                opacity: peer === -1 ? 0.4 : 1
                Accessible.role: Accessible.StaticText
                Accessible.name: peer === -2 ? (App.chats.offline ? qsTr("Offline") : qsTr("Connected"))
                                             : peerLabel.text
            }
            Label {
                id: peerLabel
                objectName: "peerPresenceLabel"
                visible: App.chats.currentConversation !== null && !header.compact
                text: [qsTr("unknown"), qsTr("online"), qsTr("idle"), qsTr("offline")][App.chats.peerPresence + 1]
                color: Theme.mutedText
                font.pixelSize: Theme.baseFontPixels * 0.85
            }
            Label {
                id: onlineLabel
                visible: App.chats.currentRoom !== null && !header.compact
                text: App.chats.currentRoom ? qsTr("%1 online").arg(App.chats.members.onlineCount) : ""
                color: Theme.mutedText
                font.pixelSize: Theme.baseFontPixels * 0.85
            }
            Item { Layout.fillWidth: true }
            LocalShareButton {
                id: share
                folded: header.compact
            }
            Row {
                id: actions
                visible: !header.compact
                spacing: 2
                SecondaryButton {
                    objectName: "notifyButton"
                    visible: App.chats.currentTitle.length > 0
                    flat: true
                    text: qsTr("Notifications ▾")
                    font.pixelSize: Theme.baseFontPixels * 0.9
                    Accessible.name: qsTr("Notification settings for this chat")
                    onClicked: notifyMenu.popup()
                }
                SecondaryButton {
                    objectName: "membersButton"
                    visible: App.chats.currentRoom !== null
                    flat: true
                    text: qsTr("Members")
                    font.pixelSize: Theme.baseFontPixels * 0.9
                    checkable: true
                    checked: chatView.membersVisible
                    Accessible.name: qsTr("Show members")
                    onClicked: chatView.toggleMembers()
                }
                SecondaryButton {
                    objectName: "leaveButton"
                    visible: App.chats.currentRoom !== null
                    flat: true
                    text: qsTr("Leave")
                    font.pixelSize: Theme.baseFontPixels * 0.9
                    Accessible.name: qsTr("Leave room")
                    onClicked: leaveDialog.open()
                }
            }
            SecondaryButton {
                objectName: "moreButton"
                visible: header.compact && App.chats.currentTitle.length > 0
                flat: true
                text: "⋯"
                font.pixelSize: Theme.baseFontPixels * 1.2
                Accessible.name: qsTr("More actions")
                onClicked: moreMenu.popup()
            }
            ThemedMenu {
                id: notifyMenu
                objectName: "notifyMenu"
                property int level: App.settings.notifyLevel(App.chats.currentKey, App.chats.currentConversation !== null)
                onAboutToShow: level = App.settings.notifyLevel(App.chats.currentKey, App.chats.currentConversation !== null)
                ThemedMenuItem { text: qsTr("All messages"); checkable: true; checked: notifyMenu.level === AppSettings.All
                                 onTriggered: App.settings.setNotifyLevel(App.chats.currentKey, AppSettings.All) }
                ThemedMenuItem { text: qsTr("Mentions and private messages"); checkable: true; checked: notifyMenu.level === AppSettings.Mentions
                                 onTriggered: App.settings.setNotifyLevel(App.chats.currentKey, AppSettings.Mentions) }
                ThemedMenuItem { text: qsTr("Nothing"); checkable: true; checked: notifyMenu.level === AppSettings.None
                                 onTriggered: App.settings.setNotifyLevel(App.chats.currentKey, AppSettings.None) }
            }
            ThemedMenu {
                id: moreMenu
                objectName: "moreMenu"
                ThemedMenuItem {
                    objectName: "inviteSomeoneItem"
                    visible: share.available
                    height: visible ? implicitHeight : 0
                    text: qsTr("Invite someone…")
                    onTriggered: share.dialog.open()
                }
                ThemedMenuItem { text: qsTr("Notifications…"); onTriggered: notifyMenu.popup() }
                ThemedMenuItem {
                    visible: App.chats.currentRoom !== null
                    height: visible ? implicitHeight : 0
                    text: chatView.membersVisible ? qsTr("Hide members") : qsTr("Show members")
                    onTriggered: chatView.toggleMembers()
                }
                ThemedMenuItem {
                    visible: App.chats.currentRoom !== null
                    height: visible ? implicitHeight : 0
                    text: qsTr("Leave room…")
                    onTriggered: leaveDialog.open()
                }
            }
        }
        Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }

        OfflineBanner {
            Layout.fillWidth: true
            visible: App.chats.connectionText.length > 0
        }

        MessageList {
            id: messageList
            Layout.fillWidth: true
            Layout.fillHeight: true
            onEditRequested: function(id) { composer.startEdit(id) }
        }

        Label {
            objectName: "typingLabel"
            Layout.fillWidth: true
            Layout.leftMargin: 20
            Layout.preferredHeight: Theme.baseFontPixels * 1.5
            text: Chat.typingText
            color: Theme.mutedText
            font.italic: true
            font.pixelSize: Theme.baseFontPixels * 0.85
            elide: Text.ElideRight
        }

        Composer {
            id: composer
            Layout.fillWidth: true
            Layout.leftMargin: 16
            Layout.rightMargin: 16
            Layout.bottomMargin: 12
            visible: App.chats.currentTitle.length > 0
            onSent: messageList.jumpToLatest()
        }
    }

    ConfirmDialog {
        id: leaveDialog
        objectName: "leaveDialog"
        anchors.centerIn: parent
        title: qsTr("Leave #%1?").arg(App.chats.currentTitle)
        text: qsTr("You stop receiving its messages. You can join it again at any time.")
        confirmText: qsTr("Leave")
        onAccepted: App.chats.leaveCurrentRoom()
    }

    Label {
        anchors.centerIn: parent
        visible: App.chats.currentTitle.length === 0
        text: qsTr("Pick a room on the left, or join one.")
        color: Theme.mutedText
    }
}
