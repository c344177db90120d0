// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Talker

// Ctrl+K: type part of a room or person's name, Enter opens it, Esc closes.
Popup {
    id: popup
    objectName: "quickSwitcher"
    // The results: a C++ model (SwitcherModel) filtered by the text field.
    readonly property SwitcherModel entries: App.chats.switcher

    // Fixed at the top, not centred: the filter stays put while the results change.
    width: Math.min(Math.round(Theme.baseFontPixels * 32), parent ? parent.width - 40 : 420)
    x: parent ? Math.round((parent.width - width) / 2) : 0
    y: parent ? Math.round(parent.height * 0.12) : 0
    modal: true
    focus: true
    padding: 10
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    background: Rectangle { color: Theme.window; radius: 10; border.color: Theme.border }

    onOpened: {
        filter.text = ""
        entries.filter = ""
        entries.refresh() // unread counts and chats may have changed since last time
        results.currentIndex = 0
        filter.forceActiveFocus()
    }

    Connections {
        target: App.chats
        function onCurrentChanged() { popup.close() }
    }

    function choose(index) {
        if (index >= 0 && index < entries.count) {
            App.chats.selectKey(entries.keyAt(index))
            popup.close()
        }
    }

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: 6
        TextField {
            id: filter
            objectName: "switcherFilter"
            Layout.fillWidth: true
            placeholderText: qsTr("Jump to a room or person…")
            Accessible.name: qsTr("Filter rooms and people")
            onTextChanged: {
                popup.entries.filter = text
                results.currentIndex = 0
            }
            onAccepted: popup.choose(results.currentIndex)
            Keys.onDownPressed: results.incrementCurrentIndex()
            Keys.onUpPressed: results.decrementCurrentIndex()
        }
        ListView {
            id: results
            objectName: "switcherResults"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, 320)
            clip: true
            model: popup.entries
            highlightMoveDuration: 0
            delegate: ItemDelegate {
                id: result
                required property string key
                required property string title
                required property string subtitle
                required property int unread
                required property bool isPrivate
                required property int index
                width: ListView.view.width
                highlighted: ListView.isCurrentItem
                text: (isPrivate ? "@" : "#") + title
                Accessible.name: title
                // Opening a chat closes the switcher (see Connections above).
                onClicked: App.chats.selectKey(result.key)
                background: Rectangle {
                    color: result.highlighted ? Theme.menuHighlight
                                              : result.hovered ? Theme.hover : "transparent"
                    radius: 4
                }
                contentItem: RowLayout {
                    Label {
                        Layout.fillWidth: true
                        text: result.text
                        elide: Text.ElideRight
                    }
                    Label {
                        text: result.subtitle
                        color: Theme.mutedText
                        font.pixelSize: Theme.baseFontPixels * 0.8
                    }
                    Badge { count: result.unread }
                }
            }
        }
        Label {
            visible: popup.entries.count === 0
            text: qsTr("Nothing matches.")
            color: Theme.mutedText
        }
    }
}
