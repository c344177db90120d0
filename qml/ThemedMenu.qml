// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Talker

// A popup menu in the app's colours; entries made with ThemedMenuItem (or plain
// Actions, which get one through the delegate) highlight and grey out properly.
Menu {
    id: menu

    padding: 4
    // Basic's Menu is as wide as its background (200 px) whatever the entries say,
    // which cut "Mentions and private messages" off at large font sizes.
    implicitWidth: {
        let widest = Math.round(Theme.baseFontPixels * 10)
        for (let i = 0; i < count; ++i) {
            const entry = itemAt(i)
            if (entry)
                widest = Math.max(widest, entry.implicitWidth)
        }
        return widest + leftPadding + rightPadding
    }
    delegate: ThemedMenuItem {}
    palette.window: Theme.popup
    palette.windowText: Theme.text
    palette.text: Theme.text
    palette.light: Theme.menuHighlight
    palette.mid: Theme.border
    background: Rectangle {
        implicitWidth: 220
        color: Theme.popup
        radius: 6
        border.color: Theme.border
    }
}
