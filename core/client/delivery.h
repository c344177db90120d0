// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "protocol/events.h"

#include <QObject>
#include <QStringList>
#include <functional>

namespace talker::client {

class Outbox;
class Session;
class Timeline;
struct Message;
struct OutboxEntry;

/// Delivers one room's outbox: sends entries on the room's Session, tracks the ones in
/// flight on this connection, resends after a reconnect, and marks an entry failed
/// (with why, in words) when the server refuses it by id or it was sent too often
/// unconfirmed. Room owns one and tells it what the server confirmed.
class Delivery : public QObject
{
    Q_OBJECT

public:
    /// The timeline a message of the room shows in (the room's, or a conversation's).
    using TimelineOf = std::function<Timeline *(const Message &message)>;
    /// A user's display name, for reasons such as "bob isn't in #Main".
    using NameOf = std::function<QString(const QString &userId)>;

    Delivery(const QString &room, Session *session, Outbox *outbox, TimelineOf timelineOf,
             NameOf nameOf, QObject *parent = nullptr);

    /// Sends `entry` now (when connected) and counts the attempt.
    void send(const OutboxEntry &entry);
    /// Sends everything unconfirmed, once per connection; entries sent too often fail.
    void flush();
    /// The server echoed our message `id`: when it carries what the outbox holds (or
    /// is the retraction it holds), the entry is done. True when it was.
    bool confirm(const QString &id, const QString &content, bool deleted);
    /// Sends a failed (or pending) entry again; false when there is none.
    bool retry(const QString &id);

private:
    void onConnected();
    void onServerError(const protocol::ErrorEvent &error);
    /// Stores the entry failed, with its failure (kind and details) set, and shows why.
    void markFailed(OutboxEntry entry);
    /// Sets the delivery of the row showing entry `id` (to `to`), with `reason`.
    void showDelivery(const QString &id, const QString &to, bool failed, const QString &reason);

    QString m_room;
    Session *m_session;
    Outbox *m_outbox;
    TimelineOf m_timelineOf;
    NameOf m_nameOf;
    QStringList m_inFlight; ///< ids sent on the current connection, oldest first
    bool m_flushed = false; ///< flush() ran on the current connection
};

} // namespace talker::client
