// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Talker

// "Connect to a server": the connect form in a dialog, closed by the form's own buttons.
ThemedDialog {
    id: dialog
    objectName: "connectDialog"

    function prefill(host: string, port: int, room: string) {
        form.prefill(host, port, room)
    }

    title: qsTr("Connect to a server")
    ConnectForm {
        id: form
        width: 360
        onSubmitted: dialog.close()
        onCancelled: dialog.close()
    }
}
