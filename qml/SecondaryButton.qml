// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Talker

// Any other button: a neutral fill that darkens on hover, muted when disabled.
Button {
    id: control

    padding: Math.round(Theme.baseFontPixels * 0.5)
    horizontalPadding: Math.round(Theme.baseFontPixels * 0.9)
    Accessible.role: Accessible.Button
    // Enter activates the focused button, as Space does.
    Keys.onReturnPressed: clicked()
    Keys.onEnterPressed: clicked()

    contentItem: Text {
        text: control.text
        font: control.font
        color: control.enabled ? Theme.text : Theme.disabledText
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    background: Rectangle {
        implicitWidth: 64
        implicitHeight: Math.round(Theme.lineHeight + 12)
        radius: 6
        visible: !control.flat || control.hovered || control.down || control.checked
        color: !control.enabled ? Theme.disabledFill
               : control.down || control.checked ? Theme.sidebarSelected
               : control.hovered ? Theme.buttonHover : Theme.button
        border.width: control.visualFocus ? 2 : 0
        border.color: Theme.accent
    }
}
