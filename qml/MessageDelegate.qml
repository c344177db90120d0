import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Talker

// One message: day separator, new-messages divider, author line for the first of a
// group, the text (markdown, links), and the state of the user's own sends.
Item {
    id: delegate
    required property var model
    required property int index
    signal editRequested(string messageId)

    implicitHeight: column.implicitHeight

    Accessible.role: Accessible.ListItem
    Accessible.name: qsTr("%1 at %2: %3").arg(model.authorName).arg(Format.time(model.time)).arg(model.text)

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
            visible: delegate.model.firstOfDay
            Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }
            Label {
                text: Format.day(delegate.model.day)
                color: Theme.mutedText
                font.pixelSize: Theme.baseFontPixels * 0.8
                font.bold: true
            }
            Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }
        }

        // New-messages divider at the last read position
        RowLayout {
            objectName: "newMessagesDivider"
            Layout.fillWidth: true
            Layout.leftMargin: 20
            Layout.rightMargin: 20
            Layout.topMargin: 4
            visible: delegate.model.firstUnread
            Rectangle { Layout.fillWidth: true; height: 1; color: Theme.badge }
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
            Layout.topMargin: delegate.model.firstInGroup ? 6 : 0
            implicitHeight: row.implicitHeight + 6
            color: delegate.model.isMention && !delegate.model.isPrivate ? Theme.mention : (hover.hovered ? Theme.hover : "transparent")

            HoverHandler { id: hover }
            TapHandler {
                acceptedButtons: Qt.RightButton
                onTapped: if (delegate.model.isOwn) contextMenu.popup()
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
                    implicitHeight: delegate.model.firstInGroup && !delegate.model.isAction ? 36 : timeHint.implicitHeight
                    Avatar {
                        visible: delegate.model.firstInGroup && !delegate.model.isAction
                        anchors.fill: parent
                        name: delegate.model.authorName
                    }
                    Label {
                        id: timeHint
                        visible: !delegate.model.firstInGroup && hover.hovered
                        anchors.right: parent.right
                        text: Format.time(delegate.model.time)
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
                        visible: delegate.model.firstInGroup && !delegate.model.isAction
                        spacing: 8
                        Label {
                            text: delegate.model.authorName
                            font.bold: true
                            color: Format.colorFor(delegate.model.authorName)
                        }
                        Label {
                            text: Format.time(delegate.model.time)
                            color: Theme.mutedText
                            font.pixelSize: Theme.baseFontPixels * 0.8
                        }
                        Label {
                            visible: delegate.model.isPrivate
                            text: qsTr("private")
                            color: Theme.mutedText
                            font.pixelSize: Theme.baseFontPixels * 0.75
                            font.italic: true
                        }
                    }
                    TextEdit {
                        id: text
                        objectName: "messageText"
                        Layout.fillWidth: true
                        readOnly: true
                        selectByMouse: true
                        wrapMode: Text.Wrap
                        textFormat: TextEdit.RichText
                        color: delegate.model.pending ? Theme.mutedText : Theme.text
                        selectionColor: Theme.accent
                        font.pixelSize: Theme.baseFontPixels
                        font.italic: delegate.model.isAction
                        text: Format.messageHtml(delegate.model.text, Theme.link,
                                                 delegate.model.isAction ? delegate.model.authorName : "",
                                                 delegate.model.edited ? qsTr("(edited)") : "",
                                                 Theme.mutedText)
                        onLinkActivated: function(link) {
                            if (link.startsWith("talker:"))
                                App.openLink(link)
                            else
                                Qt.openUrlExternally(link)
                        }
                        HoverHandler {
                            cursorShape: text.hoveredLink.length > 0 ? Qt.PointingHandCursor : Qt.IBeamCursor
                        }
                    }
                    RowLayout {
                        visible: delegate.model.pending || delegate.model.failed
                        spacing: 6
                        Label {
                            text: delegate.model.failed ? qsTr("Not sent") : qsTr("Sending…")
                            color: delegate.model.failed ? Theme.error : Theme.mutedText
                            font.pixelSize: Theme.baseFontPixels * 0.8
                        }
                        Button {
                            objectName: "retryButton"
                            visible: delegate.model.failed
                            flat: true
                            text: qsTr("Retry")
                            font.pixelSize: Theme.baseFontPixels * 0.8
                            onClicked: Chat.retry(delegate.model.messageId)
                        }
                    }
                }
            }

            Menu {
                id: contextMenu
                MenuItem {
                    text: qsTr("Edit")
                    onTriggered: delegate.editRequested(delegate.model.messageId)
                }
                MenuItem {
                    text: qsTr("Retract")
                    onTriggered: Chat.retract(delegate.model.messageId)
                }
                MenuItem {
                    text: qsTr("Copy text")
                    onTriggered: { text.selectAll(); text.copy(); text.deselect() }
                }
            }
        }
    }
}
