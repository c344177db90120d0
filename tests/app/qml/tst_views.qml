// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtQuick.Controls
import QtTest
import Talker

// The views over the real App/Chat controllers, with alice (this app) and bob (a
// real client in C++, `serverWithBob`) on a real talker-server. Steps build on each other.
Item {
    id: root
    width: 1000
    height: 700

    WelcomeView {
        id: welcome
        anchors.fill: parent
        visible: !App.hasAccounts
        onHostLocal: App.connector.hostLocalRoom()
    }
    // What Main.qml's ApplicationWindow gives every view: the font and palette.
    Pane {
        anchors.fill: parent
        padding: 0
        visible: App.hasAccounts
        font.pixelSize: Theme.baseFontPixels
        palette.window: Theme.window
        palette.windowText: Theme.text
        palette.base: Theme.composer
        palette.text: Theme.text
        palette.button: Theme.button
        palette.buttonText: Theme.text
        palette.highlight: Theme.accent
        palette.highlightedText: Theme.accentText
        palette.mid: Theme.border
        palette.dark: Theme.border
        Row {
            anchors.fill: parent
            Sidebar { id: sidebar; width: 260; height: parent.height }
            ChatView { id: chat; width: 520; height: parent.height }
            MemberPanel { id: members; width: 220; height: parent.height }
        }
    }
    QuickSwitcher { id: switcher }
    SearchView { id: searchView }
    SettingsDialog { id: settingsDialog }
    JoinInviteDialog { id: joinInvite }
    SignalSpy { id: connectInsteadSpy; target: joinInvite; signalName: "connectInstead" }

    TestCase {
        id: tc
        name: "Views"
        when: windowShown

        function messageTexts() {
            const list = findChild(chat, "messageList")
            const texts = []
            for (let i = 0; i < list.count; ++i)
                texts.push(App.chats.messages.get(i).text)
            return texts
        }
        function lastMessage() {
            return App.chats.messages.get(App.chats.messages.count - 1)
        }
        function sameColor(a, b) {
            return Qt.colorEqual(a, b)
        }
        // Every visible child inside its parent, recursively; lists and flickables are
        // checked as boxes, their scrolled content not. Returns the offenders.
        function overflowing(item, path, out) {
            const kids = item.children
            for (let i = 0; i < kids.length; ++i) {
                const child = kids[i]
                if (!child.visible || child.width <= 0 || child.height <= 0 || child.opacity === 0)
                    continue
                const where = path + "/" + (child.objectName || child.toString().split("(")[0])
                if (child.x < -1 || child.y < -1 || child.x + child.width > item.width + 1
                        || child.y + child.height > item.height + 1)
                    out.push(where + " " + Math.round(child.x) + "," + Math.round(child.y) + " "
                             + Math.round(child.width) + "x" + Math.round(child.height)
                             + " in " + Math.round(item.width) + "x" + Math.round(item.height))
                if (child.contentItem !== undefined && child.flickableDirection !== undefined)
                    continue
                overflowing(child, where, out)
            }
            return out
        }
        function delegatesOf(list) {
            const items = []
            for (let i = 0; i < list.count; ++i) {
                const item = list.itemAtIndex(i)
                if (item && item.visible)
                    items.push(item)
            }
            return items
        }
        function layoutProblems() {
            const problems = []
            // The chat as a whole (its lists as boxes), then every delegate.
            overflowing(chat.parent, "row", problems)
            overflowing(findChild(chat, "composerInput").parent.parent.parent.parent, "composer", problems)
            const lists = [findChild(sidebar, "roomList"), findChild(sidebar, "conversationList"),
                           findChild(chat, "messageList"), findChild(members, "memberList")]
            for (const list of lists)
                for (const item of delegatesOf(list))
                    overflowing(item, list.objectName, problems)
            overflowing(findChild(sidebar, "searchButton"), "search", problems)
            return problems
        }
        function typeText(text) {
            for (let i = 0; i < text.length; ++i)
                keyClick(text[i])
        }

        function test_0_connectFormValidates() {
            const host = findChild(welcome, "hostField")
            const port = findChild(welcome, "portField")
            const token = findChild(welcome, "tokenField")
            const room = findChild(welcome, "roomField")
            const hostError = findChild(welcome, "hostError")
            const roomError = findChild(welcome, "roomError")
            const button = findChild(welcome, "connectButton")
            token.text = "some-token"
            for (const junk of ["127.0.0.1127.0.0.1", "http://chat.example.org", "a b"]) {
                host.text = junk
                verify(hostError.visible, "inline error for " + junk)
                verify(hostError.text.length > 0)
                compare(button.enabled, false, "junk cannot be submitted: " + junk)
            }
            host.text = "[::1]"
            verify(!hostError.visible, "a bracketed IPv6 address is fine")
            room.text = "a/b"
            verify(roomError.visible)
            compare(button.enabled, false)
            // A pasted link fills every field.
            host.text = "talker://192.168.7.9:9009/Tea%20Room"
            compare(host.text, "192.168.7.9")
            compare(port.value, 9009)
            compare(room.text, "Tea Room")
            verify(!hostError.visible)
            verify(button.enabled)
            host.text = "talker://h/a/b"
            verify(hostError.visible, "a broken link says why")
            // Editing a field selects its old value, so typing replaces it.
            host.text = "old.example.org"
            host.forceActiveFocus()
            compare(host.selectedText, "old.example.org")
            // Cancel empties the form.
            mouseClick(findChild(welcome, "cancelConnectButton"))
            compare(host.text, "")
            compare(token.text, "")
            verify(!App.hasAccounts, "nothing was saved as an account")
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
            port.value = serverWithBob.port
            compare(button.enabled, false, "no token yet")
            token.text = serverWithBob.aliceToken
            room.text = "Main"
            mouseClick(button)
            tryVerify(function() { return App.hasAccounts }, 15000)
            verify(!welcome.visible)
            compare(App.chats.currentTitle, "Main")
            compare(findChild(chat, "chatTitle").text, "Main")
            tryVerify(function() { return !App.chats.offline }, 15000, "alice connects")
            compare(findChild(sidebar, "roomList").count, 1)
            compare(App.chats.currentAccount.userName, "alice")
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

        function test_4b_primaryButtonsSwitchesAndMenusShowTheirState() {
            const input = findChild(chat, "composerInput")
            const send = findChild(chat, "sendButton")
            input.text = ""
            verify(!send.enabled)
            verify(sameColor(send.background.color, Theme.disabledFill), "disabled Send is grey")
            verify(sameColor(send.contentItem.color, Theme.disabledText))
            input.text = "x"
            verify(send.enabled)
            verify(sameColor(send.background.color, Theme.accent), "enabled Send has the accent colour")
            verify(sameColor(send.contentItem.color, Theme.accentText))
            input.text = ""

            settingsDialog.open()
            tryVerify(function() { return settingsDialog.opened }, 15000)
            const toggle = findChild(settingsDialog.contentItem, "startMinimizedSwitch")
            const wasOn = toggle.checked
            const track = findChild(toggle, "switchTrack")
            const knob = findChild(toggle, "switchKnob")
            const offColor = "" + track.color, offX = knob.x
            toggle.toggle()
            toggle.toggled()
            verify(toggle.checked !== wasOn)
            verify(!sameColor(track.color, offColor), "a switch looks different on and off")
            tryVerify(function() { return knob.x !== offX }, 5000, "and its knob moves")
            toggle.toggle()
            toggle.toggled()
            compare(App.settings.startMinimized, wasOn)
            const themeBox = findChild(settingsDialog.contentItem, "themeBox")
            compare(findChild(themeBox, "comboText").text, themeBox.currentText, "the drop-down shows its value")
            verify(themeBox.currentText.length > 0)
            settingsDialog.close()
            tryVerify(function() { return !settingsDialog.visible }, 15000)

            // Menus highlight the keyboard-selected entry, and a disabled one looks disabled.
            const mainMenu = findChild(sidebar, "mainMenu")
            mainMenu.popup()
            tryVerify(function() { return mainMenu.opened }, 15000)
            keyClick(Qt.Key_Down)
            const first = mainMenu.itemAt(mainMenu.currentIndex)
            verify(first.highlighted)
            verify(sameColor(findChild(first, "menuItemBackground").color, Theme.menuHighlight),
                   "the selected entry is highlighted")
            const host = mainMenu.itemAt(2)
            compare(host.objectName, "hostLocalItem")
            host.enabled = false
            verify(sameColor(host.contentItem.color, Theme.disabledText), "a disabled entry is greyed")
            host.enabled = Qt.binding(function() { return !App.connector.hostingLocal })
            mainMenu.close()
            tryVerify(function() { return !mainMenu.visible }, 15000)
        }

        function test_4c_themeSwitchRepaintsOpenSettings() {
            App.settings.theme = AppSettings.Light
            settingsDialog.open()
            tryVerify(function() { return settingsDialog.opened }, 15000)
            const label = findChild(settingsDialog.contentItem, "themeLabel")
            verify(sameColor(label.color, Theme.text))
            const lightText = "" + Theme.text
            findChild(settingsDialog.contentItem, "themeBox").activated(AppSettings.Dark)
            verify(Theme.dark)
            verify(!sameColor(Theme.text, lightText))
            verify(sameColor(label.color, Theme.text), "the open dialog's labels follow the theme: " + label.color)
            App.settings.theme = AppSettings.Light
            verify(sameColor(label.color, lightText))
            settingsDialog.close()
            tryVerify(function() { return !settingsDialog.visible }, 15000)
        }

        function test_4d_layoutHoldsAtEveryFontSizeAndMinimumWidth() {
            const sizeBefore = App.settings.fontSize
            // The window's minimum width (640), members hidden.
            root.width = 640
            chat.width = 640 - 260
            members.visible = false
            const shots = { 10: true, 16: true }
            for (let size = 9; size <= 20; ++size) {
                App.settings.fontSize = size
                for (const theme of (shots[size] ? [AppSettings.Light, AppSettings.Dark] : [AppSettings.Light])) {
                    App.settings.theme = theme
                    waitForRendering(root)
                    const problems = layoutProblems()
                    verify(problems.length === 0, "font " + size + ": " + problems.join("; "))
                    if (shots[size])
                        grabImage(root).save("tst_views-narrow-" + (Theme.dark ? "dark" : "light") + "-" + size + ".png")
                }
                const entry = delegatesOf(findChild(sidebar, "roomList"))[0]
                verify(entry.height >= entry.implicitContentHeight + entry.topPadding, "sidebar rows grow with the font")
            }
            // The full window, as the README shows it.
            root.width = 1000
            chat.width = 520
            members.visible = true
            for (const size of [10, 16]) {
                App.settings.fontSize = size
                for (const theme of [AppSettings.Light, AppSettings.Dark]) {
                    App.settings.theme = theme
                    waitForRendering(root)
                    const problems = layoutProblems()
                    verify(problems.length === 0, "wide, font " + size + ": " + problems.join("; "))
                    grabImage(root).save("tst_views-" + (Theme.dark ? "dark" : "light") + "-" + size + ".png")
                }
            }
            App.settings.theme = AppSettings.Light
            App.settings.fontSize = sizeBefore
        }

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

        function test_7_leaveRoom() {
            App.chats.selectKey(App.chats.currentAccount.id + "/Dev")
            compare(App.chats.currentTitle, "Dev")
            const leave = findChild(chat, "leaveButton")
            verify(leave.visible, "Leave is in the header")
            mouseClick(leave)
            const dialog = findChild(chat, "leaveDialog")
            tryVerify(function() { return dialog.opened }, 15000, "Leave asks first")
            compare(findChild(sidebar, "roomList").count, 2, "nothing left yet")
            keyClick(Qt.Key_Return)
            tryVerify(function() { return !dialog.visible }, 15000)
            compare(findChild(sidebar, "roomList").count, 2, "Enter cancels: the focus is on Cancel")
            mouseClick(findChild(chat, "leaveButton"))
            tryVerify(function() { return dialog.opened }, 15000)
            mouseClick(findChild(dialog.footer, "confirmButton"))
            compare(findChild(sidebar, "roomList").count, 1)
            verify(App.chats.currentTitle !== "Dev")
        }

        function test_8_badLinkShowsMessage() {
            verify(!App.connector.openLink("http://nope/x"))
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

        function test_8c_inviteSomeoneAndJoin() {
            // A hosts the local room: its header offers "Invite someone…".
            verify(App.connector.hostLocalRoom())
            verify(LocalShare.accountId.length > 0)
            verify(App.chats.selectKey(LocalShare.accountId + "/Lobby"))
            compare(App.chats.currentTitle, "Lobby")
            tryVerify(function() { return !App.chats.offline }, 15000, "the local room connects")
            const localKey = App.chats.currentKey
            const inviteButton = findChild(chat, "inviteSomeoneButton")
            // Too narrow for every header button: "Invite someone…" is in the More menu.
            tryVerify(function() { return findChild(chat, "chatHeader").compact }, 5000)
            verify(!inviteButton.visible)
            mouseClick(findChild(chat, "moreButton"))
            const more = findChild(chat, "moreMenu")
            tryVerify(function() { return more.opened }, 5000)
            verify(findChild(chat, "inviteSomeoneItem").visible)
            more.close()
            tryVerify(function() { return !more.visible }, 5000)
            verify(findChild(chat, "openToNetworkLabel") !== null)
            chat.width = 1100
            tryVerify(function() { return inviteButton.visible }, 5000, "needs " + findChild(chat, "localShareButton").fullWidth)
            verify(!LocalShare.open, "loopback only until the user agrees")
            mouseClick(inviteButton)
            chat.width = 520
            const dialog = findChild(chat, "localShareButton").dialog
            tryVerify(function() { return dialog.opened }, 15000)
            // Asked once whether to open the room to the network.
            const openButton = findChild(dialog.contentItem, "openToNetworkButton")
            verify(openButton.visible)
            mouseClick(openButton)
            tryVerify(function() { return LocalShare.open }, 15000)
            verify(LocalShare.asked)
            const linkField = findChild(dialog.contentItem, "inviteLinkField")
            tryVerify(function() { return linkField.text.indexOf("?invite=") > 0 }, 15000)
            const link = linkField.text
            verify(link.indexOf("/Lobby?invite=") > 0, link)
            mouseClick(findChild(dialog.contentItem, "copyInviteButton"))
            compare(findChild(dialog.contentItem, "copyInviteButton").text, "Copied")
            tryVerify(function() { return findChild(chat, "openToNetworkLabel").visible
                                          || findChild(chat, "openToNetworkBadge").visible }, 15000,
                      "the header says the room is open")
            waitForRendering(root)
            grabImage(root.parent).save("tst_views-invite-1-link.png")
            dialog.close()
            tryVerify(function() { return !dialog.visible }, 5000)
            // Open to the network, at the window's minimum width: the header still fits,
            // at a small and a large font.
            const wideRoot = root.width, wideChat = chat.width, membersShown = members.visible
            const fontBefore = App.settings.fontSize
            root.width = 640
            chat.width = 640 - 260
            members.visible = false
            for (const size of [10, 16, 20]) {
                App.settings.fontSize = size
                waitForRendering(root)
                const narrow = layoutProblems()
                verify(narrow.length === 0, "narrow while open, font " + size + ": " + narrow.join("; "))
                verify(findChild(chat, "openToNetworkBadge").visible, "a badge says it is open")
            }
            grabImage(root.parent).save("tst_views-invite-narrow.png")
            App.settings.fontSize = fontBefore
            root.width = wideRoot
            chat.width = wideChat
            members.visible = membersShown

            // The link opened: "Join Lobby on HOST", one button.
            verify(Invites.offer(link))
            tryVerify(function() { return joinInvite.opened }, 15000)
            const nameField = findChild(joinInvite.contentItem, "inviteNameField")
            nameField.text = "ben"
            waitForRendering(root)
            grabImage(root.parent).save("tst_views-invite-2-join.png")
            mouseClick(findChild(joinInvite.contentItem, "inviteJoinButton"))
            tryVerify(function() { return App.chats.currentAccount && App.chats.currentAccount.userName === "ben" }, 20000)
            compare(App.chats.currentTitle, "Lobby")
            tryVerify(function() { return !App.chats.offline }, 15000, "ben is connected")
            verify(!joinInvite.visible)
            // Ben writes; the host's side sees it.
            const input = findChild(chat, "composerInput")
            input.forceActiveFocus()
            typeText("hello from ben")
            keyClick(Qt.Key_Return)
            tryVerify(function() { return lastMessage().text === "hello from ben" && !lastMessage().pending }, 10000)
            verify(App.chats.selectKey(localKey))
            tryVerify(function() { return messageTexts().indexOf("hello from ben") >= 0 }, 15000)
            waitForRendering(root)
            grabImage(root.parent).save("tst_views-invite-3-chat.png")

            // The same link again is used up: the connect form is offered instead.
            verify(Invites.offer(link))
            tryVerify(function() { return joinInvite.opened }, 15000)
            findChild(joinInvite.contentItem, "inviteNameField").text = "carl"
            mouseClick(findChild(joinInvite.contentItem, "inviteJoinButton"))
            tryVerify(function() { return Invites.inviteUsed }, 20000)
            const instead = findChild(joinInvite.contentItem, "inviteConnectButton")
            verify(instead.visible)
            verify(Invites.error.length > 0)
            connectInsteadSpy.clear()
            mouseClick(instead)
            compare(connectInsteadSpy.count, 1)
            compare(connectInsteadSpy.signalArguments[0][2], "Lobby")
            tryVerify(function() { return !joinInvite.visible }, 5000)

            // The setting closes the room to the network again.
            LocalShare.close()
            tryVerify(function() { return !LocalShare.open }, 15000)
        }

        function test_9_wrongTokenShowsAuthenticationFailed() {
            const roomsBefore = findChild(sidebar, "roomList").count
            App.connector.connectToServer("localhost", serverWithBob.port, false, "not-a-valid-token", "Main")
            compare(App.chats.currentTitle, "Main")
            tryVerify(function() { return App.chats.authenticationFailed }, 15000)
            const banner = findChild(chat, "offlineBanner")
            tryVerify(function() { return banner.visible }, 15000)
            verify(findChild(chat, "offlineText").text.indexOf("Authentication failed") >= 0,
                   findChild(chat, "offlineText").text)
            compare(findChild(sidebar, "roomList").count, roomsBefore + 1, "the account keeps its room")
        }

        function test_9z_unreachableHostShowsOfflineBanner() {
            App.connector.connectToServer("127.0.0.1", 1, false, "some-token", "Nowhere")
            compare(App.chats.currentTitle, "Nowhere")
            tryVerify(function() { return App.chats.offline && App.chats.connectionText.indexOf("Next retry") >= 0 }, 15000,
                      App.chats.connectionText)
            const banner = findChild(chat, "offlineBanner")
            verify(banner.visible)
            const retry = findChild(chat, "retryNowButton")
            verify(retry.visible)
            mouseClick(retry)
            verify(App.chats.offline)
            tryVerify(function() { return App.chats.connectionText.length > 0 }, 15000)
        }
    }
}
