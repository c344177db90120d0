import QtQuick
import QtQuick.Controls
import Talker

// The messages of the open chat. Follows new messages while at the bottom, loads
// older history from the cache when scrolled to the top, and offers "jump to latest".
Item {
    id: root
    signal editRequested(string messageId)

    function jumpToLatest() {
        list.positionViewAtEnd()
        list.stick = true
    }

    ListView {
        id: list
        objectName: "messageList"
        property bool stick: true
        property bool fetching: false

        anchors.fill: parent
        clip: true
        model: App.messages
        spacing: 0
        topMargin: 8
        bottomMargin: 8
        boundsBehavior: Flickable.StopAtBounds
        reuseItems: true
        Accessible.name: qsTr("Messages")
        ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }

        delegate: MessageDelegate {
            width: list.width
            onEditRequested: function(id) { root.editRequested(id) }
        }

        onMovementEnded: stick = atYEnd
        onCountChanged: if (stick) Qt.callLater(positionViewAtEnd)
        onContentHeightChanged: if (stick && !fetching) Qt.callLater(positionViewAtEnd)
        onAtYBeginningChanged: {
            if (!atYBeginning || fetching || count === 0 || !App.messages.timeline)
                return
            if (!App.messages.timeline.canFetchOlder)
                return
            fetching = true
            const before = count
            const added = App.messages.timeline.fetchOlder(50)
            if (added > 0)
                positionViewAtIndex(count - before, ListView.Beginning)
            fetching = false
        }

        Connections {
            target: App
            function onCurrentChanged() {
                list.stick = true
                Qt.callLater(list.positionViewAtEnd)
            }
        }
    }

    RoundButton {
        objectName: "jumpToLatest"
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: 16
        visible: !list.atYEnd && list.count > 0 && !list.stick
        text: "↓"
        font.pixelSize: Theme.baseFontPixels * 1.2
        Accessible.name: qsTr("Jump to latest message")
        ToolTip.visible: hovered
        ToolTip.text: qsTr("Jump to latest")
        onClicked: root.jumpToLatest()
        background: Rectangle {
            radius: width / 2
            color: Theme.accent
        }
        contentItem: Text {
            text: parent.text
            color: Theme.accentText
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            font: parent.font
        }
    }
}
