import QtQuick
import QtQuick.Controls

ApplicationWindow {
    id: window
    width: 1000
    height: 680
    visible: true
    title: qsTr("Talker")
}
