// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "notifier.h"

#include <QPointer>

namespace talker::app {

/// Notifications as QSystemTrayIcon balloon messages (Windows, macOS, and Linux
/// without a notification daemon). A balloon replaces the previous one by nature.
class TrayNotifier : public Notifier
{
    Q_OBJECT
public:
    explicit TrayNotifier(QSystemTrayIcon *tray, QObject *parent = nullptr);

    void show(const QString &roomKey, const QString &title, const QString &body) override;
    void withdraw(const QString &roomKey) override;

private:
    QPointer<QSystemTrayIcon> m_tray;
    QString m_lastRoom;
};

} // namespace talker::app
