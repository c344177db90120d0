import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Talker

// Enter sends, Shift+Enter adds a line, Up in an empty composer edits the last own
// message, Esc cancels the edit. Multi-line paste keeps its lines.
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
    function send() {
        if (Chat.submit(input.text)) {
            input.clear()
            composer.sent()
        }
    }

    implicitHeight: column.implicitHeight + 12
    radius: Theme.radius
    color: Theme.composer
    border.color: input.activeFocus ? Theme.accent : Theme.border

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: 6
        spacing: 2

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
                    placeholderText: App.currentConversation
                                     ? qsTr("Message %1").arg(App.currentTitle)
                                     : qsTr("Message #%1").arg(App.currentTitle)
                    wrapMode: TextEdit.Wrap
                    textFormat: TextEdit.PlainText
                    background: null
                    enabled: Chat.canSend
                    Accessible.name: qsTr("Message text")
                    focus: true
                    onTextChanged: Chat.setDraft(text)

                    Keys.onPressed: function(event) {
                        if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter)
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
                        }
                    }
                }
            }
            Button {
                objectName: "sendButton"
                Layout.alignment: Qt.AlignBottom
                text: Chat.editing ? qsTr("Save") : qsTr("Send")
                highlighted: true
                enabled: input.text.trim().length > 0 && Chat.canSend
                Accessible.name: Chat.editing ? qsTr("Save the edit") : qsTr("Send message")
                onClicked: composer.send()
            }
        }
    }

    Connections {
        target: App
        function onCurrentChanged() { input.clear() }
    }
}
