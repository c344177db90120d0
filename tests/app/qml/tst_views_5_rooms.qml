// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtTest
import Talker

// Rooms and settings: leaving, a bad link, settings that apply at once, inviting someone to the local room.
ViewsHarness {
    id: root

    ViewsTestCase {
        harness: root
        name: "ViewsRooms"

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
    }
}
