// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>

#include <functional>

class QWindow;

namespace talker::app {

class AppSettings;

/// What closing the main window does: with "close to tray" on and a tray to go to, the
/// window hides and the app keeps running (as NeoChat and Nheko do); otherwise the app
/// quits. Decided here, not in QML, from the setting and the tray.
class ClosePolicy : public QObject
{
    Q_OBJECT

public:
    /// `trayAvailable` is asked at each close: a tray can appear or go away.
    ClosePolicy(const AppSettings *settings, std::function<bool()> trayAvailable,
                QObject *parent = nullptr);

    /// Watches `window`'s close events.
    void watch(QWindow *window);

signals:
    /// The window was closed and nothing keeps the app running.
    void quitRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    const AppSettings *m_settings;
    std::function<bool()> m_trayAvailable;
};

} // namespace talker::app
