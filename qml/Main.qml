// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Talker

// The main window: the welcome screen until an account exists, then sidebar, chat
// and member panel. Layout only; every decision is made in C++ (App, Chat).
ApplicationWindow {
    id: window

    property bool startHidden: false
    property bool membersVisible: width > 900
    // The chat and the member panel are made right after the first frame has been
    // prepared, while it renders (bench/app-start.sh). startupComplete: they are in,
    // or not needed (the welcome screen); TalkerApplication reports when.
    property bool firstFramePrepared: false
    readonly property bool startupComplete: firstFramePrepared
                                            && chatLoader.status !== Loader.Loading
                                            && membersLoader.status !== Loader.Loading

    // The chat's and member panel's types, read on Qt's QML loader thread while this
    // window is made and its first frame renders; their loaders below then find them.
    readonly property list<Component> prefetched: App.hasAccounts
        ? [Qt.createComponent("ChatView.qml", Component.Asynchronous),
           Qt.createComponent("MemberPanel.qml", Component.Asynchronous)]
        : []
    // The views loaded by URL, untyped: a type named here would load with Main.qml.
    readonly property var welcomeView: welcomeLoader.item
    readonly property var chatView: chatLoader.item
    readonly property var connectDialogItem: connectDialog.item
    readonly property var inviteDialog: inviteLoader.item

    function openConnectForm(host: string, port: int, room: string) {
        connectDialog.open()
        window.connectDialogItem.prefill(host, port, room)
    }

    onAfterAnimating: {
        if (!firstFramePrepared && !afterFirstFrame.running)
            afterFirstFrame.start()
    }

    // Fires once the event loop runs again: the first frame renders meanwhile.
    Timer {
        id: afterFirstFrame
        interval: 0
        onTriggered: window.firstFramePrepared = true
    }

    width: 1080
    height: 720
    minimumWidth: 640
    minimumHeight: 420
    visible: !startHidden || !Tray.available
    title: App.chats.currentTitle.length > 0 ? qsTr("%1 — Talker").arg(App.chats.currentTitle) : qsTr("Talker")
    color: Theme.window
    font.pixelSize: Theme.baseFontPixels

    palette.window: Theme.window
    palette.windowText: Theme.text
    palette.base: Theme.composer
    palette.text: Theme.text
    palette.button: Theme.dark ? "#2c2f37" : "#eceef2"
    palette.buttonText: Theme.text
    palette.highlight: Theme.accent
    palette.highlightedText: Theme.accentText
    palette.placeholderText: Theme.mutedText
    palette.mid: Theme.border
    palette.light: Theme.dark ? "#3a3d46" : "#ffffff"
    palette.dark: Theme.border
    palette.toolTipBase: Theme.composer
    palette.toolTipText: Theme.text
    palette.link: Theme.link

    Binding {
        target: App.chats
        property: "windowActive"
        value: window.active && window.visible && window.visibility !== Window.Minimized
    }

    Shortcut {
        sequences: ["Ctrl+K"]
        enabled: App.hasAccounts
        onActivated: switcher.open()
    }
    Shortcut {
        sequences: ["Ctrl+F"]
        enabled: App.hasAccounts
        onActivated: search.open()
    }
    ChatSwitchShortcuts {}
    Shortcut {
        sequence: "Esc"
        enabled: window.membersVisible && !switcher.opened && !Chat.editing
        onActivated: window.membersVisible = false
    }

    header: Column {
        NoticeBar {
            width: parent.width
            visible: App.notice.length > 0
            text: App.notice
            actionText: App.noticeAction
            onDismissed: App.clearNotice()
            onActionTriggered: App.triggerNoticeAction()
        }
        CertificateBar {
            width: parent.width
        }
    }

    // The welcome screen, the chat, the member panel, the switcher, search, and the
    // settings, join, connect and invite dialogs are made when first needed, not at
    // start; and they are named by URL, not by type, so that Qt loads even their types
    // only then: the first frame waits for the types Main.qml names (bench/app-start.sh).
    Loader {
        id: welcomeLoader
        anchors.fill: parent
        active: !App.hasAccounts
        source: "WelcomeView.qml"
    }
    Connections {
        target: window.welcomeView
        function onHostLocal() { App.connector.hostLocalRoom() }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0
        visible: App.hasAccounts

        Sidebar {
            id: sidebar
            Layout.fillHeight: true
            Layout.preferredWidth: 260
            onJoinRequested: joinDialog.open()
            onConnectRequested: connectDialog.open()
            onSettingsRequested: settingsDialog.open()
            onSwitcherRequested: switcher.open()
        }
        // Made after the first frame (firstFramePrepared): that one shows the window,
        // its header and the sidebar with the rooms.
        Loader {
            id: chatLoader
            objectName: "chatLoader"
            Layout.fillWidth: true
            Layout.fillHeight: true
            active: App.hasAccounts && window.firstFramePrepared
            source: "ChatView.qml"
        }
        Binding {
            target: window.chatView
            property: "membersVisible"
            value: window.membersVisible
            when: window.chatView !== null
        }
        Connections {
            target: window.chatView
            function onToggleMembers() { window.membersVisible = !window.membersVisible }
        }
        Loader {
            id: membersLoader
            objectName: "membersLoader"
            Layout.fillHeight: true
            Layout.preferredWidth: 220
            visible: window.membersVisible && App.chats.currentRoom !== null
            active: App.hasAccounts && window.firstFramePrepared
            source: "MemberPanel.qml"
        }
    }

    LazyPopup {
        id: switcher
        objectName: "switcherPopup"
        source: "QuickSwitcher.qml"
    }
    LazyPopup {
        id: search
        objectName: "searchPopup"
        centred: true
        source: "SearchView.qml"
    }
    LazyPopup {
        id: joinDialog
        objectName: "joinPopup"
        centred: true
        source: "JoinRoomDialog.qml"
    }
    LazyPopup {
        id: settingsDialog
        objectName: "settingsPopup"
        centred: true
        source: "SettingsDialog.qml"
    }
    LazyPopup {
        id: connectDialog
        objectName: "connectPopup"
        centred: true
        source: "ConnectDialog.qml"
    }
    // Made when an invite is first offered, then kept: its visibility follows
    // Invites.pending (it opens itself, not through LazyPopup.open()).
    LazyPopup {
        id: inviteLoader
        objectName: "invitePopup"
        centred: true
        source: "JoinInviteDialog.qml"
        Component.onCompleted: inviteLoader.active = Invites.pending
        Connections {
            target: window.inviteDialog
            function onConnectInstead(host: string, port: int, room: string) {
                window.openConnectForm(host, port, room)
            }
        }
        Connections {
            target: Invites
            function onChanged() {
                if (Invites.pending)
                    inviteLoader.active = true
            }
        }
    }
}
