// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Talker

// Theme, font size, language, tray behavior. Changes apply and persist at once.
// Colours are bound on each control: Qt 6.4 does not pass a palette change on to
// the contents of an open popup, so inherited colours went stale (invisible labels
// after a theme switch).
ThemedDialog {
    id: dialog
    objectName: "settingsDialog"
    title: qsTr("Settings")
    footer: Item {
        implicitHeight: closeButton.implicitHeight + 20
        SecondaryButton {
            id: closeButton
            objectName: "closeButton"
            anchors.right: parent.right
            anchors.rightMargin: 20
            anchors.top: parent.top
            text: qsTr("Close")
            onClicked: dialog.close()
        }
    }

    GridLayout {
        columns: 2
        columnSpacing: 16
        rowSpacing: 10

        Label { objectName: "themeLabel"; text: qsTr("Theme"); color: Theme.text }
        ThemedComboBox {
            objectName: "themeBox"
            Layout.preferredWidth: Math.round(Theme.baseFontPixels * 14)
            model: [qsTr("Follow system"), qsTr("Light"), qsTr("Dark")]
            currentIndex: App.settings.theme
            Accessible.name: qsTr("Theme")
            onActivated: function(index) { App.settings.theme = index }
        }
        Label { text: qsTr("Language"); color: Theme.text }
        ThemedComboBox {
            objectName: "languageBox"
            Layout.preferredWidth: Math.round(Theme.baseFontPixels * 14)
            // Each language named in itself, so it can be found whatever is shown now.
            readonly property var codes: ["", "en", "de"]
            model: [qsTr("Follow system"), "English", "Deutsch"]
            currentIndex: Math.max(0, codes.indexOf(App.settings.language))
            Accessible.name: qsTr("Language")
            onActivated: function(index) { App.settings.language = codes[index] }
        }
        Label { text: qsTr("Font size"); color: Theme.text }
        SpinBox {
            objectName: "fontSizeBox"
            // Bound here, not inherited: an open popup misses the window's palette change.
            palette.text: Theme.text
            palette.base: Theme.composer
            palette.button: Theme.button
            palette.buttonText: Theme.text
            palette.mid: Theme.border
            from: 8
            to: 24
            value: App.settings.fontSize
            Accessible.name: qsTr("Font size")
            onValueModified: App.settings.fontSize = value
        }
        Label { text: qsTr("Close to tray"); color: Theme.text }
        ToggleSwitch {
            objectName: "closeToTraySwitch"
            checked: App.settings.closeToTray
            enabled: Tray.available
            Accessible.name: qsTr("Keep running in the tray when the window is closed")
            onToggled: App.settings.closeToTray = checked
        }
        Label { text: qsTr("Start minimized"); color: Theme.text }
        ToggleSwitch {
            objectName: "startMinimizedSwitch"
            checked: App.settings.startMinimized
            Accessible.name: qsTr("Start minimized")
            onToggled: App.settings.startMinimized = checked
        }
        Label { text: qsTr("Accounts") }
        Button {
            objectName: "accountsButton"
            text: qsTr("Manage accounts…")
            onClicked: accountsPage.open()
            AccountsPage {
                id: accountsPage
                parent: Overlay.overlay
                anchors.centerIn: parent
            }
        }
        Label { text: qsTr("Local room open to the network") }
        Switch {
            objectName: "localOpenSwitch"
            checked: LocalShare.open
            enabled: App.connector.hostingLocal
            Accessible.name: qsTr("Let people on the local network join your local room")
            onToggled: LocalShare.answer(checked)
        }
        Label {
            Layout.columnSpan: 2
            Layout.topMargin: 8
            text: qsTr("Talker %1").arg(App.version)
            color: Theme.mutedText
        }
    }
}
