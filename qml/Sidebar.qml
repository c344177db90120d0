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

    color: Theme.sidebar

    component Entry: ItemDelegate {
        id: entry
        property string title
        property string subtitle
        property int unread: 0
        property int mentions: 0
        property bool selected: false
        property bool online: true
        property bool isPrivate: false

        width: ListView.view ? ListView.view.width : implicitWidth
        height: 44
        leftPadding: 12
        rightPadding: 12
        Accessible.name: unread > 0 ? qsTr("%1, %2 unread").arg(title).arg(unread) : title
        background: Rectangle {
            radius: 6
            anchors.fill: parent
            anchors.leftMargin: 6
            anchors.rightMargin: 6
            color: entry.selected ? Theme.sidebarSelected : (entry.hovered ? Theme.sidebarHover : "transparent")
        }
        contentItem: RowLayout {
            spacing: 10
            Item {
                implicitWidth: 24
                implicitHeight: 24
                Avatar {
                    anchors.fill: parent
                    visible: entry.isPrivate
                    name: entry.title
                    presence: entry.online ? 0 : 2
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
                source: "qrc:/icons/hicolor/32x32/apps/org.talker.Talker.png"
                sourceSize: Qt.size(26, 26)
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
                Menu {
                    id: menu
                    MenuItem { text: qsTr("Join room…"); onTriggered: sidebar.joinRequested() }
                    MenuItem { text: qsTr("Connect to a server…"); onTriggered: sidebar.connectRequested() }
                    MenuItem {
                        text: qsTr("Host a local room")
                        enabled: !App.hostingLocal
                        onTriggered: App.hostLocalRoom()
                    }
                    MenuSeparator {}
                    MenuItem { text: qsTr("Settings…"); onTriggered: sidebar.settingsRequested() }
                    MenuItem { text: qsTr("Quit"); onTriggered: Qt.quit() }
                }
            }
        }

        Button {
            Layout.fillWidth: true
            Layout.leftMargin: 12
            Layout.rightMargin: 12
            Layout.bottomMargin: 8
            flat: true
            text: qsTr("Search rooms  (Ctrl+K)")
            Accessible.name: qsTr("Quick switcher")
            onClicked: switcher.open()
            background: Rectangle { radius: 6; color: Theme.sidebarHover; border.color: Theme.border }
            contentItem: Label { text: parent.text; color: Theme.mutedText; leftPadding: 6 }
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
                    Accessible.name: qsTr("Rooms")
                    delegate: Entry {
                        required property var model
                        title: model.name
                        subtitle: model.authenticationFailed ? qsTr("Authentication failed")
                                  : (!model.connected ? model.statusText
                                     : (App.registry.count > 1 ? model.accountLabel : ""))
                        unread: model.unreadCount
                        mentions: model.mentionCount
                        online: model.connected
                        selected: App.currentRoom === model.room
                        onClicked: App.selectRoom(model.room)
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
                    visible: App.conversations.count > 0
                    text: qsTr("PRIVATE")
                    color: Theme.mutedText
                    font.pixelSize: Theme.baseFontPixels * 0.75
                    font.bold: true
                    font.letterSpacing: 1
                }
                ListView {
                    objectName: "conversationList"
                    Layout.fillWidth: true
                    Layout.preferredHeight: contentHeight
                    interactive: false
                    model: App.conversations
                    Accessible.name: qsTr("Private conversations")
                    delegate: Entry {
                        required property var model
                        isPrivate: true
                        title: model.peerName
                        subtitle: model.lastMessagePreview
                        unread: model.unreadCount
                        online: model.connected
                        selected: App.currentConversation === model.conversation
                        onClicked: App.selectConversation(model.conversation)
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
                name: App.currentAccount ? App.currentAccount.userName : "?"
                presence: App.offline ? 2 : 0
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0
                Label {
                    Layout.fillWidth: true
                    text: App.currentAccount ? (App.currentAccount.userName || qsTr("Connecting…")) : ""
                    elide: Text.ElideRight
                    font.bold: true
                }
                Label {
                    Layout.fillWidth: true
                    text: App.currentAccount ? App.currentAccount.label : ""
                    elide: Text.ElideRight
                    color: Theme.mutedText
                    font.pixelSize: Theme.baseFontPixels * 0.8
                }
            }
        }
    }
}
