// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>
#include <QString>
#include <memory>

class QSystemTrayIcon;

namespace talker::app {

/// Desktop notifications behind one small interface, so platform code stays here.
///
/// One notification per room: showing another for the same `roomKey` replaces the
/// previous one instead of stacking. A click on it emits activated(roomKey).
class Notifier : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    /// Shows (or replaces) the notification of `roomKey`.
    virtual void show(const QString &roomKey, const QString &title, const QString &body) = 0;
    /// Removes the room's notification, e.g. when the user opened the room.
    virtual void withdraw(const QString &roomKey) = 0;

    /// The notifier for this platform: org.freedesktop.Notifications on Linux when the
    /// service is there, otherwise the tray icon's balloon messages (`tray` may be null).
    static std::unique_ptr<Notifier> create(QSystemTrayIcon *tray, QObject *parent = nullptr);

signals:
    /// The user clicked the notification of this room.
    void activated(const QString &roomKey);
    /// A notification was handed to the platform (for tests and diagnostics).
    void shown(const QString &roomKey);
};

} // namespace talker::app
