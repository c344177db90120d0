#pragma once

class QApplication;

namespace talker::app {

/// Application start-up: names, command line, single instance, controller, views.
class TalkerApplication
{
public:
    /// Runs the app until it quits; returns the exit code.
    static int run(QApplication &app);
};

} // namespace talker::app
