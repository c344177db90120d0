// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "protocol/events.h"
#include "server/ackqueue.h"
#include "server/draftreservations.h"

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

/// A user present in a room: online with one or more connections, or idle.
struct Member
{
    protocol::User user;
    QList<Connection *> connections;
    bool idle = false;
    qint64 lastActivity = 0; ///< hub clock, ms
    qint64 idleSince = 0;    ///< hub clock, ms
};

/// One chat room: its members, presence, and the message rules (private messages,
/// edits, duplicates, retractions, drafts). Every broadcast is serialized once and the
/// same bytes go to every receiver; the store is written before anything is sent.
/// The public messages of one store batch are gathered into one buffer, which every
/// receiver then gets as a single shared reference (see deliver() and flushBroadcast()).
class Room
{
public:
    Room(const QString &name, Hub *hub);
    ~Room();
    Room(const Room &) = delete;
    Room &operator=(const Room &) = delete;

    QString name() const { return m_name; }
    bool isEmpty() const { return m_members.isEmpty(); }
    int connectionCount() const { return int(m_connections.size()); }

    /// An authenticated connection enters: `connected`, replay, `users`, then `join`
    /// (first connection of the user) or `back` (an idle user returning).
    void join(Connection *connection, const protocol::User &user,
              const protocol::ConnectEvent &event);
    /// A `message` event from a connection of this room.
    void message(Connection *connection, protocol::MessageEvent &&event);
    /// Any event from the connection counts as activity; an idle user comes back.
    void touch(Connection *connection);
    /// `close`: leaves the room if it was the user's last connection, then closes.
    void close(Connection *connection);
    /// The connection was lost without `close`: its user goes idle if it was the last.
    void lost(Connection *connection);
    /// Applies the idle and leave timeouts.
    void sweep(qint64 now);
    /// Closes every connection without presence events (server shutdown).
    void closeAll();
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
    Member *findMember(const QString &idOrName) const;
    /// The recipient's user id: a member here, or (cluster mode) on any node.
    std::optional<QString> recipientId(const QString &idOrName) const;
    /// The user's last connection here is gone (cluster mode): the bus decides presence.
    /// `closing` (on `close`) also gets the `leave` if this node published it.
    void offline(Member *member, bool closed, Connection *closing);
    void removeConnection(Member *member, Connection *connection);
    /// Both return how many connections got the line.
    int broadcast(const QByteArray &line, Connection *extra = nullptr);
    int deliverPrivate(const QByteArray &line, const QString &senderId, const QString &recipientId,
                       bool partialOnly);
    void publishPresence(protocol::PresenceEvent::Kind kind, const Member &member,
                         Connection *extra = nullptr);
    void leave(Member *member, Connection *extra);
    QByteArray usersLine() const;
    /// The replay of a store that cannot stream ranges (cluster): read whole, then sent.
    /// False (nothing sent) when the cluster store could not read all of it.
    bool sendWholeReplay(Connection *connection, const QString &userId,
                         const protocol::ConnectEvent &event, int cap);

    QString m_name;
    Hub *m_hub;
    store::Store *m_store;
    RoomBus *m_bus;                     ///< cluster mode, else nullptr
    QHash<QString, Member *> m_members; ///< by user id
    QList<Connection *> m_connections;  ///< every connection, in join order
    QList<Connection *> m_partial;      ///< those that asked for drafts
    QByteArray m_pass;                  ///< public lines not yet handed to connections
    DraftReservations m_drafts;
    AckQueue m_order;     ///< writes and steps waiting for the store, in order
    qint64 m_lastSeq = 0; ///< the newest stored event of this room that was delivered
};

} // namespace talker::server
