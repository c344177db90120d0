// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtQuick.Controls
import QtTest
import Talker

// The dialogs with wrapped text are as wide as their content and centred, at every font
// size: a wrapped label's unwrapped width once stretched the invite dialogs across the
// whole window, their text on the left and the buttons far to the right.
Item {
    id: root
    width: 1080
    height: 720

    Pane {
        anchors.fill: parent
        font.pixelSize: Theme.baseFontPixels
        JoinInviteDialog {
            id: joinInvite
            anchors.centerIn: parent
        }
        InviteSomeoneDialog {
            id: inviteSomeone
            anchors.centerIn: parent
        }
        JoinRoomDialog {
            id: joinRoom
            anchors.centerIn: parent
        }
    }

    TestCase {
        name: "DialogWidth"
        when: windowShown

        function test_asWideAsTheContent_data() {
            return [
                { tag: "join invite", dialog: joinInvite },
                { tag: "invite someone", dialog: inviteSomeone },
                { tag: "join room", dialog: joinRoom },
            ]
        }

        function test_asWideAsTheContent(data) {
            const before = App.settings.fontSize
            for (const size of [10, 16, 20]) {
                App.settings.fontSize = size
                const dialog = data.dialog
                dialog.open()
                tryCompare(dialog, "opened", true)
                const frame = dialog.contentWidth + dialog.leftPadding + dialog.rightPadding
                verify(dialog.width <= frame + 1,
                       `${data.tag} at ${size} px: ${dialog.width} wide for ${frame} of content`)
                verify(dialog.width < root.width / 2, `${data.tag} at ${size} px: ${dialog.width} wide`)
                const centre = dialog.x + dialog.width / 2
                const middle = dialog.parent.width / 2
                verify(Math.abs(centre - middle) < 2,
                       `${data.tag} at ${size} px: centred at ${centre}, not ${middle}`)
                dialog.close()
                tryCompare(dialog, "visible", false)
            }
            App.settings.fontSize = before
        }
    }
}
