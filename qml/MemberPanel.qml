import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Talker

// Members of the open room with presence; a click opens a private conversation.
Rectangle {
    id: panel
    color: Theme.sidebar

    Rectangle { anchors.left: parent.left; width: 1; height: parent.height; color: Theme.border }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        Label {
            Layout.margins: 14
            text: qsTr("Members — %1").arg(App.members.count)
            font.bold: true
        }
        ListView {
            objectName: "memberList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: App.members
            Accessible.name: qsTr("Members")
            delegate: ItemDelegate {
                required property var model
                width: ListView.view.width
                height: 40
                enabled: !model.isSelf
                Accessible.name: qsTr("%1, %2").arg(model.name).arg([qsTr("online"), qsTr("idle"), qsTr("offline")][model.presence])
                ToolTip.visible: hovered && !model.isSelf
                ToolTip.text: qsTr("Send %1 a private message").arg(model.name)
                onClicked: App.openPrivate(model.userId, model.name)
                background: Rectangle { color: parent.hovered ? Theme.sidebarHover : "transparent" }
                contentItem: RowLayout {
                    spacing: 10
                    Avatar {
                        implicitWidth: 28
                        name: model.name
                        presence: model.presence
                        opacity: model.presence === 2 ? 0.5 : 1
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 0
                        Label {
                            Layout.fillWidth: true
                            text: model.isSelf ? qsTr("%1 (you)").arg(model.name) : model.name
                            elide: Text.ElideRight
                            color: model.presence === 2 ? Theme.mutedText : Theme.text
                        }
                        Label {
                            text: model.typing ? qsTr("typing…") : [qsTr("online"), qsTr("idle"), qsTr("offline")][model.presence]
                            color: Theme.mutedText
                            font.pixelSize: Theme.baseFontPixels * 0.75
                        }
                    }
                }
            }
        }
    }
}
