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
    // The open chat is the local room.
    readonly property bool available: App.connector.hostingLocal && App.chats.currentAccount !== null
                                      && App.chats.currentAccount.id === LocalShare.accountId
    // Too narrow a header (ChatView): the button moves into its More menu, and a short
    // badge says the room is open to the network (the sentence would not fit at large fonts).
    property bool folded: false
    // The width when nothing is folded, whatever is shown (no loop through folding).
    readonly property real fullWidth: openLabel.implicitWidth + inviteButton.implicitWidth + spacing
    visible: available
    spacing: 4
    Label {
        id: openLabel
        objectName: "openToNetworkLabel"
        visible: LocalShare.open && !share.folded
        text: qsTr("Open to your network")
        color: Theme.mutedText
        font.pixelSize: Theme.baseFontPixels * 0.85
    }
    Label {
        objectName: "openToNetworkBadge"
        visible: LocalShare.open && share.folded
        text: qsTr("LAN", "badge: this room is open to your local network")
        color: Theme.mutedText
        font.pixelSize: Theme.baseFontPixels * 0.75
        font.bold: true
        leftPadding: 5
        rightPadding: 5
        background: Rectangle {
            radius: height / 2
            color: "transparent"
            border.color: Theme.mutedText
        }
        Accessible.name: openLabel.text
        HoverHandler { id: badgeHover }
        ToolTip.visible: badgeHover.hovered
        ToolTip.text: openLabel.text
    }
    ToolButton {
        id: inviteButton
        objectName: "inviteSomeoneButton"
        visible: !share.folded
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
