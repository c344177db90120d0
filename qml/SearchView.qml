// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Talker

// Ctrl+F: search every room and private chat. The local caches answer at once, the
// servers' results join as they arrive. Up/Down choose, Enter opens the chat scrolled
// to the message (highlighted for a moment), Esc closes.
Popup {
    id: popup
    objectName: "searchView"

    width: Math.min(560, parent ? parent.width - 40 : 560)
    modal: true
    focus: true
    padding: 10
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    background: Rectangle { color: Theme.window; radius: 10; border.color: Theme.border }

    onOpened: {
        field.selectAll()
        field.forceActiveFocus()
    }

    /// App keys are "ACCOUNT/ROOM" and "ACCOUNT/@USERID"; the model's are the caches'.
    function appKey(row) {
        const key = row.chatKey
        return row.accountId + "/" + (key.startsWith("room:") ? key.substring(5) : "@" + key.substring(3))
    }

    function choose(index) {
        openResult(searchResults.get(index), searchResults.pagerFor(index))
    }

    /// `row` is one result's roles (SearchModel.get), `pager` its chat's pager, if any.
    function openResult(row, pager) {
        if (!row.messageId)
            return
        App.chats.selectKey(appKey(row))
        if (pager)
            pager.jumpTo(row.messageId)
        popup.close()
    }

    SearchModel {
        id: searchResults
        objectName: "searchModel"
        registry: App.registry
        onActivated: (row) => popup.choose(row)
    }

    Timer {
        id: typing
        interval: 200
        onTriggered: {
            searchResults.query = field.text
            list.currentIndex = 0
        }
    }

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: 6
        TextField {
            id: field
            objectName: "searchField"
            Layout.fillWidth: true
            placeholderText: qsTr("Search messages…")
            Accessible.name: qsTr("Search all messages")
            onTextChanged: typing.restart()
            onAccepted: {
                if (typing.running) {
                    typing.stop()
                    typing.triggered()
                }
                popup.choose(list.currentIndex)
            }
            Keys.onDownPressed: list.incrementCurrentIndex()
            Keys.onUpPressed: list.decrementCurrentIndex()
        }
        ListView {
            id: list
            objectName: "searchResults"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, 420)
            clip: true
            model: searchResults
            highlightMoveDuration: 0
            keyNavigationWraps: false
            delegate: ItemDelegate {
                id: hit
                required property int index
                required property string chatName
                required property string chatKey
                required property string authorName
                required property string markedText
                required property string messageText
                required property var time
                width: ListView.view.width
                highlighted: ListView.isCurrentItem
                Accessible.name: qsTr("%1 in %2: %3").arg(authorName).arg(chatName).arg(messageText)
                onClicked: (hit.ListView.view.model as SearchModel).activate(hit.index)
                // Readable on the selection colour as well as on the window.
                readonly property color mainColor: highlighted ? palette.highlightedText : Theme.text
                readonly property color mutedColor: highlighted ? palette.highlightedText
                                                                : Theme.mutedText
                contentItem: ColumnLayout {
                    spacing: 2
                    RowLayout {
                        Label {
                            text: (hit.chatKey.startsWith("room:") ? "#" : "@") + hit.chatName
                            color: hit.mainColor
                            font.bold: true
                        }
                        Label {
                            Layout.fillWidth: true
                            text: hit.authorName
                            color: hit.mutedColor
                            elide: Text.ElideRight
                        }
                        Label {
                            text: hit.time.toLocaleString(Qt.locale(), Locale.ShortFormat)
                            color: hit.mutedColor
                            font.pixelSize: Theme.baseFontPixels * 0.8
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        text: hit.markedText
                        color: hit.mainColor
                        textFormat: Text.StyledText
                        wrapMode: Text.Wrap
                        maximumLineCount: 2
                        elide: Text.ElideRight
                    }
                }
            }
        }
        RowLayout {
            objectName: "searchingRow"
            visible: searchResults.searching
            BusyIndicator {
                running: parent.visible
                Layout.preferredWidth: 20
                Layout.preferredHeight: 20
            }
            Label {
                text: qsTr("Searching the servers…")
                color: Theme.mutedText
            }
        }
        Label {
            objectName: "searchHint"
            visible: searchResults.query.length === 0
            text: qsTr("Type to search all rooms and private chats.")
            color: Theme.mutedText
        }
        Label {
            objectName: "searchNoResults"
            visible: searchResults.query.length > 0 && searchResults.count === 0 && !searchResults.searching
            text: qsTr("No messages match “%1”.").arg(searchResults.query)
            color: Theme.mutedText
        }
    }
}
