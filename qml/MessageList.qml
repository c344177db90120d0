import QtQuick
import QtQuick.Controls
import Talker

// The messages of the open chat. Follows new messages while at the bottom, loads
// older history when scrolled to the top (the cache first, then the server through
// the room's pager, with a loading row and a "beginning of #room" marker), scrolls to
// and highlights a message the pager jumped to, and offers "jump to latest".
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
        /// The chat's pager (a private conversation's pages within the cache only).
        readonly property var pager: App.currentConversation ? App.currentConversation.pager
                                     : (App.currentRoom ? App.currentRoom.pager : null)
        property int countBeforePage: -1 ///< rows before a server page was asked for
        property string highlightedId: ""

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
            fetching = true
            const before = count
            if (pager) {
                pager.fetchOlder()
                if (pager.loading)
                    countBeforePage = before
            } else if (App.messages.timeline.canFetchOlder) {
                App.messages.timeline.fetchOlder(50)
            }
            if (count > before)
                positionViewAtIndex(count - before, ListView.Beginning)
            fetching = false
        }

        header: Column {
            width: list.width
            Row {
                objectName: "historyLoading"
                anchors.horizontalCenter: parent.horizontalCenter
                spacing: 8
                visible: list.pager !== null && list.pager.loading
                BusyIndicator {
                    running: parent.visible
                    width: 24
                    height: 24
                }
                Label {
                    anchors.verticalCenter: parent.verticalCenter
                    text: qsTr("Loading older messages…")
                }
            }
            Label {
                objectName: "historyBeginning"
                width: parent.width
                visible: list.pager !== null && list.pager.atBeginning && !App.currentConversation
                topPadding: 8
                bottomPadding: 8
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                opacity: 0.7
                text: App.currentRoom ? qsTr("This is the beginning of #%1").arg(App.currentRoom.name)
                                      : ""
            }
        }

        Connections {
            target: list.pager
            function onLoadingChanged() {
                if (list.pager.loading || list.countBeforePage < 0)
                    return
                if (list.count > list.countBeforePage)
                    list.positionViewAtIndex(list.count - list.countBeforePage, ListView.Beginning)
                list.countBeforePage = -1
            }
            function onJumped(messageId) {
                list.stick = false
                list.highlightedId = messageId
                highlightTimer.restart()
                // After the view has laid out a model that may just have been reset.
                Qt.callLater(function() {
                    const row = App.messages.rowOf(messageId)
                    if (row >= 0)
                        list.positionViewAtIndex(row, ListView.Center)
                })
            }
        }

        Rectangle {
            // Marks the message jumped to for a moment, over its delegate.
            objectName: "jumpHighlight"
            readonly property var target: {
                list.contentY // re-evaluated while scrolling
                const row = list.highlightedId ? App.messages.rowOf(list.highlightedId) : -1
                return row >= 0 ? list.itemAtIndex(row) : null
            }
            visible: target !== null
            parent: list.contentItem
            x: 0
            y: target ? target.y : 0
            width: list.width
            height: target ? target.height : 0
            color: Theme.accent
            opacity: 0.25
            z: 10
        }

        Timer {
            id: highlightTimer
            interval: 2000
            onTriggered: list.highlightedId = ""
        }

        Connections {
            target: App
            function onCurrentChanged() {
                list.stick = true
                // Unless a jump to a message (search result) comes right after.
                Qt.callLater(function() {
                    if (list.stick)
                        list.positionViewAtEnd()
                })
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
