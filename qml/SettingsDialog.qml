import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Talker

// Theme, font size, tray behavior. Changes apply and persist at once.
Dialog {
    id: dialog
    title: qsTr("Settings")
    modal: true
    padding: 20
    standardButtons: Dialog.Close

    GridLayout {
        columns: 2
        columnSpacing: 16
        rowSpacing: 10

        Label { text: qsTr("Theme") }
        ComboBox {
            objectName: "themeBox"
            Layout.preferredWidth: 200
            model: [qsTr("Follow system"), qsTr("Light"), qsTr("Dark")]
            currentIndex: App.settings.theme
            Accessible.name: qsTr("Theme")
            onActivated: function(index) { App.settings.theme = index }
        }
        Label { text: qsTr("Font size") }
        SpinBox {
            objectName: "fontSizeBox"
            from: 8
            to: 24
            value: App.settings.fontSize
            Accessible.name: qsTr("Font size")
            onValueModified: App.settings.fontSize = value
        }
        Label { text: qsTr("Close to tray") }
        Switch {
            checked: App.settings.closeToTray
            enabled: Tray.available
            Accessible.name: qsTr("Keep running in the tray when the window is closed")
            onToggled: App.settings.closeToTray = checked
        }
        Label { text: qsTr("Start minimized") }
        Switch {
            checked: App.settings.startMinimized
            Accessible.name: qsTr("Start minimized")
            onToggled: App.settings.startMinimized = checked
        }
        Label {
            Layout.columnSpan: 2
            Layout.topMargin: 8
            text: qsTr("Talker %1").arg(App.version)
            color: Theme.mutedText
        }
    }
}
