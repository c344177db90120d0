// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "notifier.h"

#include <QHash>
#include <QString>

class QDBusPendingCallWatcher;

namespace talker::app {

/// Notifications through the freedesktop `org.freedesktop.Notifications` service.
///
/// Each room keeps the id the daemon returned, and the next notification of that
/// room passes it as `replaces_id`. The "default" action (a click on the bubble)
/// emits activated(). Calls are asynchronous: nothing blocks the UI.
class DBusNotifier : public Notifier
{
    Q_OBJECT
public:
    explicit DBusNotifier(QObject *parent = nullptr);

    /// True when a notification daemon is registered on the session bus.
    static bool isServiceAvailable();

    void show(const QString &roomKey, const QString &title, const QString &body) override;
    void withdraw(const QString &roomKey) override;

private slots:
    void onActionInvoked(uint id, const QString &action);
    void onClosed(uint id, uint reason);

private:
    struct Pending
    {
        QString title;
        QString body;
    };
    void send(const QString &roomKey, const Pending &content);

    QHash<QString, uint> m_ids;       ///< room -> daemon's notification id
    QHash<uint, QString> m_rooms;     ///< every id the daemon gave us -> its room
    QHash<QString, bool> m_inFlight;  ///< a Notify call is waiting for its id
    QHash<QString, Pending> m_queued; ///< newest content that waits for that id
};

} // namespace talker::app
