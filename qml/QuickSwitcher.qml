import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Talker

// Ctrl+K: type part of a room or person's name, Enter opens it, Esc closes.
Popup {
    id: popup
    objectName: "quickSwitcher"
    property var entries: []

    width: 420
    modal: true
    focus: true
    padding: 10
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    background: Rectangle { color: Theme.window; radius: 10; border.color: Theme.border }

    onOpened: {
        filter.text = ""
        entries = App.switcherEntries("")
        results.currentIndex = 0
        filter.forceActiveFocus()
    }

    function choose(index) {
        if (index >= 0 && index < entries.length) {
            App.selectKey(entries[index].key)
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
                popup.entries = App.switcherEntries(text)
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
                required property var modelData
                required property int index
                width: ListView.view.width
                highlighted: ListView.isCurrentItem
                text: (modelData.isPrivate ? "@" : "#") + modelData.title
                Accessible.name: modelData.title
                onClicked: popup.choose(index)
                contentItem: RowLayout {
                    Label {
                        Layout.fillWidth: true
                        text: parent.parent.text
                        elide: Text.ElideRight
                    }
                    Label {
                        text: modelData.subtitle
                        color: Theme.mutedText
                        font.pixelSize: Theme.baseFontPixels * 0.8
                    }
                    Badge { count: modelData.unread }
                }
            }
        }
        Label {
            visible: popup.entries.length === 0
            text: qsTr("Nothing matches.")
            color: Theme.mutedText
        }
    }
}
