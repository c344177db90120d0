// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QLoggingCategory>
#include <QObject>
#include <QPointer>

#include <atomic>

class QQuickWindow;

namespace talker::app {

/// "talker.app.startup": the start's steps and frames (debug, off by default).
Q_DECLARE_LOGGING_CATEGORY(lcStartup)

/// Says when the main window has started: its first frame, and the first frame that
/// also shows what Main.qml makes after it (the chat and member panel; its
/// `startupComplete` property). Logs both under "talker.app.startup" (debug, off
/// unless QT_LOGGING_RULES turns it on, as bench/app-start.sh does), so that the
/// benchmark reports the full start next to the first frame. Then gives the heap the
/// start freed back to the system (glibc keeps it otherwise).
class StartupReport : public QObject
{
    Q_OBJECT

public:
    explicit StartupReport(QQuickWindow *window, QObject *parent = nullptr);

    bool isComplete() const { return m_complete; }

signals:
    /// The first frame with everything the start makes has been shown.
    void completed();

private slots:
    void onStartupCompleteChanged();

private:
    // On the render thread, while the GUI thread waits or runs on.
    void onSynchronized();
    void onFrameSwapped();
    void finish();

    QPointer<QQuickWindow> m_window;
    bool m_complete = false;
    std::atomic<bool> m_contentComplete{false}; // set by the GUI thread
    // Only touched on the render thread.
    bool m_firstFrame = false;
    bool m_completeSynced = false;
    bool m_completeShown = false;
};

} // namespace talker::app
