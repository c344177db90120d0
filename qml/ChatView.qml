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

        // Header
        RowLayout {
            Layout.fillWidth: true
            Layout.preferredHeight: 52
            Layout.leftMargin: 18
            Layout.rightMargin: 10
            spacing: 8
            Label {
                text: App.currentConversation ? "@" : "#"
                color: Theme.mutedText
                font.pixelSize: Theme.baseFontPixels * 1.3
                font.bold: true
                visible: App.currentTitle.length > 0
            }
            Label {
                objectName: "chatTitle"
                text: App.currentTitle
                font.pixelSize: Theme.baseFontPixels * 1.2
                font.bold: true
            }
            Rectangle {
                width: 8; height: 8; radius: 4
                visible: App.currentTitle.length > 0
                color: App.offline ? Theme.offline : Theme.online
                Accessible.name: App.offline ? qsTr("Offline") : qsTr("Connected")
            }
            Label {
                visible: App.currentRoom !== null
                text: App.currentRoom ? qsTr("%1 online").arg(App.members.onlineCount) : ""
                color: Theme.mutedText
                font.pixelSize: Theme.baseFontPixels * 0.85
            }
            Item { Layout.fillWidth: true }
            ToolButton {
                objectName: "notifyButton"
                visible: App.currentTitle.length > 0
                text: qsTr("Notifications ▾")
                font.pixelSize: Theme.baseFontPixels * 0.9
                Accessible.name: qsTr("Notification settings for this chat")
                onClicked: notifyMenu.popup()
                Menu {
                    id: notifyMenu
                    property int level: App.settings.notifyLevel(App.currentKey, App.currentConversation !== null)
                    onAboutToShow: level = App.settings.notifyLevel(App.currentKey, App.currentConversation !== null)
                    MenuItem { text: qsTr("All messages"); checkable: true; checked: notifyMenu.level === AppSettings.All
                               onTriggered: App.settings.setNotifyLevel(App.currentKey, AppSettings.All) }
                    MenuItem { text: qsTr("Mentions and private messages"); checkable: true; checked: notifyMenu.level === AppSettings.Mentions
                               onTriggered: App.settings.setNotifyLevel(App.currentKey, AppSettings.Mentions) }
                    MenuItem { text: qsTr("Nothing"); checkable: true; checked: notifyMenu.level === AppSettings.None
                               onTriggered: App.settings.setNotifyLevel(App.currentKey, AppSettings.None) }
                }
            }
            ToolButton {
                objectName: "membersButton"
                visible: App.currentRoom !== null
                text: qsTr("Members")
                font.pixelSize: Theme.baseFontPixels * 0.9
                checkable: true
                checked: chatView.membersVisible
                Accessible.name: qsTr("Show members")
                onClicked: chatView.toggleMembers()
            }
            ToolButton {
                objectName: "leaveButton"
                visible: App.currentRoom !== null
                text: qsTr("Leave")
                font.pixelSize: Theme.baseFontPixels * 0.9
                Accessible.name: qsTr("Leave room")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Leave room")
                onClicked: App.leaveCurrentRoom()
            }
        }
        Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }

        OfflineBanner {
            Layout.fillWidth: true
            visible: App.connectionText.length > 0
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
            visible: App.currentTitle.length > 0
            onSent: messageList.jumpToLatest()
        }
    }

    Label {
        anchors.centerIn: parent
        visible: App.currentTitle.length === 0
        text: qsTr("Pick a room on the left, or join one.")
        color: Theme.mutedText
    }
}
