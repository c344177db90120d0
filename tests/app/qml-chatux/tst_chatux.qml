// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtQuick.Controls
import QtTest
import Talker

// The chat as a user meets it (issue 14), over the real controllers with alice (this
// app) and bob (`serverWithBob`, a real client) on a real talker-server. Steps build on each
// other: test_1 connects.
Item {
    id: root
    width: 1000
    height: 700

    // What Main.qml's ApplicationWindow gives every view: the font and palette.
    Pane {
        anchors.fill: parent
        padding: 0
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
    ChatSwitchShortcuts {}
    // Somewhere else to put the keyboard focus; transparent, so that it does not show
    // as a square in the screenshots.
    TextField { id: elsewhere; width: 10; height: 10; opacity: 0 }

    TestCase {
        id: tc
        name: "ChatUx"
        when: windowShown

        function messageList() { return findChild(chat, "messageList") }
        function lastMessage() { return App.chats.messages.get(App.chats.messages.count - 1) }
        function lastDelegate() {
            const list = messageList()
            list.positionViewAtEnd()
            waitForRendering(list)
            return list.itemAtIndex(list.count - 1)
        }
        function composer() { return findChild(chat, "composerInput") }
        function typeText(text) {
            for (let i = 0; i < text.length; ++i)
                keyClick(text[i])
        }
        function sendTyped(text) {
            composer().forceActiveFocus()
            typeText(text)
            keyClick(Qt.Key_Return)
        }
        function awayFromComposer() {
            elsewhere.forceActiveFocus()
            verify(!composer().activeFocus)
        }
        function rowOf(list, title) {
            for (let i = 0; i < list.count; ++i) {
                const item = list.itemAtIndex(i)
                if (item && item.title === title)
                    return item
            }
            return null
        }

        function test_1_connectAndEmptyHint() {
            App.connector.connectToServer("127.0.0.1", serverWithBob.port, false, serverWithBob.aliceToken, "Main")
            compare(App.chats.currentTitle, "Main")
            tryVerify(function() { return !App.chats.offline }, 15000, "alice connects")
            const hint = findChild(chat, "emptyHint")
            tryVerify(function() { return hint.visible }, 5000, "an empty room shows a hint")
            verify(hint.text.indexOf("#Main") >= 0, hint.text)
            serverWithBob.connectBob("Main")
            tryVerify(function() { return serverWithBob.bobConnected }, 15000)
            serverWithBob.bobSays("Main", "first!")
            tryVerify(function() { return messageList().count === 1 }, 10000)
            tryVerify(function() { return !hint.visible }, 3000, "the hint goes with the first message")
        }

        function test_2_copyTextAndLinkOnSomeoneElsesMessage() {
            serverWithBob.bobSays("Main", "https://example.org/page is **worth** a look")
            tryVerify(function() { return lastMessage().text.indexOf("example.org") >= 0 }, 10000)
            const item = lastDelegate()
            verify(item !== null)
            verify(!lastMessage().isOwn)
            const text = findChild(item, "messageText")
            // Right click on the link: both copies are offered.
            mouseMove(text, 8, text.height / 2)
            tryVerify(function() { return text.hoveredLink.length > 0 }, 3000, "hovering the link")
            mouseClick(text, 8, text.height / 2, Qt.RightButton)
            const menu = findChild(item, "messageMenu")
            tryVerify(function() { return menu.opened }, 3000, "the context menu opens")
            const copyText = findChild(item, "copyTextItem")
            const copyLink = findChild(item, "copyLinkItem")
            verify(copyText.enabled && copyLink.enabled)
            copyLink.triggered()
            compare(Clipboard.text(), "https://example.org/page")
            copyText.triggered()
            compare(Clipboard.text(), "https://example.org/page is worth a look",
                    "the plain text, without markdown marks")
            menu.close()
            // Away from a link, Copy link is there but disabled.
            mouseMove(text, text.width - 2, text.height - 2)
            tryVerify(function() { return text.hoveredLink.length === 0 }, 3000)
            mouseClick(text, text.width - 2, text.height - 2, Qt.RightButton)
            tryVerify(function() { return menu.opened }, 3000)
            verify(copyText.enabled)
            verify(!copyLink.enabled)
            menu.close()
        }

        function test_3_sendTrimsBlankLinesAndSpaces() {
            const input = composer()
            input.forceActiveFocus()
            input.text = "\n\n   trimmed message\n\nsecond paragraph  \n \n"
            keyClick(Qt.Key_Return)
            compare(input.text, "")
            tryVerify(function() { return lastMessage().isOwn && !lastMessage().pending }, 10000)
            compare(lastMessage().text, "trimmed message\n\nsecond paragraph",
                    "outer blank lines and spaces go, inner ones stay")
            // Nothing but blanks sends nothing.
            const count = App.chats.messages.count
            input.text = "  \n \n"
            keyClick(Qt.Key_Return)
            wait(200)
            compare(App.chats.messages.count, count)
            input.text = ""
        }

        function test_3b_retractAsksFirstAndLeavesAPlaceholder() {
            composer().text = "a message to take back"
            composer().forceActiveFocus()
            keyClick(Qt.Key_Return)
            tryVerify(function() { return lastMessage().text === "a message to take back"
                                          && !lastMessage().pending }, 10000)
            const item = lastDelegate()
            const text = findChild(item, "messageText")
            const dialog = findChild(messageList().parent, "retractDialog")
            const askToRetract = function() {
                mouseClick(text, text.width - 2, text.height - 2, Qt.RightButton)
                const menu = findChild(item, "messageMenu") // made on first use
                tryVerify(function() { return menu.opened }, 3000, "the context menu opens")
                const retract = findChild(item, "retractItem")
                verify(retract.enabled, "Retract… is offered on one's own message")
                mouseClick(retract)
                tryVerify(function() { return dialog.opened }, 3000, "Retract asks first")
            }
            askToRetract()
            keyClick(Qt.Key_Return)
            tryVerify(function() { return !dialog.visible }, 3000)
            verify(!lastMessage().deleted, "Enter cancels: the focus is on Cancel")
            askToRetract()
            mouseClick(findChild(dialog.footer, "confirmButton"))
            tryVerify(function() { return lastMessage().deleted }, 10000, "retracted")
            tryVerify(function() {
                const shown = findChild(lastDelegate(), "messageText")
                return shown.getText(0, shown.length) === "Message deleted"
            }, 3000, "the placeholder shows")
        }

        function test_4_privateChatMessagesCarryNoPrivateTag() {
            serverWithBob.bobWhispers("Main", App.chats.currentAccount.userId, "psst one")
            serverWithBob.bobWhispers("Main", App.chats.currentAccount.userId, "psst two")
            const conversations = findChild(sidebar, "conversationList")
            tryVerify(function() { return conversations.count === 1 }, 10000)
            verify(App.chats.selectKey(App.chats.switcherEntries("bob")[0].key))
            compare(App.chats.currentTitle, "bob")
            tryVerify(function() { return messageList().count >= 2 }, 10000)
            waitForRendering(messageList())
            const list = messageList()
            for (let i = 0; i < list.count; ++i) {
                const item = list.itemAtIndex(i)
                if (!item)
                    continue
                verify(App.chats.messages.get(i).isPrivate)
                verify(!findChild(item, "privateTag").visible, "message " + i + " is tagged private")
            }
        }

        function test_5_openingAChatFocusesTheComposer() {
            App.chats.joinRoom("Dev")
            tryVerify(function() { return composer().activeFocus }, 3000, "joining a room")
            // A click on a sidebar row.
            awayFromComposer()
            const main = rowOf(findChild(sidebar, "roomList"), "Main")
            verify(main !== null)
            mouseClick(main)
            compare(App.chats.currentTitle, "Main")
            tryVerify(function() { return composer().activeFocus }, 3000, "a click on a room")
            // A link (talker://) to a room of this account.
            awayFromComposer()
            verify(App.connector.openLink("talker://127.0.0.1:" + serverWithBob.port + "/Dev"))
            compare(App.chats.currentTitle, "Dev")
            tryVerify(function() { return composer().activeFocus }, 3000, "a link")
            // A notification click selects the chat by its key, as NotificationController does.
            awayFromComposer()
            const mainKey = App.chats.switcherEntries("Main")[0].key
            verify(App.chats.selectKey(mainKey))
            compare(App.chats.currentTitle, "Main")
            tryVerify(function() { return composer().activeFocus }, 3000, "a notification")
            // The quick switcher (Ctrl+K in Main.qml), a filter, Enter.
            awayFromComposer()
            switcher.open()
            tryVerify(function() { return switcher.opened }, 5000)
            findChild(switcher.contentItem, "switcherFilter").text = "dev"
            keyClick(Qt.Key_Return)
            compare(App.chats.currentTitle, "Dev")
            tryVerify(function() { return !switcher.visible }, 5000)
            tryVerify(function() { return composer().activeFocus }, 3000, "the quick switcher")
        }

        function test_6_ctrlShiftTabGoesToThePreviousChat() {
            // Order: rooms (Main, Dev), then private conversations (bob).
            App.chats.selectKey(App.chats.switcherEntries("Main")[0].key)
            compare(App.chats.currentTitle, "Main")
            keyClick(Qt.Key_Backtab, Qt.ControlModifier | Qt.ShiftModifier)
            compare(App.chats.currentTitle, "bob", "Ctrl+Shift+Tab wraps to the last chat")
            keyClick(Qt.Key_Backtab, Qt.ControlModifier | Qt.ShiftModifier)
            compare(App.chats.currentTitle, "Dev")
            keyClick(Qt.Key_Tab, Qt.ControlModifier)
            compare(App.chats.currentTitle, "bob", "Ctrl+Tab goes forward again")
        }

        function memberTexts() {
            const list = findChild(members, "memberList")
            const out = {}
            for (let i = 0; i < list.count; ++i) {
                const item = list.itemAtIndex(i)
                if (item)
                    out[item.name] = item.presenceText
            }
            return out
        }
        function bobRow() { return rowOf(findChild(sidebar, "conversationList"), "bob") }
        function openKey(title) {
            verify(App.chats.selectKey(App.chats.switcherEntries(title)[0].key))
            compare(App.chats.currentTitle, title)
        }

        function test_7_membersAreUnknownWhileDisconnected() {
            openKey("Main")
            tryVerify(function() { return memberTexts()["bob"] === "online" }, 10000)
            compare(bobRow().presence, 0, "the sidebar dot: bob is online")
            serverWithBob.stopServer()
            tryVerify(function() { return App.chats.offline }, 15000)
            tryVerify(function() { return memberTexts()["bob"] === "unknown" }, 5000)
            const texts = memberTexts()
            verify(texts["bob"] === "unknown" && texts["alice"] === "unknown",
                   "nobody shows online while disconnected: " + JSON.stringify(texts))
            compare(bobRow().presence, -1, "the private chat's dot: unknown")
            verify(serverWithBob.restartServer())
            App.chats.retryNow()
            tryVerify(function() { return !App.chats.offline }, 20000, "alice reconnects")
            tryVerify(function() { return serverWithBob.bobConnected }, 30000, "bob reconnects")
            tryVerify(function() { return memberTexts()["bob"] === "online" }, 15000)
        }

        function test_8_privateChatShowsThePeersRealPresence() {
            openKey("bob")
            const label = findChild(chat, "peerPresenceLabel")
            tryCompare(label, "text", "online", 10000)
            compare(App.chats.peerPresence, 0)
            compare(Chat.sendBlocker, "")
            // bob leaves Main, the only room alice shares with him.
            serverWithBob.bobLeaves("Main")
            tryCompare(label, "text", "offline", 10000)
            tryCompare(bobRow(), "presence", 2, 5000)
            const problem = findChild(chat, "sendProblem")
            verify(problem.visible, "the composer says why before anything is sent")
            verify(problem.text.indexOf("bob isn't in any room you share") >= 0, problem.text)
            // Enter sends nothing and keeps the text.
            const count = App.chats.messages.count
            const input = composer()
            input.forceActiveFocus()
            input.text = "are you there?"
            keyClick(Qt.Key_Return)
            compare(input.text, "are you there?", "the refused text stays in the composer")
            compare(App.chats.messages.count, count, "nothing was queued")
            verify(Chat.sendError.indexOf("bob") >= 0, Chat.sendError)
            waitForRendering(root)
            grabImage(root).save("tst_chatux-peer-offline.png") // an artifact to look at
            // Back in the room: online, and the message goes.
            serverWithBob.connectBob("Main")
            tryCompare(label, "text", "online", 15000)
            compare(Chat.sendBlocker, "")
            keyClick(Qt.Key_Return)
            tryVerify(function() { return lastMessage().text === "are you there?" && !lastMessage().pending }, 10000)
        }

        function test_9_oversizedPasteIsRefusedAndTheRoomStaysOnline() {
            openKey("Main")
            App.chats.currentRoom.sendDrafts = true // live drafts: the paste must not go out either
            const input = composer()
            const counter = findChild(chat, "sizeCounter")
            const problem = findChild(chat, "sendProblem")
            const count = App.chats.messages.count
            input.forceActiveFocus()
            input.text = "\u00e9".repeat(140 * 1024) // 140 Ki characters, 280 KiB as UTF-8
            const send = findChild(chat, "sendButton")
            verify(counter.visible, "the counter shows near the limit")
            verify(counter.text.indexOf("Too long") >= 0 && counter.text.indexOf("256 KiB") >= 0, counter.text)
            verify(Chat.encodedSize(input.text) > Chat.maxMessageBytes)
            verify(!send.enabled, "Send is off while the text is too long")
            verify(send.Accessible.description.indexOf("Too long") >= 0, send.Accessible.description)
            keyClick(Qt.Key_Return)
            verify(Chat.sendError.indexOf("Too long") >= 0, Chat.sendError)
            // The size is said once: by the counter, not again by the refusal.
            verify(counter.visible && !problem.visible, problem.text)
            waitForRendering(root)
            grabImage(root).save("tst_chatux-too-long.png")
            const fontBefore = App.settings.fontSize
            App.settings.fontSize = 16
            App.settings.theme = AppSettings.Dark
            waitForRendering(root)
            grabImage(root).save("tst_chatux-too-long-dark-16.png")
            App.settings.theme = AppSettings.Light
            App.settings.fontSize = fontBefore
            compare(input.length, 140 * 1024, "the text stays")
            wait(1500) // a live draft, if one went out, would have the connection closed by now
            verify(!App.chats.offline, "the room stays online")
            compare(App.chats.messages.count, count, "nothing was sent")
            // Cut down to fit: it goes.
            input.text = "\u00e9".repeat(1000)
            verify(!problem.visible, "editing clears the refusal")
            verify(send.enabled)
            compare(send.Accessible.description, "")
            keyClick(Qt.Key_Return)
            tryVerify(function() { return lastMessage().isOwn && lastMessage().text.length === 1000 && !lastMessage().pending }, 10000)
            verify(!App.chats.offline)
            App.chats.currentRoom.sendDrafts = false
        }

        function test_9y_aReplyQuotesItsOriginalAndJumpsToIt() {
            compare(App.chats.currentTitle, "Main")
            sendTyped("quote me")
            tryVerify(function() { return lastMessage().text === "quote me" && !lastMessage().pending }, 10000)
            const original = lastMessage().messageId
            Chat.startReply(original) // what the menu's Reply does
            const bar = findChild(chat, "replyBar")
            verify(bar.visible, "the composer says what the message answers")
            sendTyped("my answer")
            tryVerify(function() { return lastMessage().text === "my answer" && !lastMessage().pending }, 10000)
            compare(lastMessage().replyTo, original)
            verify(!bar.visible, "sent: the next message is no reply")
            const quote = findChild(lastDelegate(), "replyQuote")
            verify(quote.visible)
            verify(quote.Accessible.name.indexOf("quote me") >= 0, quote.Accessible.name)
            const jumps = Qt.createQmlObject("import QtTest; SignalSpy { signalName: \"jumped\" }", root)
            jumps.target = App.chats.currentRoom.pager
            mouseClick(quote)
            tryCompare(jumps, "count", 1)
            compare(jumps.signalArguments[0][0], original)
            jumps.destroy()
        }

        function test_9z_aRoomThatNeverConnectedSaysWhy() {
            App.connector.connectToServer("127.0.0.1", 1, false, "some-token", "Nowhere")
            compare(App.chats.currentTitle, "Nowhere")
            const banner = findChild(chat, "offlineBanner")
            const text = findChild(chat, "offlineText")
            tryVerify(function() { return banner.visible && text.text.indexOf("Cannot reach this room") >= 0 }, 15000, text.text)
            verify(text.text.toLowerCase().indexOf("refused") >= 0, "the reason is in the banner: " + text.text)
            verify(Chat.sendBlocker.indexOf("never connected") >= 0, Chat.sendBlocker)
            const input = composer()
            input.forceActiveFocus()
            input.text = "hello?"
            keyClick(Qt.Key_Return)
            compare(input.text, "hello?", "refused, kept")
            compare(App.chats.messages.count, 0, "nothing queued into a room that never connected")
            verify(findChild(chat, "sendProblem").visible)
            waitForRendering(root)
            grabImage(root).save("tst_chatux-never-connected.png")
            // A host that does not exist: the same, with that reason.
            App.connector.connectToServer("nonexistent.invalid", 8500, false, "some-token", "Nowhere")
            compare(App.chats.currentAccount.host, "nonexistent.invalid")
            // (Host not found; a machine without DNS may say otherwise, after a while.)
            tryVerify(function() { return /Cannot reach this room: \S.*\./.test(text.text) }, 30000, text.text)
            verify(Chat.sendBlocker.indexOf("never connected") >= 0, Chat.sendBlocker)
        }
    }
}
