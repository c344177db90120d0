import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Talker

// Host, port, TLS (on by default for non-loopback hosts), token and room.
ColumnLayout {
    id: form
    signal submitted()

    property bool tlsTouched: false
    readonly property bool complete: host.text.trim().length > 0 && token.text.trim().length > 0
                                     && room.text.trim().length > 0

    spacing: 10

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
            onTextChanged: if (!form.tlsTouched) tls.checked = App.connector.defaultTlsFor(text)
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
        onAccepted: form.submit()
    }
    PrimaryButton {
        objectName: "connectButton"
        Layout.fillWidth: true
        Layout.topMargin: 6
        text: qsTr("Connect")
        enabled: form.complete
        onClicked: form.submit()
    }
}
