// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Talker

// A modal dialog in the app's colours. Qt 6.4 does not pass the window's palette
// change on to an open popup, so the palette is bound to the Theme here for the
// controls that take their colours from it; Labels inside set `color` themselves
// (an inherited colour would go stale: invisible text after a theme switch).
Dialog {
    id: dialog

    modal: true
    padding: 20
    palette.window: Theme.popup
    palette.windowText: Theme.text
    palette.text: Theme.text
    palette.base: Theme.composer
    palette.button: Theme.button
    palette.buttonText: Theme.text
    palette.highlight: Theme.accent
    palette.highlightedText: Theme.accentText
    palette.placeholderText: Theme.mutedText
    palette.light: Theme.menuHighlight
    palette.mid: Theme.border
    palette.dark: Theme.strongBorder
    palette.brightText: Theme.accentText
    background: Rectangle {
        color: Theme.popup
        radius: 10
        border.color: Theme.border
    }
    header: Label {
        text: dialog.title
        visible: dialog.title.length > 0
        padding: 20
        bottomPadding: 0
        font.bold: true
        font.pixelSize: Theme.baseFontPixels * 1.2
        color: Theme.text
        elide: Label.ElideRight
    }
}
