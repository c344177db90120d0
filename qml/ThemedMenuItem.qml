// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Talker

// A menu entry: highlighted under the mouse or keyboard, greyed when disabled, a
// check mark when checked.
MenuItem {
    id: control

    implicitHeight: Math.round(Theme.lineHeight + 14)
    leftPadding: 10
    rightPadding: 12
    contentItem: Text {
        leftPadding: control.checkable ? Math.round(Theme.baseFontPixels * 1.4) : 0
        text: control.text
        font: control.font
        color: control.enabled ? Theme.text : Theme.disabledText
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    indicator: Text {
        x: control.leftPadding
        y: control.topPadding + (control.availableHeight - height) / 2
        visible: control.checked
        text: "✓"
        font: control.font
        color: Theme.accent
    }
    background: Rectangle {
        objectName: "menuItemBackground"
        x: 4
        width: control.width - 8
        height: control.height
        radius: 4
        color: control.highlighted && control.enabled ? Theme.menuHighlight : "transparent"
    }
}
