// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Talker

// "Invite someone…" for the local room: asks once whether to open the room to the
// local network, then shows a fresh invite link with a Copy button.
ThemedDialog {
    id: dialog
    objectName: "inviteSomeoneDialog"
    contentWidth: 420
    title: qsTr("Invite someone")
    // A button like the other dialogs' (a standard button box fills half the width and
    // draws square corners over the rounded frame).
    footer: RowLayout {
        Item { Layout.fillWidth: true }
        SecondaryButton {
            objectName: "closeInviteButton"
            Layout.bottomMargin: 16
            Layout.rightMargin: 16
            text: qsTr("Close")
            onClicked: dialog.close()
        }
    }

    function refresh() {
        if (LocalShare.open)
            linkField.text = LocalShare.invite()
    }
    onOpened: { linkField.text = ""; refresh() }

    ColumnLayout {
        width: dialog.availableWidth
        spacing: 10
        // The question, asked until the room is open.
        Label {
            Layout.fillWidth: true
            visible: !LocalShare.open
            wrapMode: Text.Wrap
            text: LocalShare.asked
                  ? qsTr("Your room is closed to the local network. Open it so that people on your network can join?")
                  : qsTr("Until now only this computer can reach your room. Open it to the local network so that people on your network can join?")
        }
        RowLayout {
            visible: !LocalShare.open
            Item { Layout.fillWidth: true }
            Button {
                objectName: "keepClosedButton"
                text: qsTr("Keep it closed")
                onClicked: { LocalShare.answer(false); dialog.close() }
            }
            PrimaryButton {
                objectName: "openToNetworkButton"
                text: qsTr("Open to the network")
                onClicked: { LocalShare.answer(true); dialog.refresh() }
            }
        }
        Label {
            Layout.fillWidth: true
            visible: LocalShare.open
            wrapMode: Text.Wrap
            text: qsTr("Send this link to the person you invite. It works once, for 7 days.")
        }
        RowLayout {
            Layout.fillWidth: true
            visible: LocalShare.open
            TextField {
                id: linkField
                objectName: "inviteLinkField"
                Layout.fillWidth: true
                readOnly: true
                selectByMouse: true
                Accessible.name: qsTr("Invite link")
            }
            Button {
                objectName: "copyInviteButton"
                text: copied ? qsTr("Copied") : qsTr("Copy")
                property bool copied: false
                enabled: linkField.text.length > 0
                onClicked: { linkField.selectAll(); linkField.copy(); copied = true }
            }
        }
        Label {
            Layout.fillWidth: true
            visible: LocalShare.open
            wrapMode: Text.Wrap
            color: Theme.mutedText
            text: qsTr("The other person needs Talker installed: opening the link starts it and asks for their name.")
        }
    }
}
