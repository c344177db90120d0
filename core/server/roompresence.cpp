// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/roompresence.h"

#include "protocol/codec.h"
#include "server/connection.h"
#include "server/hub.h"
#include "server/metrics.h"
#include "server/replaycursor.h"
#include "server/room.h"
#include "server/roombus.h"
#include "server/servererrors.h"
#include "store/store.h"
#include "store/token.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QPointer>

#include <algorithm>

namespace talker::server {

namespace {

Q_LOGGING_CATEGORY(lcPresence, "talker.server.room")

/// Tells the bus that `member` is active on this node. When the bus did not answer the
/// member stays idle here, so that their next activity reports it again.
void reportOnline(RoomBus *bus, const QString &room, Member *member)
{
    if (!bus->online(room, member->user))
        member->idle = true;
}

} // namespace

using protocol::ErrorCode;
using protocol::PresenceEvent;

RoomPresence::RoomPresence(Room *room, Hub *hub)
    : m_room(room)
    , m_hub(hub)
    , m_store(hub->store())
    , m_bus(hub->bus())
{}

RoomPresence::~RoomPresence()
{
    qDeleteAll(m_members);
}

Member *RoomPresence::find(const QString &idOrName) const
{
    if (Member *m = m_members.value(idOrName))
        return m;
    for (Member *m : m_members) {
        if (m->user.name == idOrName)
            return m;
    }
    return nullptr;
}

void RoomPresence::join(Connection *connection, const protocol::User &user,
                        const protocol::ConnectEvent &event)
{
    m_hub->flushStore(); // the replay must include what is queued
    if (!catchUp(connection))
        return;
    Member *existing = m_members.value(user.id);
    const bool wasIdle = existing && existing->idle;
    Member *member = existing ? existing : addMember(user);
    connection->attach(m_room, member, event.includePartial);
    connection->send(protocol::encode(protocol::ConnectedEvent{member->user}));
    if (!sendReplay(connection, user.id, event)) {
        refuseJoin(connection, existing ? nullptr : member);
        return;
    }
    addConnection(connection, member, event.includePartial);
    announce(connection, member, !existing, wasIdle);
}

bool RoomPresence::catchUp(Connection *connection)
{
    // What other nodes stored belongs in the replay too (before any change here).
    if (!m_bus || m_bus->catchUp())
        return true;
    qCWarning(lcPresence) << "cannot catch up with the cluster; join to" << m_room->name()
                          << "refused";
    connection->sendError(errors::text(errors::ServerError::StoreUnavailable), true);
    return false;
}

Member *RoomPresence::addMember(const protocol::User &user)
{
    auto *member = new Member;
    member->user = user;
    member->user.idle = false;
    m_members.insert(user.id, member);
    return member;
}

bool RoomPresence::sendReplay(Connection *connection, const QString &userId,
                              const protocol::ConnectEvent &event)
{
    // Replay what the client missed, before any live traffic: streamed from the store
    // as the socket drains, `users` and everything live waiting behind it. The replay
    // ends at the last event this room delivered; later ones reach the connection live.
    const int cap = qMax(0, m_hub->config().replayCap);
    if (!m_store->canReadRanges() || m_bus)
        return sendWholeReplay(connection, userId, event, cap);
    auto cursor = ReplayCursor::forConnect(m_store, m_room->name(), userId, event,
                                           m_room->lastDelivered(), cap);
    if (cursor) {
        cursor->setTrailer([](int count) {
            metrics::observeReplay(count);
            return QByteArray();
        });
        connection->sendStream(std::move(cursor));
    } else if (event.lastEventId || event.history) {
        metrics::observeReplay(0);
    }
    return true;
}

bool RoomPresence::sendWholeReplay(Connection *connection, const QString &userId,
                                   const protocol::ConnectEvent &event, int cap)
{
    QList<store::StoredEvent> replay;
    bool found = false;
    if (event.lastEventId && !event.lastEventId->isEmpty())
        replay = m_store->eventsAfter(m_room->name(), *event.lastEventId, userId, cap, &found);
    if (!found && event.history && *event.history > 0)
        replay = m_store->lastEvents(m_room->name(), userId, qMin(*event.history, cap));
    const bool asked = (event.lastEventId && !event.lastEventId->isEmpty()) ||
                       (event.history && *event.history > 0);
    if (m_bus && asked && !m_store->lastError().isEmpty())
        return false;
    for (const store::StoredEvent &e : std::as_const(replay))
        connection->send(e.line);
    if (!replay.isEmpty() || event.lastEventId || event.history)
        metrics::observeReplay(int(replay.size()));
    return true;
}

void RoomPresence::refuseJoin(Connection *connection, Member *added)
{
    // A replay with a hole would lose messages for good: refuse, the client retries.
    qCWarning(lcPresence) << "replay failed in" << m_room->name() << ":" << m_store->lastError();
    connection->detach();
    if (added) {
        m_members.remove(added->user.id);
        delete added;
    }
    connection->sendError(errors::text(errors::ServerError::StoreUnavailable), true);
}

void RoomPresence::addConnection(Connection *connection, Member *member, bool includePartial)
{
    m_room->flushBroadcast(); // stored lines still in the pass buffer were in the replay
    m_connections.append(connection);
    if (includePartial)
        m_partial.append(connection);
    member->connections.append(connection);
    member->lastActivity = m_hub->now();
    member->idle = false;
}

void RoomPresence::announce(Connection *connection, Member *member, bool isNew, bool wasIdle)
{
    if (m_bus) {
        // The bus publishes `join` or `back` if the user was absent or idle everywhere;
        // the list already shows them.
        if (isNew || wasIdle)
            reportOnline(m_bus, m_room->name(), member);
        connection->send(usersLine());
        return;
    }
    connection->send(usersLine());

    if (isNew)
        publishPresence(PresenceEvent::Kind::Join, *member);
    else if (wasIdle)
        publishPresence(PresenceEvent::Kind::Back, *member);
}

QByteArray RoomPresence::usersLine() const
{
    protocol::UsersEvent users;
    if (m_bus) {
        users.users = m_bus->members(m_room->name());
    } else {
        users.users.reserve(m_members.size());
        for (const Member *m : m_members) {
            protocol::User u = m->user;
            u.idle = m->idle;
            users.users.append(u);
        }
    }
    std::sort(users.users.begin(), users.users.end(),
              [](const protocol::User &a, const protocol::User &b) {
                  return a.name == b.name ? a.id < b.id : a.name < b.name;
              });
    return protocol::encode(users);
}

void RoomPresence::publishPresence(PresenceEvent::Kind kind, const Member &member,
                                   Connection *extra)
{
    PresenceEvent p;
    p.kind = kind;
    p.user = member.user;
    p.time = QDateTime::currentSecsSinceEpoch();
    p.id = store::generateEventId();
    const QByteArray line = protocol::encode(p);
    QPointer<Connection> also(extra);
    Room *room = m_room;
    const auto send = [room, kind, line, also] {
        metrics::countOut(protocol::presenceTypeName(kind), room->broadcast(line, also.data()));
    };
    if (kind != PresenceEvent::Kind::Join && kind != PresenceEvent::Kind::Leave) {
        m_room->afterStored(send); // after the messages queued before it
        return;
    }
    store::StoredEvent stored;
    stored.room = m_room->name();
    stored.id = p.id;
    stored.kind =
        kind == PresenceEvent::Kind::Join ? store::EventKind::Join : store::EventKind::Leave;
    stored.senderId = member.user.id;
    stored.time = p.time;
    stored.line = line;
    m_room->write(std::move(stored), [room, send](bool ok, const store::StoredEvent &e) {
        // Presence is not user data: a failed write is logged and the room goes on.
        if (ok)
            room->delivered(e.seq);
        else
            qCWarning(lcPresence) << "could not store presence event in" << room->name();
        send();
    });
    m_hub->flushStore(); // presence waits for no end of pass
}

void RoomPresence::touch(Connection *connection)
{
    Member *member = connection->member();
    if (!member)
        return;
    member->lastActivity = m_hub->now();
    if (member->idle) {
        member->idle = false;
        if (!m_bus)
            publishPresence(PresenceEvent::Kind::Back, *member);
        else
            reportOnline(m_bus, m_room->name(), member);
    }
}

void RoomPresence::offline(Member *member, bool closed, Connection *closing)
{
    const QString userId = member->user.id;
    if (closed) {
        m_members.remove(userId);
        delete member;
    } else {
        member->idle = true;
        member->idleSince = m_hub->now();
    }
    const QByteArray leave = m_bus->offline(m_room->name(), userId, closed);
    if (closing && !leave.isEmpty())
        closing->send(leave);
}

void RoomPresence::removeConnection(Member *member, Connection *connection)
{
    m_room->flushBroadcast(); // the leaving connection still gets what was delivered before
    m_connections.removeOne(connection);
    m_partial.removeOne(connection);
    if (member)
        member->connections.removeOne(connection);
    connection->detach();
}

void RoomPresence::dropConnections(Member *member)
{
    const QList<Connection *> connections = member->connections;
    for (Connection *c : connections) {
        removeConnection(member, c);
        c->sendError(ErrorCode::ConnectionClosed);
    }
}

void RoomPresence::leave(Member *member, Connection *extra)
{
    m_members.remove(member->user.id);
    publishPresence(PresenceEvent::Kind::Leave, *member, extra);
    delete member;
}

void RoomPresence::close(Connection *connection)
{
    Member *member = connection->member();
    removeConnection(member, connection);
    if (member && member->connections.isEmpty()) {
        if (m_bus)
            offline(member, true, connection);
        else
            leave(member, connection);
    }
    // After its own `leave`, which may wait for the store.
    QPointer<Connection> guard(connection);
    m_room->afterStored([guard] {
        if (guard)
            guard->closeAfterFlush();
    });
}

void RoomPresence::lost(Connection *connection)
{
    Member *member = connection->member();
    removeConnection(member, connection);
    if (m_bus && member && member->connections.isEmpty()) {
        offline(member, false, nullptr);
        return;
    }
    if (member && member->connections.isEmpty() && !member->idle) {
        member->idle = true;
        member->idleSince = m_hub->now();
        publishPresence(PresenceEvent::Kind::Idle, *member);
    }
}

void RoomPresence::sweep(qint64 now)
{
    const ServerConfig &config = m_hub->config();
    QList<Member *> leaving;
    for (Member *m : std::as_const(m_members)) {
        if (!m->idle && config.idleTimeoutMs > 0 && now - m->lastActivity >= config.idleTimeoutMs) {
            m->idle = true;
            m->idleSince = now;
            if (!m_bus)
                publishPresence(PresenceEvent::Kind::Idle, *m);
            else if (!m_bus->inactive(m_room->name(), m->user.id))
                m->idle = false; // not reported: the next sweep tries again
        } else if (m_bus) {
            continue; // the bus times out idle users over all nodes
        } else if (m->idle && now - m->idleSince >= config.leaveTimeoutMs) {
            leaving.append(m);
        }
    }
    for (Member *m : std::as_const(leaving)) {
        dropConnections(m);
        leave(m, nullptr);
    }
}

void RoomPresence::endIdle(const QString &userId)
{
    // Only a user idle here too: a new connection that raced the leave stays.
    Member *member = m_members.value(userId);
    if (!member || !member->idle)
        return;
    m_room->flushBroadcast(); // what came before the leave reaches them first
    dropConnections(member);
    m_members.remove(userId);
    delete member;
}

void RoomPresence::activeHere(const QString &userId)
{
    const Member *member = m_members.value(userId);
    if (!m_bus || !member || member->idle || member->connections.isEmpty())
        return;
    // Later, outside the feed's delivery (which may run inside a join's catch-up), and
    // only if the user is still active here then.
    Connection *connection = member->connections.first();
    Room *room = m_room;
    RoomBus *bus = m_bus;
    QMetaObject::invokeMethod(
        connection,
        [connection, room, bus] {
            Member *m = connection->member();
            if (connection->room() == room && m && !m->idle)
                reportOnline(bus, room->name(), m);
        },
        Qt::QueuedConnection);
}

void RoomPresence::closeAll()
{
    const QList<Connection *> connections = m_connections;
    for (Connection *c : connections) {
        removeConnection(c->member(), c);
        c->closeAfterFlush();
    }
}

} // namespace talker::server
