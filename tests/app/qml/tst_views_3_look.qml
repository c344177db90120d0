// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtTest
import Talker

// How the views look: buttons, switches and menus show their state, the theme repaints an open dialog, the layout holds at every font size (with the screenshots).
ViewsHarness {
    id: root

    ViewsTestCase {
        harness: root
        name: "ViewsLook"

        function test_4b_primaryButtonsSwitchesAndMenusShowTheirState() {
            const input = findChild(chat, "composerInput")
            const send = findChild(chat, "sendButton")
            input.text = ""
            verify(!send.enabled)
            verify(sameColor(send.background.color, Theme.disabledFill), "disabled Send is grey")
            verify(sameColor(send.contentItem.color, Theme.disabledText))
            input.text = "x"
            verify(send.enabled)
            verify(sameColor(send.background.color, Theme.accent), "enabled Send has the accent colour")
            verify(sameColor(send.contentItem.color, Theme.accentText))
            input.text = ""

            settingsDialog.open()
            tryVerify(function() { return settingsDialog.opened }, 15000)
            const toggle = findChild(settingsDialog.contentItem, "startMinimizedSwitch")
            const wasOn = toggle.checked
            const track = findChild(toggle, "switchTrack")
            const knob = findChild(toggle, "switchKnob")
            const offColor = "" + track.color, offX = knob.x
            toggle.toggle()
            toggle.toggled()
            verify(toggle.checked !== wasOn)
            verify(!sameColor(track.color, offColor), "a switch looks different on and off")
            tryVerify(function() { return knob.x !== offX }, 5000, "and its knob moves")
            toggle.toggle()
            toggle.toggled()
            compare(App.settings.startMinimized, wasOn)
            const themeBox = findChild(settingsDialog.contentItem, "themeBox")
            compare(findChild(themeBox, "comboText").text, themeBox.currentText, "the drop-down shows its value")
            verify(themeBox.currentText.length > 0)
            settingsDialog.close()
            tryVerify(function() { return !settingsDialog.visible }, 15000)

            // Menus highlight the keyboard-selected entry, and a disabled one looks disabled.
            const mainMenu = findChild(sidebar, "mainMenu")
            mainMenu.popup()
            tryVerify(function() { return mainMenu.opened }, 15000)
            keyClick(Qt.Key_Down)
            const first = mainMenu.itemAt(mainMenu.currentIndex)
            verify(first.highlighted)
            verify(sameColor(findChild(first, "menuItemBackground").color, Theme.menuHighlight),
                   "the selected entry is highlighted")
            const host = mainMenu.itemAt(2)
            compare(host.objectName, "hostLocalItem")
            host.enabled = false
            verify(sameColor(host.contentItem.color, Theme.disabledText), "a disabled entry is greyed")
            host.enabled = Qt.binding(function() { return !App.connector.hostingLocal })
            mainMenu.close()
            tryVerify(function() { return !mainMenu.visible }, 15000)
        }

        function test_4c_themeSwitchRepaintsOpenSettings() {
            App.settings.theme = AppSettings.Light
            settingsDialog.open()
            tryVerify(function() { return settingsDialog.opened }, 15000)
            const label = findChild(settingsDialog.contentItem, "themeLabel")
            verify(sameColor(label.color, Theme.text))
            const lightText = "" + Theme.text
            findChild(settingsDialog.contentItem, "themeBox").activated(AppSettings.Dark)
            verify(Theme.dark)
            verify(!sameColor(Theme.text, lightText))
            verify(sameColor(label.color, Theme.text), "the open dialog's labels follow the theme: " + label.color)
            App.settings.theme = AppSettings.Light
            verify(sameColor(label.color, lightText))
            settingsDialog.close()
            tryVerify(function() { return !settingsDialog.visible }, 15000)
        }

        function test_4d_layoutHoldsAtEveryFontSizeAndMinimumWidth() {
            const sizeBefore = App.settings.fontSize
            // The window's minimum width (640), members hidden.
            root.width = 640
            chat.width = 640 - 260
            members.visible = false
            const shots = { 10: true, 16: true }
            for (let size = 9; size <= 20; ++size) {
                App.settings.fontSize = size
                for (const theme of (shots[size] ? [AppSettings.Light, AppSettings.Dark] : [AppSettings.Light])) {
                    App.settings.theme = theme
                    waitForRendering(root)
                    const problems = layoutProblems()
                    verify(problems.length === 0, "font " + size + ": " + problems.join("; "))
                    if (shots[size])
                        grabImage(root).save("tst_views-narrow-" + (Theme.dark ? "dark" : "light") + "-" + size + ".png")
                }
                const entry = delegatesOf(findChild(sidebar, "roomList"))[0]
                verify(entry.height >= entry.implicitContentHeight + entry.topPadding, "sidebar rows grow with the font")
            }
            // The full window, as the README shows it.
            root.width = 1000
            chat.width = 520
            members.visible = true
            for (const size of [10, 16]) {
                App.settings.fontSize = size
                for (const theme of [AppSettings.Light, AppSettings.Dark]) {
                    App.settings.theme = theme
                    waitForRendering(root)
                    const problems = layoutProblems()
                    verify(problems.length === 0, "wide, font " + size + ": " + problems.join("; "))
                    grabImage(root).save("tst_views-" + (Theme.dark ? "dark" : "light") + "-" + size + ".png")
                }
            }
            App.settings.theme = AppSettings.Light
            App.settings.fontSize = sizeBefore
        }
    }
}
