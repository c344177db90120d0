// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Talker

// Settings → Accounts: one row per server account with its name, address, state and
// reason, certificate fingerprint and rooms; change its token (tried first), forget
// its certificate, or remove it (after a confirmation).
Dialog {
    id: page
    objectName: "accountsPage"
    title: qsTr("Accounts")
    modal: true
    padding: 20
    standardButtons: Dialog.Close

    function confirmRemove(account) {
        confirm.account = account
        confirm.open()
    }

    ScrollView {
        implicitWidth: 520
        implicitHeight: Math.min(column.implicitHeight, 480)
        ColumnLayout {
            id: column
            width: 500
            spacing: 16
            Label {
                visible: App.registry.count === 0
                text: qsTr("No accounts yet.")
                color: Theme.mutedText
            }
            Repeater {
                model: App.registry.count
                delegate: ColumnLayout {
                    id: row
                    required property int index
                    readonly property var account: App.registry.accountAt(index)
                    Layout.fillWidth: true
                    spacing: 4
                    Label {
                        text: row.account ? row.account.label : ""
                        font.bold: true
                    }
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        text: row.account
                              ? qsTr("%1 on %2:%3").arg(row.account.userName || qsTr("(not connected yet)"))
                                    .arg(row.account.host).arg(row.account.port)
                              : ""
                    }
                    Label {
                        objectName: "accountState"
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        color: row.account && row.account.authenticationFailed ? Theme.error : Theme.mutedText
                        text: row.account ? row.account.statusText : ""
                    }
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.WrapAnywhere
                        color: Theme.mutedText
                        font.pixelSize: Theme.baseFontPixels * 0.85
                        readonly property string fingerprint: Accounts.fingerprint(row.account)
                        text: fingerprint.length > 0 ? qsTr("Certificate: %1").arg(fingerprint)
                                                     : qsTr("No pinned certificate")
                    }
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        text: row.account ? qsTr("Rooms: %1").arg(row.account.roomNames.join(", ")) : ""
                    }
                    RowLayout {
                        TextField {
                            id: newToken
                            Layout.fillWidth: true
                            echoMode: TextInput.Password
                            placeholderText: qsTr("New token")
                            Accessible.name: qsTr("New token for %1").arg(row.account ? row.account.label : "")
                        }
                        Button {
                            text: Accounts.checkingToken ? qsTr("Checking…") : qsTr("Change token")
                            enabled: !Accounts.checkingToken && newToken.text.length > 0
                            onClicked: { Accounts.changeToken(row.account, newToken.text); newToken.text = "" }
                        }
                    }
                    RowLayout {
                        Button {
                            text: qsTr("Forget certificate")
                            onClicked: Accounts.forgetCertificate(row.account)
                        }
                        Button {
                            text: qsTr("Remove account…")
                            onClicked: page.confirmRemove(row.account)
                        }
                    }
                }
            }
            Label {
                objectName: "tokenError"
                Layout.fillWidth: true
                visible: text.length > 0
                wrapMode: Text.Wrap
                color: Theme.error
                text: Accounts.tokenError
            }
        }
    }

    Dialog {
        id: confirm
        property var account: null
        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        title: qsTr("Remove account")
        standardButtons: Dialog.Yes | Dialog.Cancel
        Label {
            width: 360
            wrapMode: Text.Wrap
            text: confirm.account
                  ? qsTr("Leave every room of %1 and delete its token, cache and unsent messages from this computer?")
                        .arg(confirm.account.label)
                  : ""
        }
        onAccepted: Accounts.removeAccount(confirm.account)
    }
}
