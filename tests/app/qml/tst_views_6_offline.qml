// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtTest
import Talker

// Rooms that cannot connect: a wrong token, an unreachable host.
ViewsHarness {
    id: root

    ViewsTestCase {
        harness: root
        name: "ViewsOffline"

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
