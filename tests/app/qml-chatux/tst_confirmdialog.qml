// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtQuick.Controls
import QtTest
import Talker

// The confirmation dialog (leave, retract) at every font size: it grows with the font
// and its size settles without a binding loop (a QML warning fails the test).
Item {
    id: root
    width: 800
    height: 600

    Pane {
        anchors.fill: parent
        font.pixelSize: Theme.baseFontPixels
        ConfirmDialog {
            id: dialog
            anchors.centerIn: parent
            title: "Leave #Main?"
            text: "You stop receiving its messages. You can join it again later."
            confirmText: "Leave"
        }
    }

    TestCase {
        name: "ConfirmDialog"
        when: windowShown

        function test_fontSizesSettleWithoutBindingLoops() {
            failOnWarning(/Binding loop/)
            const before = App.settings.fontSize
            // Closed, as the leave and retract dialogs wait in their views.
            for (const size of [9, 16, 20, 10])
                App.settings.fontSize = size // a loop is reported as the sizes update
            dialog.open()
            tryCompare(dialog, "opened", true)
            let lastHeight = 0
            for (const size of [9, 12, 16, 20, 10]) {
                App.settings.fontSize = size
                waitForRendering(dialog.contentItem)
                verify(dialog.height > 0)
                if (size === 20)
                    verify(dialog.height > lastHeight, "it grows with the font")
                lastHeight = dialog.height
                const confirm = findChild(dialog.footer, "confirmButton")
                verify(confirm.y + confirm.height <= dialog.footer.height, "the buttons fit in the footer at " + size)
            }
            dialog.close()
            App.settings.fontSize = before
        }
    }
}
