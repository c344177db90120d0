// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtTest
import Talker

// The chat: composer, editing, members, typing, the new-messages divider, the offline banner.
ViewsHarness {
    id: root

    ViewsTestCase {
        harness: root
        name: "ViewsChat"

        function test_2_sendWithEnterMarkdownAndMultiline() {
            const input = findChild(chat, "composerInput")
            input.forceActiveFocus()
            typeText("hello **world**")
            keyClick(Qt.Key_Return, Qt.ShiftModifier)
            typeText("second line")
            compare(input.text, "hello **world**\nsecond line", "Shift+Enter adds a line")
            keyClick(Qt.Key_Return)
            compare(input.text, "", "Enter sends and clears")
            tryVerify(function() { return messageTexts().indexOf("hello **world**\nsecond line") >= 0 }, 15000)
            tryVerify(function() { return !lastMessage().pending }, 10000, "the server confirms it")
            verify(lastMessage().isOwn)
            const html = Format.toHtml("hello **world** see https://example.org <b>x</b>")
            verify(html.indexOf("font-weight") >= 0 || html.indexOf("<b>") >= 0, html)
            verify(html.indexOf("href=\"https://example.org\"") >= 0, html)
            verify(html.indexOf("&lt;b&gt;") >= 0, "HTML from the sender stays text: " + html)
        }

        function test_3_upEditsLastMessage() {
            const input = findChild(chat, "composerInput")
            input.forceActiveFocus()
            keyClick(Qt.Key_Up)
            verify(Chat.editing, "Up in an empty composer edits the last own message")
            compare(input.text, "hello **world**\nsecond line")
            input.text = "hello again"
            keyClick(Qt.Key_Return)
            verify(!Chat.editing)
            tryVerify(function() { return lastMessage().text === "hello again" && lastMessage().edited }, 15000)
            // Esc cancels an edit without changes
            keyClick(Qt.Key_Up)
            verify(Chat.editing)
            keyClick(Qt.Key_Escape)
            verify(!Chat.editing)
            compare(input.text, "")
        }

        function test_4_membersTypingAndRoomMessages() {
            serverWithBob.connectBob("Main")
            tryVerify(function() { return serverWithBob.bobConnected }, 15000)
            tryVerify(function() { return App.chats.members.count === 2 && App.chats.members.onlineCount === 2 }, 15000)
            const memberList = findChild(members, "memberList")
            compare(memberList.count, 2)
            serverWithBob.bobTypes("Main", "I am writ")
            tryVerify(function() { return findChild(chat, "typingLabel").text.indexOf("bob") >= 0 }, 10000)
            serverWithBob.bobSays("Main", "hi alice, /me is not an action here")
            tryVerify(function() { return messageTexts().indexOf("hi alice, /me is not an action here") >= 0 }, 10000)
            serverWithBob.bobSays("Main", "/me waves")
            tryVerify(function() { return lastMessage().isAction && lastMessage().text === "waves" }, 10000)
            // Away from the window, then back: a divider marks what came meanwhile.
            App.chats.windowActive = false
            serverWithBob.bobSays("Main", "while you were away")
            tryVerify(function() { return lastMessage().text === "while you were away" }, 10000)
            compare(App.chats.currentRoom.unreadCount, 1)
            App.chats.windowActive = true
            compare(App.chats.currentRoom.unreadCount, 0, "the badge clears on return")
            verify(lastMessage().firstUnread, "the new-messages divider sits above it")
            verify(!App.chats.messages.get(App.chats.messages.count - 2).firstUnread)
            waitForRendering(chat)
            // An artifact to look at: the chat with grouping, an edit, an action.
            grabImage(root).save("tst_views-chat.png")
        }

        function test_4a_bannerNeverHidesTheNewestMessage() {
            const list = findChild(chat, "messageList")
            const jump = findChild(chat, "jumpToLatest")
            chat.height = 300 // fewer rows than messages: the list scrolls
            waitForRendering(chat)
            tryVerify(function() { return list.atYEnd }, 5000, "pinned to the newest message "
                      + [list.contentY, list.contentHeight, list.height, list.originY, list.count])
            verify(!jump.visible)
            const banner = findChild(chat, "offlineBanner")
            banner.visible = true // as when the connection drops
            waitForRendering(chat)
            tryVerify(function() { return list.atYEnd }, 5000, "still pinned under the banner")
            banner.visible = Qt.binding(function() { return App.chats.connectionText.length > 0 })
            list.contentY = list.originY
            list.movementEnded()
            waitForRendering(chat)
            verify(!list.atYEnd)
            verify(jump.visible, "jump to latest whenever the view is not at the bottom")
            mouseClick(jump)
            tryVerify(function() { return list.atYEnd }, 5000)
            chat.height = Qt.binding(function() { return chat.parent.height })
        }
    }
}
