// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Talker

// Joined rooms and private conversations with unread/mention badges and state.
Rectangle {
    id: sidebar
    signal joinRequested()
    signal connectRequested()
    signal settingsRequested()
    signal switcherRequested()

    color: Theme.sidebar

    component Entry: ItemDelegate {
        id: entry
        property string title
        property string subtitle
        property int unread: 0
        property int mentions: 0
        property bool selected: false
        property bool online: true
        // The avatar's dot (private chats): -1 unknown (none), 0 online, 1 idle, 2 offline.
        property int presence: online ? 0 : 2
        property bool isPrivate: false

        width: ListView.view ? ListView.view.width : implicitWidth
        // Grows with the font: two text lines and the padding, never less than 44.
        height: Math.max(44, Math.ceil(implicitContentHeight) + topPadding + bottomPadding)
        leftPadding: 12
        rightPadding: 12
        topPadding: 4
        bottomPadding: 4
        Accessible.role: Accessible.ListItem
        // Private chats say the other person's presence too, as the dot shows it.
        readonly property string spokenTitle: !isPrivate ? title
            : qsTr("%1, %2").arg(title).arg([qsTr("presence unknown"), qsTr("online"), qsTr("idle"), qsTr("offline")][presence + 1])
        Accessible.name: unread > 0 ? qsTr("%1, %2 unread").arg(spokenTitle).arg(unread) : spokenTitle
        Accessible.selected: selected
        // The keyboard's place in the list: a ring while the list has the focus.
        readonly property bool keyboardCurrent: ListView.isCurrentItem && ListView.view.activeFocus
        // The list hands its focus to the current entry: Enter opens it, arrows move.
        focus: ListView.isCurrentItem
        Keys.onReturnPressed: clicked()
        Keys.onEnterPressed: clicked()
        background: Rectangle {
            radius: 6
            anchors.fill: parent
            anchors.leftMargin: 6
            anchors.rightMargin: 6
            color: entry.selected ? Theme.sidebarSelected : (entry.hovered ? Theme.sidebarHover : "transparent")
            border.width: entry.keyboardCurrent ? 2 : 0
            border.color: Theme.accent
        }
        contentItem: RowLayout {
            spacing: 10
            Item {
                implicitWidth: Math.round(Theme.baseFontPixels * 1.8)
                implicitHeight: implicitWidth
                Avatar {
                    anchors.fill: parent
                    visible: entry.isPrivate
                    name: entry.title
                    presence: entry.presence
                }
                Label {
                    anchors.centerIn: parent
                    visible: !entry.isPrivate
                    text: "#"
                    color: entry.online ? Theme.mutedText : Theme.offline
                    font.pixelSize: Theme.baseFontPixels * 1.2
                    font.bold: true
                }
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0
                Label {
                    Layout.fillWidth: true
                    text: entry.title
                    elide: Text.ElideRight
                    font.bold: entry.unread > 0
                    color: entry.online ? Theme.text : Theme.mutedText
                }
                Label {
                    Layout.fillWidth: true
                    visible: text.length > 0
                    text: entry.subtitle
                    elide: Text.ElideRight
                    color: Theme.mutedText
                    font.pixelSize: Theme.baseFontPixels * 0.8
                }
            }
            Badge { count: entry.mentions; strong: true }
            Badge { count: entry.mentions > 0 ? 0 : entry.unread; strong: entry.isPrivate }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.margins: 12
            spacing: 8
            Image {
                // Read on Qt's image thread: the first frame does not wait for it.
                asynchronous: true
                source: "qrc:/icons/hicolor/32x32/apps/org.talker.Talker.png"
                sourceSize.width: 26
                sourceSize.height: 26
                Accessible.ignored: true
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Talker")
                font.pixelSize: Theme.baseFontPixels * 1.35
                font.bold: true
            }
            ToolButton {
                objectName: "menuButton"
                text: "⋯"
                font.pixelSize: Theme.baseFontPixels * 1.3
                Accessible.name: qsTr("Menu")
                onClicked: menu.popup()
                ThemedMenu {
                    id: menu
                    objectName: "mainMenu"
                    ThemedMenuItem { text: qsTr("Join room…"); onTriggered: sidebar.joinRequested() }
                    ThemedMenuItem { text: qsTr("Connect to a server…"); onTriggered: sidebar.connectRequested() }
                    ThemedMenuItem {
                        objectName: "hostLocalItem"
                        text: App.connector.hostingLocal ? qsTr("Hosting a local room") : qsTr("Host a local room")
                        enabled: !App.connector.hostingLocal
                        onTriggered: App.connector.hostLocalRoom()
                    }
                    MenuSeparator {}
                    ThemedMenuItem { text: qsTr("Settings…"); onTriggered: sidebar.settingsRequested() }
                    ThemedMenuItem { text: qsTr("Quit"); onTriggered: Qt.quit() }
                }
            }
        }

        Button {
            id: searchButton
            objectName: "searchButton"
            Layout.fillWidth: true
            Layout.leftMargin: 12
            Layout.rightMargin: 12
            Layout.bottomMargin: 8
            flat: true
            text: qsTr("Search rooms")
            Accessible.name: qsTr("Quick switcher (Ctrl+K)")
            onClicked: sidebar.switcherRequested()
            background: Rectangle {
                radius: 6
                color: Theme.sidebarHover
                border.color: searchButton.visualFocus ? Theme.accent : Theme.border
            }
            contentItem: RowLayout {
                spacing: 6
                Label {
                    Layout.fillWidth: true
                    leftPadding: 6
                    text: searchButton.text
                    color: Theme.mutedText
                    elide: Text.ElideRight
                }
                Label {
                    text: qsTr("Ctrl+K")
                    color: Theme.mutedText
                    font.pixelSize: Theme.baseFontPixels * 0.8
                }
            }
        }

        ScrollView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: availableWidth

            ColumnLayout {
                width: parent.width
                spacing: 2

                Label {
                    Layout.leftMargin: 16
                    Layout.topMargin: 6
                    text: qsTr("ROOMS")
                    color: Theme.mutedText
                    font.pixelSize: Theme.baseFontPixels * 0.75
                    font.bold: true
                    font.letterSpacing: 1
                }
                ListView {
                    id: roomList
                    objectName: "roomList"
                    Layout.fillWidth: true
                    Layout.preferredHeight: contentHeight
                    interactive: false
                    model: App.rooms
                    activeFocusOnTab: true
                    keyNavigationEnabled: true
                    Accessible.role: Accessible.List
                    Accessible.name: qsTr("Rooms")
                    delegate: Entry {
                        required property string name
                        required property bool authenticationFailed
                        required property bool connected
                        required property string statusText
                        required property string accountLabel
                        required property int unreadCount
                        required property int mentionCount
                        required property QtObject room
                        title: name
                        subtitle: authenticationFailed ? qsTr("Authentication failed")
                                  : (!connected ? statusText
                                     : (App.registry.count > 1 ? accountLabel : ""))
                        unread: unreadCount
                        mentions: mentionCount
                        online: connected
                        selected: App.chats.currentRoom === room
                        onClicked: App.chats.selectRoom(room)
                    }
                }
                Button {
                    objectName: "joinRoomButton"
                    Layout.leftMargin: 8
                    flat: true
                    text: qsTr("+ Join room…")
                    Accessible.name: qsTr("Join room")
                    onClicked: sidebar.joinRequested()
                }

                Label {
                    Layout.leftMargin: 16
                    Layout.topMargin: 12
                    visible: conversationList.count > 0
                    text: qsTr("PRIVATE")
                    color: Theme.mutedText
                    font.pixelSize: Theme.baseFontPixels * 0.75
                    font.bold: true
                    font.letterSpacing: 1
                }
                ListView {
                    id: conversationList
                    objectName: "conversationList"
                    Layout.fillWidth: true
                    Layout.preferredHeight: contentHeight
                    interactive: false
                    model: App.conversations
                    activeFocusOnTab: count > 0
                    keyNavigationEnabled: true
                    Accessible.role: Accessible.List
                    Accessible.name: qsTr("Private conversations")
                    delegate: Entry {
                        required property string peerName
                        required property string lastMessagePreview
                        required property int unreadCount
                        required property bool connected
                        required property int peerPresence
                        required property QtObject conversation
                        isPrivate: true
                        title: peerName
                        subtitle: Format.plainText(lastMessagePreview).replace(/\n/g, " ")
                        unread: unreadCount
                        // The other person, not only the connection: offline once
                        // they left every shared room, unknown while disconnected.
                        online: peerPresence === 0 || peerPresence === 1
                        presence: peerPresence
                        selected: App.chats.currentConversation === conversation
                        onClicked: App.chats.selectConversation(conversation)
                    }
                }
            }
        }

        Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }
        RowLayout {
            Layout.fillWidth: true
            Layout.margins: 10
            Avatar {
                implicitWidth: 28
                name: App.chats.currentAccount ? App.chats.currentAccount.userName : "?"
                presence: App.chats.offline ? 2 : 0
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0
                Label {
                    Layout.fillWidth: true
                    text: App.chats.currentAccount ? (App.chats.currentAccount.userName || qsTr("Connecting…")) : ""
                    elide: Text.ElideRight
                    font.bold: true
                }
                Label {
                    Layout.fillWidth: true
                    text: App.chats.currentAccount ? App.chats.currentAccount.label : ""
                    elide: Text.ElideRight
                    color: Theme.mutedText
                    font.pixelSize: Theme.baseFontPixels * 0.8
                }
            }
        }
    }
}
