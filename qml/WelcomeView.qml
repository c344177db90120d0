// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Talker

// First start: connect to a team server, or host a room on this computer.
Rectangle {
    id: welcome
    signal hostLocal()
    color: Theme.sidebar

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 820)
        spacing: 24

        ColumnLayout {
            Layout.alignment: Qt.AlignHCenter
            spacing: 6
            Image {
                Layout.alignment: Qt.AlignHCenter
                source: "qrc:/icons/hicolor/128x128/apps/org.talker.Talker.png"
                sourceSize.width: 88
                sourceSize.height: 88
                Accessible.ignored: true
            }
            Label {
                Layout.alignment: Qt.AlignHCenter
                text: qsTr("Welcome to Talker")
                font.pixelSize: Theme.baseFontPixels * 2
                font.bold: true
            }
            Label {
                Layout.alignment: Qt.AlignHCenter
                text: qsTr("Rooms, private messages and presence for small teams.")
                color: Theme.mutedText
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 20

            Pane {
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                Layout.alignment: Qt.AlignTop
                padding: 22
                background: Rectangle { color: Theme.window; radius: 12; border.color: Theme.border }
                ColumnLayout {
                    anchors.left: parent.left
                    anchors.right: parent.right
                    spacing: 8
                    Label {
                        text: qsTr("Connect to a server")
                        font.pixelSize: Theme.baseFontPixels * 1.3
                        font.bold: true
                    }
                    ConnectForm { Layout.fillWidth: true }
                }
            }

            Pane {
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                Layout.alignment: Qt.AlignTop
                padding: 22
                background: Rectangle { color: Theme.window; radius: 12; border.color: Theme.border }
                ColumnLayout {
                    anchors.left: parent.left
                    anchors.right: parent.right
                    spacing: 12
                    Label {
                        text: qsTr("Host a local room")
                        font.pixelSize: Theme.baseFontPixels * 1.3
                        font.bold: true
                    }
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        color: Theme.mutedText
                        text: qsTr("Start a Talker server inside the app, on this computer only, with a demo room. Nothing to set up.")
                    }
                    PrimaryButton {
                        objectName: "hostLocalButton"
                        Layout.fillWidth: true
                        text: qsTr("Host a local room")
                        onClicked: welcome.hostLocal()
                    }
                }
            }
        }
    }
}
