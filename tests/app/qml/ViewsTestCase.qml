// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtTest
import Talker

// The views' test case: the harness's views under their usual names, and the helpers
// the view tests share.
TestCase {
    required property ViewsHarness harness
    readonly property Item welcome: harness.welcome
    readonly property Item sidebar: harness.sidebar
    readonly property Item chat: harness.chat
    readonly property Item members: harness.members
    readonly property var switcher: harness.switcher
    readonly property var searchView: harness.searchView
    readonly property var settingsDialog: harness.settingsDialog
    readonly property var joinInvite: harness.joinInvite
    readonly property var connectInsteadSpy: harness.connectInsteadSpy

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
}
