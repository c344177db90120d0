pragma Singleton
import QtQuick
import Talker

// Colors and sizes of the app, light or dark as the settings say.
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

    readonly property color accent: dark ? "#7aa2f7" : "#3d6fd9"
    readonly property color accentText: "#ffffff"
    readonly property color window: dark ? "#1e1f24" : "#ffffff"
    readonly property color sidebar: dark ? "#16171b" : "#f3f4f7"
    readonly property color sidebarSelected: dark ? "#2c3140" : "#dfe6f6"
    readonly property color sidebarHover: dark ? "#23252c" : "#e8ebf2"
    readonly property color text: dark ? "#e6e6ea" : "#1d1f24"
    readonly property color mutedText: dark ? "#9a9ca6" : "#6b6f7a"
    readonly property color border: dark ? "#2e3038" : "#e1e3e8"
    readonly property color composer: dark ? "#26282f" : "#f6f7f9"
    readonly property color hover: dark ? "#24262c" : "#f5f6f8"
    readonly property color mention: dark ? "#3a3222" : "#fff6dc"
    readonly property color badge: "#e5484d"
    readonly property color online: "#30a46c"
    readonly property color idle: "#f5a524"
    readonly property color offline: dark ? "#5c5f69" : "#b3b6be"
    readonly property color warning: dark ? "#4a3a1a" : "#fff1d6"
    readonly property color warningText: dark ? "#f5d58a" : "#7a4d00"
    readonly property color error: "#e5484d"
    readonly property color link: dark ? "#8ab4ff" : "#2a5bd7"
}
