// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Talker

// A server presented a certificate that does not verify: show what is wrong and its
// fingerprint; the user trusts it (pinned for that account) or not. No token is sent
// to the server before that.
Rectangle {
    id: bar
    objectName: "certificateBar"
    readonly property var prompt: App.connector.certificatePrompt
    visible: prompt.fingerprint !== undefined
    implicitHeight: column.implicitHeight + 16
    color: Theme.danger
    Accessible.role: Accessible.AlertMessage
    Accessible.name: qsTr("Untrusted server certificate")

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: 8
        anchors.leftMargin: 18
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            font.bold: true
            color: Theme.text
            text: qsTr("%1:%2 presents a certificate that cannot be verified (%3).")
                  .arg(bar.prompt.host || "").arg(bar.prompt.port || 0).arg(bar.prompt.problems || "")
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WrapAnywhere
            color: Theme.mutedText
            font.family: "monospace"
            text: qsTr("SHA-256 fingerprint: %1").arg(bar.prompt.fingerprint || "")
        }
        RowLayout {
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.mutedText
                text: qsTr("Trust it only if your server admin confirms this fingerprint.")
            }
            SecondaryButton {
                objectName: "trustCertificateButton"
                text: qsTr("Trust this server")
                onClicked: App.connector.trustCertificate()
            }
            SecondaryButton {
                objectName: "dontConnectButton"
                text: qsTr("Don't connect")
                onClicked: App.connector.dismissCertificate()
            }
        }
    }
}
