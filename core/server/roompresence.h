// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/events.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace talker::store {
class Store;
} // namespace talker::store

namespace talker::server {

class Connection;
class Hub;
class Room;
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

/// Who is in one room and how: its members and their connections, joining (with the
/// replay), activity, the idle and leave timeouts, and the presence events (join,
/// back, idle, leave) that follow. Part of its Room, which stores and delivers the
/// events; in cluster mode the bus decides presence over all nodes.
class RoomPresence
{
public:
    RoomPresence(Room *room, Hub *hub);
    ~RoomPresence();
    RoomPresence(const RoomPresence &) = delete;
    RoomPresence &operator=(const RoomPresence &) = delete;

    bool isEmpty() const { return m_members.isEmpty(); }
    /// Every connection, in join order.
    const QList<Connection *> &connections() const { return m_connections; }
    /// The connections that asked for drafts.
    const QList<Connection *> &partialConnections() const { return m_partial; }
    /// The member with this user id, or nullptr.
    Member *member(const QString &userId) const { return m_members.value(userId); }
    /// The member with this user id or name, or nullptr.
    Member *find(const QString &idOrName) const;

    /// See Room::join(), touch(), close(), lost(), sweep() and closeAll().
    void join(Connection *connection, const protocol::User &user,
              const protocol::ConnectEvent &event);
    void touch(Connection *connection);
    void close(Connection *connection);
    void lost(Connection *connection);
    void sweep(qint64 now);
    void closeAll();
    /// Cluster mode: the bus stored the user's `leave`; a user idle here too loses
    /// the connections left (silent for the timeouts). A new connection that raced
    /// the leave stays.
    void endIdle(const QString &userId);
    /// Cluster mode: the bus stored an `idle` or `leave` of the user. If the user is
    /// active here, another node decided it about a node it took for dead (this one,
    /// stalled past the heartbeat TTL): this node reports the user online again, which
    /// publishes `back` (or `join`). Nothing else would: touch() only reports users
    /// this node itself saw go idle.
    void activeHere(const QString &userId);

private:
    // join() steps.
    /// Cluster mode: the replay must hold what other nodes stored; false (refused,
    /// answered) when the cluster cannot be read.
    bool catchUp(Connection *connection);
    Member *addMember(const protocol::User &user);
    /// Streams or sends what the client missed; false when the replay failed.
    bool sendReplay(Connection *connection, const QString &userId,
                    const protocol::ConnectEvent &event);
    /// The replay of a store that cannot stream ranges (cluster): read whole, then sent.
    /// False (nothing sent) when the cluster store could not read all of it.
    bool sendWholeReplay(Connection *connection, const QString &userId,
                         const protocol::ConnectEvent &event, int cap);
    /// Refuses a join whose replay failed; `added` (the member the join made) goes.
    void refuseJoin(Connection *connection, Member *added);
    void addConnection(Connection *connection, Member *member, bool includePartial);
    /// `users` to the new connection, and `join` or `back` to everyone when due.
    void announce(Connection *connection, Member *member, bool isNew, bool wasIdle);

    /// The user's last connection here is gone (cluster mode): the bus decides presence.
    /// `closing` (on `close`) also gets the `leave` if this node published it.
    void offline(Member *member, bool closed, Connection *closing);
    void removeConnection(Member *member, Connection *connection);
    /// Ends every connection of the member with "connection closed".
    void dropConnections(Member *member);
    void publishPresence(protocol::PresenceEvent::Kind kind, const Member &member,
                         Connection *extra = nullptr);
    void leave(Member *member, Connection *extra);
    QByteArray usersLine() const;

    Room *m_room;
    Hub *m_hub;
    store::Store *m_store;
    RoomBus *m_bus;                     ///< cluster mode, else nullptr
    QHash<QString, Member *> m_members; ///< by user id
    QList<Connection *> m_connections;  ///< every connection, in join order
    QList<Connection *> m_partial;      ///< those that asked for drafts
};

} // namespace talker::server
