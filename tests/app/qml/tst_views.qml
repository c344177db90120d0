import QtQuick
import QtQuick.Controls
import QtTest
import Talker

// The views over the real App/Chat controllers, with alice (this app) and bob (a
// real client in C++, `peer`) on a real talker-server. Steps build on each other.
Item {
    id: root
    width: 1000
    height: 700

    WelcomeView {
        id: welcome
        anchors.fill: parent
        visible: !App.hasAccounts
        onHostLocal: App.hostLocalRoom()
    }
    Row {
        anchors.fill: parent
        visible: App.hasAccounts
        Sidebar { id: sidebar; width: 260; height: parent.height }
        ChatView { id: chat; width: 520; height: parent.height }
        MemberPanel { id: members; width: 220; height: parent.height }
    }
    QuickSwitcher { id: switcher }
    SearchView { id: searchView }
    SettingsDialog { id: settingsDialog }

    TestCase {
        id: tc
        name: "Views"
        when: windowShown

        function messageTexts() {
            const list = findChild(chat, "messageList")
            const texts = []
            for (let i = 0; i < list.count; ++i)
                texts.push(App.messages.get(i).text)
            return texts
        }
        function lastMessage() {
            return App.messages.get(App.messages.count - 1)
        }
        function typeText(text) {
            for (let i = 0; i < text.length; ++i)
                keyClick(text[i])
        }

        function test_1_welcomeConnects() {
            verify(welcome.visible, "no account yet: the welcome screen shows")
            const host = findChild(welcome, "hostField")
            const tls = findChild(welcome, "tlsCheck")
            const token = findChild(welcome, "tokenField")
            const port = findChild(welcome, "portField")
            const room = findChild(welcome, "roomField")
            const button = findChild(welcome, "connectButton")
            host.text = "chat.example.org"
            verify(tls.checked, "TLS is on by default for a remote host")
            host.text = "127.0.0.1"
            verify(!tls.checked, "and off for loopback")
            port.value = peer.port
            compare(button.enabled, false, "no token yet")
            token.text = peer.aliceToken
            room.text = "Main"
            mouseClick(button)
            tryVerify(function() { return App.hasAccounts }, 15000)
            verify(!welcome.visible)
            compare(App.currentTitle, "Main")
            compare(findChild(chat, "chatTitle").text, "Main")
            tryVerify(function() { return !App.offline }, 15000, "alice connects")
            compare(findChild(sidebar, "roomList").count, 1)
            compare(App.currentAccount.userName, "alice")
        }

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
            peer.connectBob("Main")
            tryVerify(function() { return peer.bobConnected }, 15000)
            tryVerify(function() { return App.members.count === 2 && App.members.onlineCount === 2 }, 15000)
            const memberList = findChild(members, "memberList")
            compare(memberList.count, 2)
            peer.bobTypes("Main", "I am writ")
            tryVerify(function() { return findChild(chat, "typingLabel").text.indexOf("bob") >= 0 }, 10000)
            peer.bobSays("Main", "hi alice, /me is not an action here")
            tryVerify(function() { return messageTexts().indexOf("hi alice, /me is not an action here") >= 0 }, 10000)
            peer.bobSays("Main", "/me waves")
            tryVerify(function() { return lastMessage().isAction && lastMessage().text === "waves" }, 10000)
            // Away from the window, then back: a divider marks what came meanwhile.
            App.windowActive = false
            peer.bobSays("Main", "while you were away")
            tryVerify(function() { return lastMessage().text === "while you were away" }, 10000)
            compare(App.currentRoom.unreadCount, 1)
            App.windowActive = true
            compare(App.currentRoom.unreadCount, 0, "the badge clears on return")
            verify(lastMessage().firstUnread, "the new-messages divider sits above it")
            verify(!App.messages.get(App.messages.count - 2).firstUnread)
            waitForRendering(chat)
            // An artifact to look at: the chat with grouping, an edit, an action.
            grabImage(root).save("tst_views-chat.png")
        }

        function test_5_privateConversationInSidebar() {
            const conversations = findChild(sidebar, "conversationList")
            compare(conversations.count, 0)
            peer.bobWhispers("Main", App.currentAccount.userId, "psst, private")
            tryVerify(function() { return conversations.count === 1 }, 10000)
            compare(App.conversations.count, 1)
            // The member panel opens the same conversation.
            // Roles: 257 userId, 258 name (MemberModel)
            let bobId = ""
            for (let i = 0; i < App.members.count; ++i) {
                if (App.members.data(App.members.index(i, 0), 258) === "bob")
                    bobId = App.members.data(App.members.index(i, 0), 257)
            }
            verify(bobId.length > 0)
            App.openPrivate(bobId, "bob")
            compare(App.currentTitle, "bob")
            verify(App.currentConversation !== null)
            tryVerify(function() { return messageTexts().indexOf("psst, private") >= 0 }, 15000)
            const input = findChild(chat, "composerInput")
            input.forceActiveFocus()
            typeText("answer")
            keyClick(Qt.Key_Return)
            tryVerify(function() { return lastMessage().text === "answer" && !lastMessage().pending }, 10000)
            verify(lastMessage().isPrivate)
        }

        function test_6_switcherAndCtrlTab() {
            App.joinRoom("Dev")
            compare(App.currentTitle, "Dev")
            compare(findChild(sidebar, "roomList").count, 2)
            App.selectNext(1)
            compare(App.currentTitle, "bob", "Ctrl+Tab order: rooms, then private conversations")
            App.selectNext(1)
            compare(App.currentTitle, "Main", "wraps around")
            App.selectNext(-1)
            compare(App.currentTitle, "bob")
            const entries = App.switcherEntries("de")
            compare(entries.length, 1)
            compare(entries[0].title, "Dev")
            switcher.open()
            tryVerify(function() { return switcher.opened }, 15000)
            const filter = findChild(switcher.contentItem, "switcherFilter")
            filter.text = "mai"
            compare(switcher.entries.length, 1)
            keyClick(Qt.Key_Return)
            compare(App.currentTitle, "Main")
            tryVerify(function() { return !switcher.visible }, 15000)
        }

        function test_6c_scrollsBackToTheBeginningOfARoom() {
            // Bob writes 161 messages into a room alice has not joined yet: joining
            // replays the newest 100, the rest come from the server while scrolling up.
            peer.connectBob("Archive")
            peer.bobSays("Archive", "archived zebra first")
            for (let i = 0; i < 160; ++i)
                peer.bobSays("Archive", "archive line " + i)
            tryVerify(function() { return peer.bobUnsent() === 0 }, 30000, "bob's messages stored")
            App.joinRoom("Archive")
            compare(App.currentTitle, "Archive")
            const list = findChild(chat, "messageList")
            tryVerify(function() { return list.count > 0 && lastMessage().text === "archive line 159" },
                      15000)
            const pager = App.currentRoom.pager
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
            App.selectKey(App.currentAccount.id + "/Main")
            compare(App.currentTitle, "Main")
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
            compare(App.currentTitle, "Archive")
            const list = findChild(chat, "messageList")
            const row = messageTexts().indexOf("archived zebra first")
            verify(row >= 0)
            const highlight = findChild(chat, "jumpHighlight")
            tryVerify(function() { return highlight.visible }, 15000, "the message is highlighted")
            verify(list.itemAtIndex(row) !== null, "and scrolled into view")
            tryVerify(function() { return !highlight.visible }, 15000, "for a moment")
            App.leaveCurrentRoom() // later steps expect Main and Dev only
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
            compare(App.currentTitle, "bob")
            const highlight = findChild(chat, "jumpHighlight")
            tryVerify(function() { return highlight.visible }, 15000, "the private message is highlighted")
            verify(messageTexts().indexOf("psst, private") >= 0)
        }

        function test_7_leaveRoom() {
            App.selectKey(App.currentAccount.id + "/Dev")
            compare(App.currentTitle, "Dev")
            mouseClick(findChild(chat, "leaveButton"))
            compare(findChild(sidebar, "roomList").count, 1)
            verify(App.currentTitle !== "Dev")
        }

        function test_8_badLinkShowsMessage() {
            verify(!App.openLink("http://nope/x"))
            verify(App.notice.indexOf("talker://") >= 0, App.notice)
            App.clearNotice()
            compare(App.notice, "")
        }

        function test_8b_settingsApplyAtOnce() {
            settingsDialog.open()
            tryVerify(function() { return settingsDialog.opened }, 15000)
            const theme = findChild(settingsDialog.contentItem, "themeBox")
            theme.currentIndex = 2
            theme.activated(2)
            compare(App.settings.theme, AppSettings.Dark)
            verify(Theme.dark, "the views switch to the dark palette")
            theme.activated(1)
            verify(!Theme.dark)
            const font = findChild(settingsDialog.contentItem, "fontSizeBox")
            font.value = 14
            font.valueModified()
            compare(App.settings.fontSize, 14)
            compare(Theme.fontSize, 14)
            settingsDialog.close()
        }

        function test_9_wrongTokenShowsAuthenticationFailed() {
            const roomsBefore = findChild(sidebar, "roomList").count
            App.connectToServer("localhost", peer.port, false, "not-a-valid-token", "Main")
            compare(App.currentTitle, "Main")
            tryVerify(function() { return App.authenticationFailed }, 15000)
            const banner = findChild(chat, "offlineBanner")
            tryVerify(function() { return banner.visible }, 15000)
            verify(findChild(chat, "offlineText").text.indexOf("Authentication failed") >= 0,
                   findChild(chat, "offlineText").text)
            compare(findChild(sidebar, "roomList").count, roomsBefore + 1, "the account keeps its room")
        }

        function test_9z_unreachableHostShowsOfflineBanner() {
            App.connectToServer("127.0.0.1", 1, false, "some-token", "Nowhere")
            compare(App.currentTitle, "Nowhere")
            tryVerify(function() { return App.offline && App.connectionText.indexOf("Next retry") >= 0 }, 15000,
                      App.connectionText)
            const banner = findChild(chat, "offlineBanner")
            verify(banner.visible)
            const retry = findChild(chat, "retryNowButton")
            verify(retry.visible)
            mouseClick(retry)
            verify(App.offline)
            tryVerify(function() { return App.connectionText.length > 0 }, 15000)
        }
    }
}
