// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Talker

// Enter sends, Shift+Enter adds a line, Up in an empty composer edits the last own
// message, Esc cancels the edit, Tab completes an @mention (or moves the focus on:
// never a tab character). Multi-line paste keeps its lines; blank lines and spaces
// around the message are trimmed on sending.
Rectangle {
    id: composer
    signal sent()

    function startEdit(messageId) {
        const text = Chat.startEdit(messageId)
        if (text.length > 0) {
            input.text = text
            input.cursorPosition = input.length
        }
        input.forceActiveFocus()
    }
    // Not while a popup (switcher, menu, dialog) is open: it keeps the keyboard.
    function focusInput() {
        const overlay = input.Overlay.overlay
        if (!overlay || overlay.children.length === 0)
            input.forceActiveFocus()
    }
    // Typing elsewhere in the chat lands here: the key's text is appended.
    function typeIn(text) {
        input.forceActiveFocus()
        input.insert(input.cursorPosition, text)
    }
    function send() {
        // Leading and trailing blank lines and spaces are noise; inner ones are kept.
        const text = input.text.replace(/^\s+|\s+$/g, "")
        if (text.length > 0 && Chat.submit(text)) {
            input.clear()
            composer.sent()
        }
    }

    // Shorter texts stay far enough under the limit to need no counter.
    readonly property int countFrom: Chat.maxMessageBytes / 8
    implicitHeight: column.implicitHeight + 12
    radius: Theme.radius
    color: Theme.composer
    border.color: input.activeFocus ? Theme.accent : Theme.border

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: 6
        spacing: 2

        // Why Enter sends nothing: the other person is not there, a room that never
        // connected. Said before sending, never after. A text that is too long says so
        // in the size counter below, and only there.
        Label {
            objectName: "sendProblem"
            Layout.fillWidth: true
            Layout.leftMargin: 6
            visible: text.length > 0 && !sizeCounter.tooLong
            text: Chat.sendError.length > 0 ? Chat.sendError : Chat.sendBlocker
            wrapMode: Text.Wrap
            color: Theme.error
            font.pixelSize: Theme.baseFontPixels * 0.8
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        // The encoded size against the limit, once a message gets near it; past the
        // limit, that it cannot be sent.
        Label {
            id: sizeCounter
            objectName: "sizeCounter"
            readonly property int bytes: input.length > composer.countFrom ? Chat.encodedSize(input.text) : 0
            readonly property bool tooLong: bytes > Chat.maxMessageBytes
            Layout.fillWidth: true
            Layout.leftMargin: 6
            visible: bytes > 0
            text: tooLong ? qsTr("Too long to send: %1, %2 at most.").arg(Chat.sizeText(bytes)).arg(Chat.sizeText(Chat.maxMessageBytes))
                          : qsTr("%1 of %2").arg(Chat.sizeText(bytes)).arg(Chat.sizeText(Chat.maxMessageBytes))
            wrapMode: Text.Wrap
            color: tooLong ? Theme.error : Theme.mutedText
            font.pixelSize: Theme.baseFontPixels * 0.8
            Accessible.role: tooLong ? Accessible.AlertMessage : Accessible.StaticText
            Accessible.name: text
        }
        RowLayout {
            objectName: "replyBar"
            visible: Chat.replyingId.length > 0
            Layout.fillWidth: true
            Layout.leftMargin: 6
            Label {
                Layout.fillWidth: true
                elide: Text.ElideRight
                text: qsTr("Replying to %1").arg(Chat.replyingText)
                color: Theme.accent
                font.pixelSize: Theme.baseFontPixels * 0.8
            }
            SecondaryButton {
                objectName: "cancelReply"
                flat: true
                text: "✕"
                Accessible.name: qsTr("Cancel the reply")
                onClicked: Chat.cancelReply()
            }
        }
        RowLayout {
            visible: Chat.editing
            Layout.fillWidth: true
            Layout.leftMargin: 6
            Label {
                Layout.fillWidth: true
                text: qsTr("Editing message — Enter to save, Esc to cancel")
                color: Theme.accent
                font.pixelSize: Theme.baseFontPixels * 0.8
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 6
            ScrollView {
                Layout.fillWidth: true
                Layout.maximumHeight: 180
                TextArea {
                    id: input
                    objectName: "composerInput"
                    placeholderText: App.chats.currentConversation
                                     ? qsTr("Message %1").arg(App.chats.currentTitle)
                                     : qsTr("Message #%1").arg(App.chats.currentTitle)
                    wrapMode: TextEdit.Wrap
                    textFormat: TextEdit.PlainText
                    background: null
                    enabled: Chat.canSend
                    Accessible.name: qsTr("Message text")
                    focus: true
                    onTextChanged: Chat.setDraft(text)

                    MentionCompleter {
                        id: completer
                        members: App.chats.members
                    }
                    Keys.onPressed: function(event) {
                        if (event.key === Qt.Key_Tab && !(event.modifiers & Qt.ControlModifier)) {
                            const done = completer.complete(input.text, input.cursorPosition)
                            if (done.text !== undefined) {
                                input.text = done.text
                                input.cursorPosition = done.cursor
                            } else {
                                input.nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason)
                            }
                            event.accepted = true
                        } else if (event.key === Qt.Key_Backtab) {
                            input.nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason)
                            event.accepted = true
                        } else if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter)
                                && !(event.modifiers & Qt.ShiftModifier)) {
                            composer.send()
                            event.accepted = true
                        } else if (event.key === Qt.Key_Up && input.length === 0) {
                            const text = Chat.editLast()
                            if (text.length > 0) {
                                input.text = text
                                input.cursorPosition = input.length
                            }
                            event.accepted = true
                        } else if (event.key === Qt.Key_Escape && Chat.editing) {
                            Chat.cancelEdit()
                            input.clear()
                            event.accepted = true
                        } else if (event.key === Qt.Key_Escape && Chat.replyingId.length > 0) {
                            Chat.cancelReply()
                            event.accepted = true
                        }
                    }
                }
            }
            PrimaryButton {
                objectName: "sendButton"
                Layout.alignment: Qt.AlignBottom
                text: Chat.editing ? qsTr("Save") : qsTr("Send")
                enabled: input.text.trim().length > 0 && Chat.canSend && !sizeCounter.tooLong
                Accessible.name: Chat.editing ? qsTr("Save the edit") : qsTr("Send message")
                Accessible.description: sizeCounter.tooLong ? sizeCounter.text : ""
                onClicked: composer.send()
            }
        }
    }

    Connections {
        target: App.chats
        // Opening a chat (click, link, notification, Ctrl+K) puts the focus here.
        function onCurrentChanged() {
            input.clear()
            focusLater.restart()
        }
    }
    // At start the chat was opened before this view existed.
    Component.onCompleted: focusLater.restart()
    Timer {
        id: focusLater
        interval: 0
        onTriggered: composer.focusInput()
    }
}
