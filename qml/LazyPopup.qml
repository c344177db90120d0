// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtQuick.Templates as T

// A popup (dialog, switcher) created the first time it is opened rather than when
// the window loads, and kept afterwards. Fills its parent, so that a popup
// centred in it is centred in the window.
Loader {
    id: lazy

    readonly property T.Popup popup: lazy.item as T.Popup
    readonly property bool opened: lazy.popup !== null && lazy.popup.opened
    /// Centred in the window (this fills its parent).
    property bool centred: false

    function open() {
        lazy.active = true
        lazy.popup.open()
    }

    anchors.fill: parent
    active: false
    onLoaded: {
        if (lazy.centred)
            lazy.popup.anchors.centerIn = lazy
    }
}
