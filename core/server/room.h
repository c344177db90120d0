// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "protocol/events.h"
#include "server/ackqueue.h"
#include "server/draftreservations.h"
#include "server/roompresence.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace talker::store {
class Store;
struct StoredEvent;
} // namespace talker::store

namespace talker::server {

class Connection;
class Hub;
class RoomBus;

/// One chat room: the message rules (private messages, edits, duplicates, retractions,
/// drafts) and delivery; its members and presence are its RoomPresence. Every broadcast is
/// serialized once and the same bytes go to every receiver; the store is written before anything is
/// sent. The public messages of one store batch are gathered into one buffer, which every receiver
/// then gets as a single shared reference (see deliver() and flushBroadcast()).
class Room
{
public:
    Room(const QString &name, Hub *hub);
    ~Room();
    Room(const Room &) = delete;
    Room &operator=(const Room &) = delete;

    QString name() const { return m_name; }
    bool isEmpty() const { return m_presence.isEmpty(); }
    int connectionCount() const { return int(m_presence.connections().size()); }

    /// An authenticated connection enters: `connected`, replay, `users`, then `join`
    /// (first connection of the user) or `back` (an idle user returning).
    void join(Connection *connection, const protocol::User &user,
              const protocol::ConnectEvent &event)
    {
        m_presence.join(connection, user, event);
    }
    /// A `message` event from a connection of this room.
    void message(Connection *connection, protocol::MessageEvent &&event);
    /// Any event from the connection counts as activity; an idle user comes back.
    void touch(Connection *connection) { m_presence.touch(connection); }
    /// `close`: leaves the room if it was the user's last connection, then closes.
    void close(Connection *connection) { m_presence.close(connection); }
    /// The connection was lost without `close`: its user goes idle if it was the last.
    void lost(Connection *connection) { m_presence.lost(connection); }
    /// Applies the idle and leave timeouts.
    void sweep(qint64 now) { m_presence.sweep(now); }
    /// Closes every connection without presence events (server shutdown).
    void closeAll() { m_presence.closeAll(); }
    /// Sends a stored message to its audience: everyone, or both sides of a private one.
    /// A public message is appended to the room's pass buffer and reaches the receivers
    /// at the next flushBroadcast(); a private one goes out at once, after that buffer.
    void deliver(const store::StoredEvent &event);
    /// Cluster mode: an event as the bus stored it. A `leave` also ends what is left
    /// of the user here (connections silent for the idle and leave timeouts).
    void deliverFromBus(const store::StoredEvent &event);
    /// A draft (`partial`): to the connections that asked, of everyone or of both sides.
    void deliverDraft(const QByteArray &line, const QString &senderId, const QString &recipientId);
    /// Hands the pass buffer (the public messages delivered since the last call) to
    /// every connection as one shared buffer. The Hub calls it after each store batch;
    /// every other send of the room calls it first, so that no receiver sees lines out
    /// of order.
    void flushBroadcast();

    /// The store's answer to a write of this room (Hub::queueWrite()).
    void acked(quint64 ticket, bool stored, store::StoredEvent &&event);
    /// Runs `step` once every write queued before it is answered (at once when none
    /// waits): a connection's events keep their order after its messages.
    void afterStored(AckQueue::Step step) { m_order.after(std::move(step)); }
    /// Whether writes or steps wait for the store (the room must stay until then).
    bool waitsForStore() const { return !m_order.isEmpty(); }

private:
    friend class RoomPresence; // its part: it stores and broadcasts presence through the room

    /// The newest stored event of this room that was delivered.
    qint64 lastDelivered() const { return m_lastSeq; }
    /// An event of this room was stored (and is delivered).
    void delivered(qint64 seq) { m_lastSeq = qMax(m_lastSeq, seq); }
    /// Queues the event for the store; `outcome` runs in order once it is answered.
    void write(store::StoredEvent &&event, AckQueue::Outcome outcome);
    /// message() once nothing queued before must come first.
    void messageNow(Connection *connection, protocol::MessageEvent &&event);
    /// Runs `answer` for the connection (if still open) after what was queued before.
    void replyInOrder(Connection *connection, std::function<void(Connection *)> answer);
    /// messageNow() steps; each false one has answered the sender and ends the message.
    /// The `to` of a private message as a user id ("No such user" when unknown).
    bool resolveRecipient(Connection *connection, const protocol::MessageEvent &event,
                          QString *recipientId);
    /// out->id: the event's own (valid and the sender's), or a new one; *existing is
    /// the stored message it updates.
    bool claimMessageId(Connection *connection, const protocol::MessageEvent &event,
                        const QString &senderId, protocol::MessageEvent *out,
                        std::optional<store::StoredEvent> *existing);
    /// A draft goes to the connections that asked for drafts, never to the store.
    void publishDraft(const protocol::MessageEvent &out, const QString &senderId,
                      const QString &recipientId);
    /// Marks an update edited or deleted; false when there is nothing to store (a
    /// resend, answered with the stored line, or an empty new message).
    bool markChange(Connection *connection, const std::optional<store::StoredEvent> &existing,
                    protocol::MessageEvent *out);
    /// Stores the message (or hands it to the bus), then delivers it.
    void storeMessage(Connection *connection, const protocol::MessageEvent &out,
                      const QString &senderId, const QString &recipientId, qint64 replacesSeq);
    /// The outcome of a message's write: delivered, or "Message not stored" to `sender`.
    void messageStored(bool stored, const store::StoredEvent &event, Connection *sender);
    /// The recipient's user id: a member here, or (cluster mode) on any node.
    std::optional<QString> recipientId(const QString &idOrName) const;
    /// Both return how many connections got the line.
    int broadcast(const QByteArray &line, Connection *extra = nullptr);
    int deliverPrivate(const QByteArray &line, const QString &senderId, const QString &recipientId,
                       bool partialOnly);

    QString m_name;
    Hub *m_hub;
    store::Store *m_store;
    RoomBus *m_bus;    ///< cluster mode, else nullptr
    QByteArray m_pass; ///< public lines not yet handed to connections
    DraftReservations m_drafts;
    AckQueue m_order;     ///< writes and steps waiting for the store, in order
    qint64 m_lastSeq = 0; ///< the newest stored event of this room that was delivered
    RoomPresence m_presence;
};

} // namespace talker::server
