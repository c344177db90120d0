// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/events.h"

#include <QList>
#include <QString>
#include <optional>

namespace talker::store {
class Store;
struct StoredEvent;
} // namespace talker::store

namespace talker::server {

class Hub;

/// What a hub shares with other server processes in cluster mode (core/cluster
/// implements it over NATS JetStream). A single node has no bus: its Hub stores in
/// SQLite and delivers at once. With a bus, every room event is published to the bus
/// and delivered to local connections only when it comes back from the bus, in the
/// bus's order (Hub::deliverFromBus), so every node shows one order.
///
/// Presence is decided on the bus too: the calls below report what this node sees
/// (a user's first local connection, local activity, the last local connection
/// gone), and the bus publishes `join`, `idle`, `back` or `leave` when the user's
/// state over all nodes changes. All calls run on the hub's thread.
class RoomBus
{
public:
    virtual ~RoomBus() = default;

    /// The kinds of presence events beyond store::EventKind that only travel on the bus
    /// (in StoredEvent::kind; never replayed).
    static constexpr int kIdleKind = 3;
    static constexpr int kBackKind = 4;

    /// The shared store: users, history, message ownership.
    virtual store::Store *store() = 0;
    /// Starts delivering published events to `hub` (through Hub::deliverFromBus);
    /// nullptr stops it.
    virtual void attach(Hub *hub) = 0;
    /// False while the bus cannot store anything (new connections are refused).
    virtual bool isReachable() const = 0;

    /// How a publish ended.
    enum class Published { Stored, Conflict, Failed };
    /// Publishes a store batch of messages and waits for all of them; one result per
    /// event. Conflict: another copy with this id was stored first (a re-send, or a
    /// concurrent edit); the caller answers from the store. `expectedSeqs[i]` is the
    /// seq of the message's current state (0 for a new id).
    virtual QList<Published> publishAll(const QList<store::StoredEvent *> &events,
                                        const QList<qint64> &expectedSeqs) = 0;

    /// Sends a draft (`partial`, never stored) to every node; each hands it to
    /// Hub::deliverDraft.
    virtual void publishDraft(const QString &room, const QByteArray &line, const QString &senderId,
                              const QString &recipientId) = 0;

    /// Delivers (through the hub) every event stored anywhere before this call, so a
    /// replay that follows includes what other nodes already acknowledged. False when
    /// that could not be done (NATS failing over): the join is refused, the client retries.
    virtual bool catchUp() = 0;

    /// A user's first connection on this node entered the room (or an idle local user
    /// came back); `join` or `back` goes out when the user was absent or idle everywhere.
    /// False when the bus did not answer: nothing changed, report it again later.
    virtual bool online(const QString &room, const protocol::User &user) = 0;
    /// This node saw no activity from the user for the idle timeout. False when the bus
    /// did not answer: nothing changed, report it again later.
    virtual bool inactive(const QString &room, const QString &userId) = 0;
    /// The user's last connection on this node is gone: closed (`close`) or lost.
    /// Returns the `leave` line if this call published one (the closing connection
    /// gets it too, as on a single node), else an empty array.
    virtual QByteArray offline(const QString &room, const QString &userId, bool closed) = 0;

    /// A member of the room on any node, by id or name.
    virtual std::optional<protocol::User> member(const QString &room, const QString &idOrName) = 0;
    /// Every member of the room on every node (with their idle state).
    virtual QList<protocol::User> members(const QString &room) = 0;
};

} // namespace talker::server
