// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

pragma Singleton
import QtQuick
import Talker

// Colors and sizes of the app, light or dark as the settings say. Styled controls
// (PrimaryButton, ToggleSwitch, ThemedMenu, ThemedComboBox, ThemedDialog) read only
// these, so every view, including ones added later, gets the same look.
QtObject {
    id: theme

    readonly property SystemPalette system: SystemPalette { colorGroup: SystemPalette.Active }
    readonly property bool dark: App.settings.theme === AppSettings.Dark
                                 || (App.settings.theme === AppSettings.System
                                     && system.window.hslLightness < 0.5)

    readonly property int fontSize: App.settings.fontSize
    readonly property real baseFontPixels: fontSize * 4 / 3
    readonly property int spacing: 8
    readonly property int radius: 8
    // One text line of body text, for rows that must grow with the font.
    readonly property real lineHeight: Math.ceil(baseFontPixels * 1.45)

    readonly property color accent: dark ? "#7aa2f7" : "#3d6fd9"
    readonly property color accentHover: dark ? "#93b4fa" : "#3360c2"
    readonly property color accentPressed: dark ? "#5f88e0" : "#2a51a8"
    readonly property color accentText: dark ? "#10131a" : "#ffffff"
    readonly property color window: dark ? "#1e1f24" : "#ffffff"
    readonly property color sidebar: dark ? "#16171b" : "#f3f4f7"
    readonly property color sidebarSelected: dark ? "#2c3140" : "#dfe6f6"
    readonly property color sidebarHover: dark ? "#23252c" : "#e8ebf2"
    readonly property color text: dark ? "#e6e6ea" : "#1d1f24"
    readonly property color mutedText: dark ? "#9a9ca6" : "#6b6f7a"
    readonly property color disabledText: dark ? "#5d606a" : "#a4a7b0"
    readonly property color disabledFill: dark ? "#2a2c33" : "#e6e8ed"
    readonly property color button: dark ? "#2c2f37" : "#eceef2"
    readonly property color buttonHover: dark ? "#363a44" : "#e1e4ea"
    readonly property color border: dark ? "#2e3038" : "#e1e3e8"
    readonly property color strongBorder: dark ? "#4a4d57" : "#b9bdc7"
    readonly property color composer: dark ? "#26282f" : "#f6f7f9"
    readonly property color hover: dark ? "#24262c" : "#f5f6f8"
    readonly property color popup: dark ? "#26282f" : "#ffffff"
    readonly property color menuHighlight: dark ? "#34394a" : "#dfe6f6"
    readonly property color mention: dark ? "#3a3222" : "#fff6dc"
    readonly property color badge: "#e5484d"
    readonly property color online: "#30a46c"
    readonly property color idle: "#f5a524"
    readonly property color offline: dark ? "#5c5f69" : "#b3b6be"
    readonly property color warning: dark ? "#4a3a1a" : "#fff1d6"
    readonly property color warningText: dark ? "#f5d58a" : "#7a4d00"
    readonly property color danger: dark ? "#4a1f22" : "#fde8e8"
    readonly property color error: "#e5484d"
    readonly property color link: dark ? "#8ab4ff" : "#2a5bd7"
    readonly property color quote: dark ? "#3a3d46" : "#d5d8df"
    readonly property color codeBackground: dark ? "#2a2c33" : "#eef0f3"
}
