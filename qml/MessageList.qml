// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtQuick.Controls
import Talker

// The messages of the open chat. Follows new messages while at the bottom, loads
// older history when scrolled to the top (the cache through the model, then the
// server through the room's pager, with a loading row and a "beginning of #room"
// marker), scrolls to and highlights a message the pager jumped to, and offers "jump
// to latest". The rich text of each message comes from MessageHtmlModel, styled once
// with the theme's colours.
Item {
    id: root
    signal editRequested(string messageId)
    readonly property alias count: list.count
    /// The chat's pager (a private conversation's pages within the cache only).
    readonly property var pager: App.chats.currentConversation ? App.chats.currentConversation.pager
                                 : (App.chats.currentRoom ? App.chats.currentRoom.pager : null)

    /// The open chat's window of messages (slides over the cache both ways).
    readonly property Timeline timeline: App.chats.messages.timeline

    function jumpToLatest() {
        // back to the live end first: the window may show older messages only
        if (timeline && !timeline.atLiveEnd)
            timeline.showLatest()
        list.toBottom()
        list.stick = true
    }

    MessageHtmlModel {
        id: messages
        sourceModel: App.chats.messages
        linkColor: Theme.link
        mutedColor: Theme.mutedText
        quoteColor: Theme.mutedText
        codeBackground: Theme.codeBackground
        editedMark: qsTr("(edited)")
    }

    ListView {
        id: list
        objectName: "messageList"
        property bool stick: true
        property bool fetching: false
        readonly property var pager: root.pager
        property int countBeforePage: -1 ///< rows before a server page was asked for
        property string highlightedId: ""
        property string pendingJumpId: ""

        // positionViewAtEnd() lays the last rows out but leaves the bottom margin
        // below the view; the rest of the way is exact once they are laid out.
        function toBottom() {
            positionViewAtEnd()
            if (contentHeight + topMargin + bottomMargin > height)
                contentY = originY + contentHeight + bottomMargin - height
        }

        anchors.fill: parent
        clip: true
        model: messages
        spacing: 0
        topMargin: 8
        bottomMargin: 8
        boundsBehavior: Flickable.StopAtBounds
        reuseItems: true
        activeFocusOnTab: true
        keyNavigationEnabled: true
        highlightFollowsCurrentItem: false
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Messages")
        ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }

        delegate: MessageDelegate {
            width: ListView.view.width
            inConversation: App.chats.currentConversation !== null
            onEditRequested: function(id) { root.editRequested(id) }
            onReplyRequested: function(id) { Chat.startReply(id) }
            onQuoteClicked: function(id) {
                if (root.pager)
                    root.pager.jumpTo(id)
            }
            onRetractRequested: function(id) {
                retractDialog.messageId = id
                retractDialog.open()
            }
        }

        // Back to the bottom once the new rows are laid out (not in the middle of it).
        Timer {
            id: toEnd
            interval: 0
            onTriggered: {
                if (!list.stick)
                    return
                if (root.timeline && !root.timeline.atLiveEnd)
                    root.timeline.showLatest() // a chat left scrolled up, opened again
                list.toBottom()
            }
        }
        // To a message the pager jumped to, once the view has laid out a model that
        // may just have been reset.
        Timer {
            id: toJumped
            interval: 0
            onTriggered: {
                const row = App.chats.messages.rowOf(list.pendingJumpId)
                if (row >= 0)
                    list.positionViewAtIndex(row, ListView.Center)
            }
        }

        onMovementEnded: stick = atYEnd && (root.timeline === null || root.timeline.atLiveEnd)
        // A banner or the typing line taking room must not hide the newest message.
        onHeightChanged: if (stick) toEnd.restart()
        onCountChanged: if (stick) toEnd.restart()
        onContentHeightChanged: if (stick && !fetching) toEnd.restart()
        // Scrolled down to the bottom of a window that shows older messages: the next
        // newer ones come from the cache, the view staying on the row it showed last.
        onAtYEndChanged: {
            if (!atYEnd || fetching || count === 0 || !root.timeline || root.timeline.atLiveEnd)
                return
            fetching = true
            const lastId = App.chats.messages.get(count - 1).messageId
            root.timeline.fetchNewer(50)
            const row = App.chats.messages.rowOf(lastId)
            if (row >= 0)
                positionViewAtIndex(row, ListView.End)
            fetching = false
        }
        onAtYBeginningChanged: {
            if (!atYBeginning || fetching || count === 0)
                return
            fetching = true
            const before = count
            if (pager) {
                pager.fetchOlder()
                if (pager.loading)
                    countBeforePage = before
            } else {
                messages.fetchOlder()
            }
            if (count > before)
                positionViewAtIndex(count - before, ListView.Beginning)
            fetching = false
        }

        header: Column {
            id: historyHeader
            // The pager as the header sees it (ids outside a header are out of reach
            // for qmllint).
            readonly property HistoryPager pager: App.chats.currentConversation ? App.chats.currentConversation.pager
                                                  : (App.chats.currentRoom ? App.chats.currentRoom.pager : null)
            width: ListView.view ? ListView.view.width : 0
            Row {
                objectName: "historyLoading"
                anchors.horizontalCenter: parent.horizontalCenter
                spacing: 8
                visible: historyHeader.pager !== null && historyHeader.pager.loading
                BusyIndicator {
                    running: parent.visible
                    width: 24
                    height: 24
                }
                Label {
                    anchors.verticalCenter: parent.verticalCenter
                    text: qsTr("Loading older messages…")
                    color: Theme.mutedText
                }
            }
            Label {
                objectName: "historyBeginning"
                width: parent.width
                visible: historyHeader.pager !== null && historyHeader.pager.atBeginning
                         && !App.chats.currentConversation
                topPadding: 8
                bottomPadding: 8
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                color: Theme.mutedText
                text: App.chats.currentRoom ? qsTr("This is the beginning of #%1").arg(App.chats.currentRoom.name)
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
                list.pendingJumpId = messageId
                toJumped.restart()
            }
        }

        Rectangle {
            // Marks the message jumped to for a moment, over its delegate.
            objectName: "jumpHighlight"
            readonly property int row: list.highlightedId ? App.chats.messages.rowOf(list.highlightedId) : -1
            // Read again while scrolling: the delegate may be created or reused.
            readonly property Item target: list.contentY >= -1e9 && row >= 0 ? list.itemAtIndex(row) : null
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
            target: App.chats
            function onCurrentChanged() {
                // Unless a jump to a message (search result) comes right after:
                // toEnd checks `stick` when it fires.
                list.stick = true
                toEnd.restart()
            }
        }
    }

    Label {
        objectName: "emptyHint"
        anchors.centerIn: parent
        width: Math.min(implicitWidth, parent.width - 40)
        visible: list.count === 0 && App.chats.currentTitle.length > 0
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        text: App.chats.currentConversation ? qsTr("No messages with %1 yet. Say hello!").arg(App.chats.currentTitle)
                                      : qsTr("No messages in #%1 yet. Be the first to write.").arg(App.chats.currentTitle)
        color: Theme.mutedText
    }

    ConfirmDialog {
        id: retractDialog
        objectName: "retractDialog"
        property string messageId
        anchors.centerIn: parent
        title: qsTr("Retract this message?")
        text: qsTr("It is deleted for everyone in the chat.")
        confirmText: qsTr("Retract")
        onAccepted: Chat.retract(messageId)
    }

    RoundButton {
        id: jumpButton
        objectName: "jumpToLatest"
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: 16
        visible: list.count > 0 && (!list.atYEnd || (root.timeline !== null && !root.timeline.atLiveEnd))
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
            text: jumpButton.text
            color: Theme.accentText
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            font: jumpButton.font
        }
    }
}
