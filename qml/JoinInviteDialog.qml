// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Talker

// "Join ROOM on HOST": an invite link was clicked, pasted or handed over. One button
// creates the account and opens the room; a used invite offers the connect form.
ThemedDialog {
    id: dialog
    objectName: "joinInviteDialog"
    contentWidth: 360
    signal connectInstead(string host, int port, string room)

    title: qsTr("Join %1 on %2").arg(Invites.room).arg(Invites.host)
    visible: Invites.pending
    closePolicy: Popup.CloseOnEscape
    onOpened: { name.text = Invites.suggestedName; name.forceActiveFocus(); name.selectAll() }
    onRejected: Invites.cancel()

    ColumnLayout {
        width: dialog.availableWidth
        spacing: 10
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("You were invited to the room %1 on %2. Choose the name others will see.")
                  .arg(Invites.room).arg(Invites.host)
        }
        TextField {
            id: name
            objectName: "inviteNameField"
            Layout.fillWidth: true
            enabled: !Invites.busy && !Invites.inviteUsed
            placeholderText: qsTr("Your name")
            Accessible.name: qsTr("Your name")
            onAccepted: joinButton.clicked()
        }
        Label {
            objectName: "inviteError"
            Layout.fillWidth: true
            visible: text.length > 0
            wrapMode: Text.Wrap
            color: Theme.error
            text: Invites.error
        }
        RowLayout {
            Layout.fillWidth: true
            Button {
                objectName: "inviteCancelButton"
                text: qsTr("Cancel")
                onClicked: dialog.reject()
            }
            Item { Layout.fillWidth: true }
            Button {
                objectName: "inviteConnectButton"
                visible: Invites.inviteUsed
                text: qsTr("Connect with a token…")
                onClicked: {
                    const host = Invites.host, port = Invites.port, room = Invites.room
                    Invites.cancel()
                    dialog.connectInstead(host, port, room)
                }
            }
            PrimaryButton {
                id: joinButton
                objectName: "inviteJoinButton"
                visible: !Invites.inviteUsed
                enabled: !Invites.busy && name.text.trim().length > 0
                text: Invites.busy ? qsTr("Joining…") : qsTr("Join")
                onClicked: if (enabled) Invites.join(name.text)
            }
        }
    }
}
