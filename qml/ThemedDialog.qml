// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Talker

// A modal dialog in the app's colours. Qt 6.4 does not pass the window's palette
// change on to an open popup, so the palette is bound to the Theme here for the
// controls that take their colours from it; Labels inside set `color` themselves
// (an inherited colour would go stale: invisible text after a theme switch).
// A dialog holding wrapped labels sets contentWidth: by default a Dialog is as wide as
// its content's implicit width, which for a wrapped label is its unwrapped width, and
// the dialog would stretch across the window (tst_dialogwidth).
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
    // The title label sits in a plain item: as the header itself, the dialog would
    // set its height, and a height set while its font changes re-lays it out during
    // the dialog's own implicitHeight binding (a binding loop whenever the font size
    // changes: tst_confirmdialog).
    header: Item {
        implicitWidth: titleLabel.implicitWidth
        implicitHeight: titleLabel.implicitHeight
        visible: dialog.title.length > 0
        Label {
            id: titleLabel
            width: parent.width
            text: dialog.title
            padding: 20
            bottomPadding: 0
            font.bold: true
            font.pixelSize: Theme.baseFontPixels * 1.2
            color: Theme.text
            elide: Label.ElideRight
        }
    }
}
