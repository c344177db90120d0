// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Talker

// A drop-down that shows its current value, highlights the hovered or keyboard-
// selected entry and repaints with the theme.
ComboBox {
    id: box

    implicitHeight: Math.round(Theme.lineHeight + 14)
    palette.window: Theme.popup
    palette.windowText: Theme.text
    palette.text: Theme.text
    palette.buttonText: Theme.text
    palette.button: Theme.button
    palette.base: Theme.composer
    palette.light: Theme.menuHighlight
    palette.mid: Theme.border
    palette.dark: Theme.strongBorder
    palette.highlight: Theme.accent
    palette.highlightedText: Theme.accentText

    delegate: ItemDelegate {
        id: entry
        required property int index
        required property string modelData
        width: ListView.view ? ListView.view.width : implicitWidth
        // The popup's list follows highlightedIndex (hover and arrow keys).
        highlighted: ListView.isCurrentItem
        contentItem: Text {
            text: entry.modelData
            font.pixelSize: Theme.baseFontPixels
            color: Theme.text
            elide: Text.ElideRight
            verticalAlignment: Text.AlignVCenter
        }
        background: Rectangle {
            color: entry.highlighted ? Theme.menuHighlight : "transparent"
        }
    }
    contentItem: Text {
        objectName: "comboText"
        leftPadding: 10
        rightPadding: box.indicator.width + box.spacing
        text: box.displayText
        font: box.font
        color: box.enabled ? Theme.text : Theme.disabledText
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    background: Rectangle {
        implicitWidth: 160
        radius: 6
        color: box.hovered ? Theme.buttonHover : Theme.button
        border.width: box.visualFocus ? 2 : 1
        border.color: box.visualFocus ? Theme.accent : Theme.border
    }
    popup.background: Rectangle {
        color: Theme.popup
        radius: 6
        border.color: Theme.border
    }
}
