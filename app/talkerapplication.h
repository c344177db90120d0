// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

class QApplication;

namespace talker::app {

/// Application start-up: names, command line, single instance, controller, views.
class TalkerApplication
{
public:
    /// Handles --help, --version and command-line errors without a display (no GUI
    /// application yet). Returns -1 when the app should start, else the exit code.
    static int handleCommandLineOnly(int argc, char *argv[]);
    /// Runs the app until it quits; returns the exit code.
    static int run(QApplication &app);
    /// Application name, version, organization, desktop file name.
    static void setNames();
};

} // namespace talker::app
