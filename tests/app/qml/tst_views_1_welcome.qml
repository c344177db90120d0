// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtTest
import Talker

// The welcome screen: the connect form checks its fields, then alice connects.
ViewsHarness {
    id: root

    ViewsTestCase {
        harness: root
        name: "ViewsWelcome"

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
    }
}
