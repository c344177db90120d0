// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Talker

// Asks before a destructive action (leave, retract). Cancel has the focus, so
// Enter or a second click at the same place never confirms by accident.
ThemedDialog {
    id: dialog
    property string text
    property string confirmText: qsTr("OK")

    width: Math.round(Theme.baseFontPixels * 28)
    onOpened: cancelButton.forceActiveFocus()

    contentItem: Label {
        text: dialog.text
        wrapMode: Text.Wrap
        color: Theme.mutedText
    }
    footer: Item {
        implicitHeight: buttons.implicitHeight + 20
        Row {
            id: buttons
            anchors.right: parent.right
            anchors.rightMargin: 20
            spacing: 8
            SecondaryButton {
                id: cancelButton
                objectName: "cancelButton"
                text: qsTr("Cancel")
                onClicked: dialog.reject()
            }
            PrimaryButton {
                objectName: "confirmButton"
                text: dialog.confirmText
                onClicked: dialog.accept()
            }
        }
    }
}
