// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtTest
import Talker

// Getting around: private chats in the sidebar, the switcher and Ctrl+Tab, scrolling back, search.
ViewsHarness {
    id: root

    ViewsTestCase {
        harness: root
        name: "ViewsNavigation"

        function test_5_privateConversationInSidebar() {
            const conversations = findChild(sidebar, "conversationList")
            compare(conversations.count, 0)
            serverWithBob.bobWhispers("Main", App.chats.currentAccount.userId, "psst, private")
            tryVerify(function() { return conversations.count === 1 }, 10000)
            compare(App.conversations.count, 1)
            // The member panel opens the same conversation.
            // Roles: 257 userId, 258 name (MemberModel)
            let bobId = ""
            for (let i = 0; i < App.chats.members.count; ++i) {
                if (App.chats.members.data(App.chats.members.index(i, 0), 258) === "bob")
                    bobId = App.chats.members.data(App.chats.members.index(i, 0), 257)
            }
            verify(bobId.length > 0)
            App.chats.openPrivate(bobId, "bob")
            compare(App.chats.currentTitle, "bob")
            verify(App.chats.currentConversation !== null)
            tryVerify(function() { return messageTexts().indexOf("psst, private") >= 0 }, 15000)
            const input = findChild(chat, "composerInput")
            input.forceActiveFocus()
            typeText("answer")
            keyClick(Qt.Key_Return)
            tryVerify(function() { return lastMessage().text === "answer" && !lastMessage().pending }, 10000)
            verify(lastMessage().isPrivate)
        }

        function test_6_switcherAndCtrlTab() {
            App.chats.joinRoom("Dev")
            compare(App.chats.currentTitle, "Dev")
            compare(findChild(sidebar, "roomList").count, 2)
            App.chats.selectNext(1)
            compare(App.chats.currentTitle, "bob", "Ctrl+Tab order: rooms, then private conversations")
            App.chats.selectNext(1)
            compare(App.chats.currentTitle, "Main", "wraps around")
            App.chats.selectNext(-1)
            compare(App.chats.currentTitle, "bob")
            const entries = App.chats.switcherEntries("de")
            compare(entries.length, 1)
            compare(entries[0].title, "Dev")
            switcher.open()
            tryVerify(function() { return switcher.opened }, 15000)
            const filter = findChild(switcher.contentItem, "switcherFilter")
            const top = filter.mapToItem(root, 0, 0).y
            verify(switcher.entries.count > 1)
            filter.text = "mai"
            compare(switcher.entries.count, 1)
            compare(findChild(switcher.contentItem, "switcherResults").count, 1)
            waitForRendering(root)
            compare(filter.mapToItem(root, 0, 0).y, top, "the filter does not move while results change")
            keyClick(Qt.Key_Return)
            compare(App.chats.currentTitle, "Main")
            tryVerify(function() { return !switcher.visible }, 15000)
        }

        function test_6c_scrollsBackToTheBeginningOfARoom() {
            // Bob writes 161 messages into a room alice has not joined yet: joining
            // replays the newest 100, the rest come from the server while scrolling up.
            serverWithBob.connectBob("Archive")
            serverWithBob.bobSays("Archive", "archived zebra first")
            for (let i = 0; i < 160; ++i)
                serverWithBob.bobSays("Archive", "archive line " + i)
            tryVerify(function() { return serverWithBob.bobUnsent() === 0 }, 30000, "bob's messages stored")
            App.chats.joinRoom("Archive")
            compare(App.chats.currentTitle, "Archive")
            const list = findChild(chat, "messageList")
            tryVerify(function() { return list.count > 0 && lastMessage().text === "archive line 159" },
                      15000)
            const pager = App.chats.currentRoom.pager
            verify(!pager.atBeginning)
            verify(messageTexts().indexOf("archived zebra first") < 0, "not replayed")
            const loading = findChild(chat, "historyLoading")
            let sawLoading = false
            for (let round = 0; round < 20 && !pager.atBeginning; ++round) {
                list.contentY = list.originY - list.topMargin // scrolled to the very top
                verify(list.atYBeginning)
                sawLoading = sawLoading || (pager.loading && loading.visible)
                tryVerify(function() { return !pager.loading }, 15000)
                list.positionViewAtEnd()
            }
            verify(pager.atBeginning, "the server said there is nothing older")
            verify(sawLoading, "a loading row showed while the server answered")
            const texts = messageTexts()
            compare(texts[0], "archived zebra first")
            compare(texts.length, 161)
            compare(texts.filter(function(t) { return t === "archive line 42" }).length, 1)
            list.contentY = list.originY - list.topMargin
            const marker = findChild(chat, "historyBeginning")
            tryVerify(function() { return marker.visible }, 15000)
            compare(marker.text, "This is the beginning of #Archive")
        }

        function test_6d_searchOpensTheChatAtTheMessage() {
            App.chats.selectKey(App.chats.currentAccount.id + "/Main")
            compare(App.chats.currentTitle, "Main")
            searchView.open()
            tryVerify(function() { return searchView.opened }, 15000)
            const field = findChild(searchView.contentItem, "searchField")
            const noResults = findChild(searchView.contentItem, "searchNoResults")
            verify(findChild(searchView.contentItem, "searchHint").visible, "empty state")
            field.text = "nothingmatchesthis"
            tryVerify(function() { return noResults.visible }, 15000, "no-results state")
            field.text = "zebra"
            const results = findChild(searchView.contentItem, "searchResults")
            tryVerify(function() { return results.count === 1 }, 15000)
            tryVerify(function() { return !findChild(searchView.contentItem, "searchingRow").visible },
                      15000)
            wait(50)
            grabImage(root).save("search-view.png") // for the closing note
            keyClick(Qt.Key_Down) // keyboard: stays on the only row
            compare(results.currentIndex, 0)
            keyClick(Qt.Key_Return)
            tryVerify(function() { return !searchView.visible }, 15000)
            compare(App.chats.currentTitle, "Archive")
            const list = findChild(chat, "messageList")
            const row = messageTexts().indexOf("archived zebra first")
            verify(row >= 0)
            const highlight = findChild(chat, "jumpHighlight")
            tryVerify(function() { return highlight.visible }, 15000, "the message is highlighted")
            verify(list.itemAtIndex(row) !== null, "and scrolled into view")
            tryVerify(function() { return !highlight.visible }, 15000, "for a moment")
            App.chats.leaveCurrentRoom() // later steps expect Main and Dev only
        }

        function test_6e_searchOpensAPrivateChatAtTheMessage() {
            searchView.open()
            tryVerify(function() { return searchView.opened }, 15000)
            const field = findChild(searchView.contentItem, "searchField")
            field.text = "psst"
            const results = findChild(searchView.contentItem, "searchResults")
            tryVerify(function() { return results.count === 1 }, 15000)
            keyClick(Qt.Key_Return)
            tryVerify(function() { return !searchView.visible }, 15000)
            compare(App.chats.currentTitle, "bob")
            const highlight = findChild(chat, "jumpHighlight")
            tryVerify(function() { return highlight.visible }, 15000, "the private message is highlighted")
            verify(messageTexts().indexOf("psst, private") >= 0)
        }
    }
}
