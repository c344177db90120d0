// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Talker

// One message: day separator, new-messages divider, author line for the first of a
// group, the text (rich text computed in C++, the model's "html" role), and the
// state of the user's own sends. Right click: copy (anyone's), edit and retract
// (own).
Item {
    id: delegate
    required property int index
    required property string messageId
    required property string authorName
    required property string text
    required property string html
    required property string plainText
    required property date time
    required property date day
    required property bool edited
    required property bool deleted
    required property bool pending
    required property bool failed
    required property string failReason
    required property bool isPrivate
    required property bool isAction
    required property bool isOwn
    required property bool isMention
    required property bool firstInGroup
    required property bool firstOfDay
    required property bool firstUnread
    required property string replyTo
    required property string replyAuthor
    required property string replyText
    // The chat is a private conversation: its messages need no "private" tag.
    property bool inConversation: false
    signal editRequested(string messageId)
    signal retractRequested(string messageId)
    signal replyRequested(string messageId)
    /// The quote of a reply was clicked: show the original.
    signal quoteClicked(string messageId)

    implicitHeight: column.implicitHeight
    // The keyboard's place in the list: a ring while the list has the focus.
    readonly property bool keyboardCurrent: ListView.isCurrentItem && ListView.view !== null
                                            && ListView.view.activeFocus

    Accessible.role: Accessible.ListItem
    Accessible.name: qsTr("%1 at %2: %3").arg(authorName).arg(Format.time(time)).arg(plainText)

    ColumnLayout {
        id: column
        width: parent.width
        spacing: 0

        // Day separator
        RowLayout {
            Layout.fillWidth: true
            Layout.topMargin: 10
            Layout.bottomMargin: 4
            Layout.leftMargin: 20
            Layout.rightMargin: 20
            visible: delegate.firstOfDay
            Rectangle { Layout.fillWidth: true; implicitHeight: 1; color: Theme.border }
            Label {
                text: Format.day(delegate.day)
                color: Theme.mutedText
                font.pixelSize: Theme.baseFontPixels * 0.8
                font.bold: true
            }
            Rectangle { Layout.fillWidth: true; implicitHeight: 1; color: Theme.border }
        }

        // New-messages divider at the last read position
        RowLayout {
            objectName: "newMessagesDivider"
            Layout.fillWidth: true
            Layout.leftMargin: 20
            Layout.rightMargin: 20
            Layout.topMargin: 4
            visible: delegate.firstUnread
            Rectangle { Layout.fillWidth: true; implicitHeight: 1; color: Theme.badge }
            Label {
                text: qsTr("New messages")
                color: Theme.badge
                font.pixelSize: Theme.baseFontPixels * 0.8
                font.bold: true
            }
        }

        Rectangle {
            id: body
            Layout.fillWidth: true
            Layout.topMargin: delegate.firstInGroup ? 6 : 0
            implicitHeight: row.implicitHeight + 6
            color: delegate.isMention && !delegate.isPrivate ? Theme.mention : (hover.hovered ? Theme.hover : "transparent")
            border.width: delegate.keyboardCurrent ? 2 : 0
            border.color: Theme.accent

            HoverHandler { id: hover }
            TapHandler {
                acceptedButtons: Qt.RightButton
                onTapped: {
                    menuLoader.active = true
                    const menu = menuLoader.item as ThemedMenu
                    menu.target = delegate
                    menu.link = messageText.hoveredLink
                    menu.popup()
                }
            }

            RowLayout {
                id: row
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.topMargin: 3
                anchors.leftMargin: 20
                anchors.rightMargin: 20
                spacing: 12

                Item {
                    Layout.alignment: Qt.AlignTop
                    implicitWidth: 36
                    implicitHeight: delegate.firstInGroup && !delegate.isAction ? 36 : timeHint.implicitHeight
                    Avatar {
                        visible: delegate.firstInGroup && !delegate.isAction
                        anchors.fill: parent
                        name: delegate.authorName
                    }
                    Label {
                        id: timeHint
                        visible: !delegate.firstInGroup && hover.hovered
                        anchors.right: parent.right
                        text: Format.time(delegate.time)
                        color: Theme.mutedText
                        font.pixelSize: Theme.baseFontPixels * 0.7
                        topPadding: 3
                    }
                }

                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    spacing: 1
                    RowLayout {
                        Layout.fillWidth: true
                        visible: delegate.firstInGroup && !delegate.isAction
                        spacing: 8
                        Label {
                            Layout.preferredWidth: implicitWidth
                            Layout.minimumWidth: Math.min(implicitWidth, 40)
                            text: delegate.authorName
                            elide: Text.ElideRight
                            font.bold: true
                            // The avatar colour, lifted on dark backgrounds to stay readable.
                            color: Theme.dark ? Qt.lighter(Format.colorFor(delegate.authorName), 1.7)
                                              : Format.colorFor(delegate.authorName)
                        }
                        Label {
                            text: Format.time(delegate.time)
                            color: Theme.mutedText
                            font.pixelSize: Theme.baseFontPixels * 0.8
                        }
                        Label {
                            objectName: "privateTag"
                            visible: delegate.isPrivate && !delegate.inConversation
                            text: qsTr("private")
                            color: Theme.mutedText
                            font.pixelSize: Theme.baseFontPixels * 0.75
                            font.italic: true
                        }
                        Item { Layout.fillWidth: true }
                    }
                    Rectangle {
                        // The quote of the message this one answers; jumps to it.
                        objectName: "replyQuote"
                        visible: delegate.replyTo.length > 0
                        Layout.fillWidth: true
                        implicitHeight: quoteLabel.implicitHeight + 8
                        color: "transparent"
                        Accessible.role: Accessible.Button
                        Accessible.name: qsTr("In reply to %1").arg(quoteLabel.text)
                        Rectangle {
                            width: 3
                            height: parent.height
                            color: Theme.accent
                        }
                        Label {
                            id: quoteLabel
                            x: 10
                            y: 4
                            width: parent.width - 10
                            elide: Text.ElideRight
                            color: Theme.mutedText
                            font.pixelSize: Theme.baseFontPixels * 0.85
                            text: delegate.replyAuthor.length > 0
                                  ? qsTr("%1: %2").arg(delegate.replyAuthor).arg(delegate.replyText)
                                  : qsTr("Original message not loaded")
                        }
                        TapHandler {
                            onTapped: delegate.quoteClicked(delegate.replyTo)
                        }
                        HoverHandler {
                            cursorShape: Qt.PointingHandCursor
                        }
                    }
                    TextEdit {
                        id: messageText
                        objectName: "messageText"
                        Layout.fillWidth: true
                        readOnly: true
                        selectByMouse: true
                        wrapMode: Text.Wrap
                        textFormat: TextEdit.RichText
                        color: delegate.pending ? Theme.mutedText : Theme.text
                        selectionColor: Theme.accent
                        selectedTextColor: Theme.accentText
                        font.pixelSize: Theme.baseFontPixels
                        font.italic: delegate.isAction || delegate.deleted
                        text: delegate.deleted ? qsTr("Message deleted") : delegate.html
                        activeFocusOnTab: false
                        Accessible.ignored: true
                        onLinkActivated: function(link) {
                            if (link.startsWith("talker:"))
                                App.connector.openLink(link)
                            else
                                Qt.openUrlExternally(link)
                        }
                        HoverHandler {
                            cursorShape: messageText.hoveredLink.length > 0 ? Qt.PointingHandCursor : Qt.IBeamCursor
                        }
                    }
                    RowLayout {
                        visible: delegate.pending || delegate.failed
                        spacing: 6
                        Label {
                            objectName: "deliveryLabel"
                            text: !delegate.failed ? qsTr("Sending…")
                                : delegate.failReason.length > 0 ? qsTr("Not sent: %1").arg(delegate.failReason)
                                : qsTr("Not sent")
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                            color: delegate.failed ? Theme.error : Theme.mutedText
                            font.pixelSize: Theme.baseFontPixels * 0.8
                        }
                        SecondaryButton {
                            objectName: "retryButton"
                            visible: delegate.failed
                            flat: true
                            text: qsTr("Retry")
                            font.pixelSize: Theme.baseFontPixels * 0.8
                            onClicked: Chat.retry(delegate.messageId)
                        }
                    }
                }
            }

            // Built on the first right click: a menu in every delegate made the
            // message list slow to create (app start, bench/app-start.sh).
            Loader {
                id: menuLoader
                active: false
                sourceComponent: ThemedMenu {
                    id: contextMenu
                    objectName: "messageMenu"
                    property string link
                    // Ids outside the component are out of reach for qmllint. Null until
                    // the first right click sets it, after the menu is built.
                    property MessageDelegate target
                    ThemedMenuItem {
                        objectName: "copyTextItem"
                        text: qsTr("Copy text")
                        onTriggered: Clipboard.copy(contextMenu.target.plainText)
                    }
                    ThemedMenuItem {
                        objectName: "copyLinkItem"
                        text: qsTr("Copy link")
                        enabled: contextMenu.link.length > 0
                        onTriggered: Clipboard.copy(contextMenu.link)
                    }
                    ThemedMenuItem {
                        objectName: "replyItem"
                        text: qsTr("Reply")
                        enabled: contextMenu.target !== null && !contextMenu.target.deleted
                                 && !contextMenu.target.pending && !contextMenu.target.failed
                        onTriggered: contextMenu.target.replyRequested(contextMenu.target.messageId)
                    }
                    ThemedMenuItem {
                        objectName: "editItem"
                        text: qsTr("Edit")
                        enabled: contextMenu.target !== null && contextMenu.target.isOwn
                                 && !contextMenu.target.deleted
                        onTriggered: contextMenu.target.editRequested(contextMenu.target.messageId)
                    }
                    ThemedMenuItem {
                        objectName: "retractItem"
                        text: qsTr("Retract…")
                        enabled: contextMenu.target !== null && contextMenu.target.isOwn
                                 && !contextMenu.target.deleted
                        onTriggered: contextMenu.target.retractRequested(contextMenu.target.messageId)
                    }
                }
            }
        }
    }
}
