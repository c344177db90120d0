// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Talker

// Ctrl+Tab and Ctrl+Shift+Tab: the next and the previous chat (rooms, then private
// conversations), in the window they are declared in.
Item {
    Shortcut {
        sequences: ["Ctrl+Tab"]
        enabled: App.hasAccounts
        onActivated: App.chats.selectNext(1)
    }
    Shortcut {
        // Shift+Tab arrives as Backtab: with Ctrl, "Ctrl+Shift+Backtab" on X11.
        sequences: ["Ctrl+Shift+Tab", "Ctrl+Backtab", "Ctrl+Shift+Backtab"]
        enabled: App.hasAccounts
        onActivated: App.chats.selectNext(-1)
    }
}
