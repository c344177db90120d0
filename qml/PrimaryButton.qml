// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Talker

// The main action of a form or view (Send, Connect, Save): accent fill while it can
// be used, a flat grey with muted text when it cannot.
Button {
    id: control

    padding: Math.round(Theme.baseFontPixels * 0.5)
    horizontalPadding: Math.round(Theme.baseFontPixels * 1.1)
    font.bold: true
    Accessible.role: Accessible.Button
    // Enter activates the focused button, as Space does.
    Keys.onReturnPressed: clicked()
    Keys.onEnterPressed: clicked()

    contentItem: Text {
        text: control.text
        font: control.font
        color: control.enabled ? Theme.accentText : Theme.disabledText
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    background: Rectangle {
        implicitWidth: 80
        implicitHeight: Math.round(Theme.lineHeight + 12)
        radius: 6
        color: !control.enabled ? Theme.disabledFill
               : control.down ? Theme.accentPressed
               : control.hovered ? Theme.accentHover : Theme.accent
        border.width: control.visualFocus ? 2 : 0
        border.color: Theme.text
    }
}
