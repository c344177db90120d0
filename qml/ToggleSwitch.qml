// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Talker

// An on/off setting: an accent track with the knob right when on, a grey track with
// the knob left when off, faded when disabled.
Switch {
    id: control

    opacity: enabled ? 1 : 0.5
    indicator: Rectangle {
        objectName: "switchTrack"
        implicitWidth: Math.round(Theme.baseFontPixels * 2.8)
        implicitHeight: Math.round(Theme.baseFontPixels * 1.5)
        x: control.leftPadding
        y: control.topPadding + (control.availableHeight - height) / 2
        radius: height / 2
        color: control.checked ? Theme.accent : Theme.strongBorder
        border.width: control.visualFocus ? 2 : 0
        border.color: Theme.text

        Rectangle {
            objectName: "switchKnob"
            width: parent.height - 6
            height: width
            radius: width / 2
            y: 3
            x: control.checked ? parent.width - width - 3 : 3
            color: "#ffffff"
            Behavior on x { NumberAnimation { duration: 120 } }
        }
    }
    contentItem: Text {
        leftPadding: control.indicator.width + (control.text.length > 0 ? control.spacing : 0)
        text: control.text
        font: control.font
        color: Theme.text
        verticalAlignment: Text.AlignVCenter
    }
}
