// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Talker

// In the local room's header: whether it is open to the network, and "Invite someone…".
RowLayout {
    id: share
    objectName: "localShareButton"
    property alias dialog: inviteDialog
    visible: App.connector.hostingLocal && App.chats.currentAccount !== null
             && App.chats.currentAccount.id === LocalShare.accountId
    spacing: 4
    Label {
        objectName: "openToNetworkLabel"
        visible: LocalShare.open
        text: qsTr("Open to your network")
        color: Theme.mutedText
        font.pixelSize: Theme.baseFontPixels * 0.85
    }
    ToolButton {
        objectName: "inviteSomeoneButton"
        text: qsTr("Invite someone…")
        font.pixelSize: Theme.baseFontPixels * 0.9
        Accessible.name: qsTr("Invite someone to this room")
        onClicked: inviteDialog.open()
    }
    InviteSomeoneDialog {
        id: inviteDialog
        parent: Overlay.overlay
        anchors.centerIn: parent
    }
}
