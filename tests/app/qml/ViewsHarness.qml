// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtQuick.Controls
import QtTest
import Talker

// What every tst_views_*.qml runs in: the views as Main.qml lays them out, over the real
// App/Chat controllers, with alice (this app) and bob (a real client in C++,
// `serverWithBob`) on a real talker-server. The files run in name order in one process
// and share the controllers, so their steps build on each other: tst_views_1 connects.
Item {
    id: root

    readonly property alias welcome: welcome
    readonly property alias sidebar: sidebar
    readonly property alias chat: chat
    readonly property alias members: members
    readonly property alias switcher: switcher
    readonly property alias searchView: searchView
    readonly property alias settingsDialog: settingsDialog
    readonly property alias joinInvite: joinInvite
    readonly property alias connectInsteadSpy: connectInsteadSpy

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
}
