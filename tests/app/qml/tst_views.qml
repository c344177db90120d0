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
