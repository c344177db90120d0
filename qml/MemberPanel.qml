// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Talker

// Members of the open room with presence; a click opens a private conversation.
Rectangle {
    id: panel
    color: Theme.sidebar

    Rectangle { anchors.left: parent.left; width: 1; height: parent.height; color: Theme.border }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        Label {
            Layout.margins: 14
            text: qsTr("Members — %1").arg(App.chats.members.count)
            font.bold: true
        }
        ListView {
            objectName: "memberList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: App.chats.members
            activeFocusOnTab: true
            keyNavigationEnabled: true
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Members")
            // Tab lands on a member (the first), not on the bare list.
            onActiveFocusChanged: if (activeFocus && currentIndex < 0 && count > 0) currentIndex = 0
            delegate: ItemDelegate {
                id: member
                required property string userId
                required property string name
                required property int presence
                required property bool isSelf
                required property bool typing
                // While disconnected nobody's presence is known: greyed, "unknown".
                readonly property int shownPresence: App.chats.offline ? -1 : presence
                readonly property string presenceText: shownPresence < 0 ? qsTr("unknown")
                    : [qsTr("online"), qsTr("idle"), qsTr("offline")][shownPresence]
                width: ListView.view.width
                height: Math.max(40, Math.ceil(implicitContentHeight) + topPadding + bottomPadding)
                topPadding: 4
                bottomPadding: 4
                // The user's own row too takes the keyboard (to be read); a click does nothing.
                focus: ListView.isCurrentItem
                Keys.onReturnPressed: clicked()
                Keys.onEnterPressed: clicked()
                Accessible.role: Accessible.ListItem
                Accessible.name: qsTr("%1, %2").arg(name).arg(presenceText)
                ToolTip.visible: hovered && !isSelf
                ToolTip.text: qsTr("Send %1 a private message").arg(name)
                onClicked: if (!isSelf) App.chats.openPrivate(userId, name)
                background: Rectangle {
                    color: member.hovered ? Theme.sidebarHover : "transparent"
                    border.width: member.ListView.isCurrentItem && member.ListView.view.activeFocus ? 2 : 0
                    border.color: Theme.accent
                }
                contentItem: RowLayout {
                    spacing: 10
                    Avatar {
                        implicitWidth: 28
                        name: member.name
                        presence: member.shownPresence < 0 ? 2 : member.shownPresence
                        opacity: member.shownPresence === 2 || member.shownPresence < 0 ? 0.5 : 1
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 0
                        Label {
                            Layout.fillWidth: true
                            text: member.isSelf ? qsTr("%1 (you)").arg(member.name) : member.name
                            elide: Text.ElideRight
                            color: member.shownPresence === 0 || member.shownPresence === 1 ? Theme.text : Theme.mutedText
                        }
                        Label {
                            Layout.fillWidth: true
                            text: member.typing ? qsTr("typing…") : member.presenceText
                            elide: Text.ElideRight
                            color: Theme.mutedText
                            font.pixelSize: Theme.baseFontPixels * 0.75
                        }
                    }
                }
            }
        }
    }
}
