// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Talker

// Host, port, TLS (on by default for non-loopback hosts), token and room. Each field
// is checked as it is typed (ConnectInput); a pasted talker:// link fills every field.
ColumnLayout {
    id: form
    signal submitted()
    signal cancelled()

    property bool tlsTouched: false
    readonly property string hostError: host.text.length > 0 ? ConnectInput.hostError(host.text) : ""
    readonly property string roomError: ConnectInput.roomError(room.text)
    property string linkError: ""
    property var linkFields: ({})
    readonly property bool complete: host.text.trim().length > 0 && token.text.trim().length > 0
                                     && hostError.length === 0 && roomError.length === 0

    spacing: 10

    // Fills the fields from a link; the user adds the token.
    function prefill(hostName, portNumber, roomName) {
        host.text = hostName
        port.value = portNumber
        room.text = roomName
        token.forceActiveFocus()
    }

    // A talker:// link typed or pasted into the host field fills every field.
    function takeLink(text) {
        linkFields = ConnectInput.parseLink(text)
        if (linkFields.error !== undefined) {
            linkError = linkFields.error
            return
        }
        linkError = ""
        prefill(linkFields.host, linkFields.port, linkFields.room)
    }

    function submit() {
        if (!complete)
            return
        App.connector.connectToServer(host.text, port.value, tls.checked, token.text, room.text)
        token.text = ""
        form.submitted()
    }

    Label { text: qsTr("Server"); font.bold: true; color: Theme.text }
    RowLayout {
        Layout.fillWidth: true
        TextField {
            id: host
            objectName: "hostField"
            Layout.fillWidth: true
            placeholderText: qsTr("chat.example.org")
            Accessible.name: qsTr("Server host name")
            onTextChanged: {
                if (ConnectInput.isLink(text)) {
                    form.takeLink(text)
                    return
                }
                form.linkError = ""
                if (!form.tlsTouched)
                    tls.checked = App.connector.defaultTlsFor(text)
            }
            // Editing replaces the old value instead of appending to it.
            onActiveFocusChanged: if (activeFocus) selectAll()
            onAccepted: form.submit()
        }
        SpinBox {
            id: port
            objectName: "portField"
            from: 1
            to: 65535
            value: 8500
            editable: true
            textFromValue: function(value) { return value.toString() }
            Accessible.name: qsTr("Port")
        }
    }
    Label {
        objectName: "hostError"
        Layout.fillWidth: true
        visible: text.length > 0
        wrapMode: Text.Wrap
        color: Theme.error
        text: form.linkError.length > 0 ? form.linkError : form.hostError
    }
    CheckBox {
        id: tls
        objectName: "tlsCheck"
        text: qsTr("Use an encrypted connection (TLS)")
        checked: true
        onToggled: form.tlsTouched = true
    }
    Label { text: qsTr("Token"); font.bold: true; color: Theme.text }
    TextField {
        id: token
        objectName: "tokenField"
        Layout.fillWidth: true
        echoMode: TextInput.Password
        placeholderText: qsTr("The secret your server admin gave you")
        Accessible.name: qsTr("Token")
        onAccepted: form.submit()
    }
    Label { text: qsTr("Room"); font.bold: true; color: Theme.text }
    TextField {
        id: room
        objectName: "roomField"
        Layout.fillWidth: true
        text: "Main"
        Accessible.name: qsTr("Room to join")
        onActiveFocusChanged: if (activeFocus) selectAll()
        onAccepted: form.submit()
    }
    Label {
        objectName: "roomError"
        Layout.fillWidth: true
        visible: text.length > 0
        wrapMode: Text.Wrap
        color: Theme.error
        text: form.roomError
    }
    RowLayout {
        Layout.fillWidth: true
        Layout.topMargin: 6
        SecondaryButton {
            objectName: "cancelConnectButton"
            text: qsTr("Cancel")
            onClicked: {
                host.text = ""
                token.text = ""
                room.text = "Main"
                form.linkError = ""
                form.cancelled()
            }
        }
        PrimaryButton {
            objectName: "connectButton"
            Layout.fillWidth: true
            text: qsTr("Connect")
            enabled: form.complete
            onClicked: form.submit()
        }
    }
}
