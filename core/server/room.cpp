// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/room.h"

#include "protocol/codec.h"
#include "server/connection.h"
#include "server/hub.h"
#include "server/metrics.h"
#include "server/replaycursor.h"
#include "server/roombus.h"
#include "server/servererrors.h"
#include "store/store.h"
#include "store/token.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>

#include <utility>

namespace talker::server {

Q_LOGGING_CATEGORY(lcRoom, "talker.server.room")

using protocol::ErrorCode;
using protocol::MessageEvent;
using protocol::PresenceEvent;

namespace {

qint64 epochNow()
{
    return QDateTime::currentSecsSinceEpoch();
}

} // namespace

Room::Room(const QString &name, Hub *hub)
    : m_name(name)
    , m_hub(hub)
    , m_store(hub->store())
    , m_bus(hub->bus())
{
    // Remember the room (for listings); a failure here costs nothing but the listing.
    // A store writer does so with the room's first write.
    if (!hub->writer())
        m_store->ensureRoom(m_name);
    metrics::addRooms(1);
    m_lastSeq = m_store->lastSeq(m_name);
}

Room::~Room()
{
    metrics::addRooms(-1);
    qDeleteAll(m_members);
}

Member *Room::findMember(const QString &idOrName) const
{
    if (Member *m = m_members.value(idOrName))
        return m;
    for (Member *m : m_members) {
        if (m->user.name == idOrName)
            return m;
    }
    return nullptr;
}

std::optional<QString> Room::recipientId(const QString &idOrName) const
{
    if (const Member *m = findMember(idOrName))
        return m->user.id;
    if (m_bus) {
        if (const auto user = m_bus->member(m_name, idOrName))
            return user->id;
    }
    return std::nullopt;
}

int Room::broadcast(const QByteArray &line, Connection *extra)
{
    flushBroadcast();
    for (Connection *c : std::as_const(m_connections))
        c->send(line);
    if (extra && !m_connections.contains(extra)) {
        extra->send(line);
        return int(m_connections.size()) + 1;
    }
    return int(m_connections.size());
}

void Room::deliver(const store::StoredEvent &event)
{
    m_lastSeq = qMax(m_lastSeq, event.seq);
    static const QString kTypes[] = {QStringLiteral("message"), QStringLiteral("join"),
                                     QStringLiteral("leave"), QStringLiteral("idle"),
                                     QStringLiteral("back")};
    const QString &type = kTypes[qBound(0, int(event.kind), 4)];
    if (event.recipientId.isEmpty())
        metrics::countOut(type, int(m_connections.size()));
    if (event.recipientId.isEmpty() && m_pass.isEmpty())
        m_pass = event.line; // shared; a second line detaches it
    else if (event.recipientId.isEmpty())
        m_pass.append(event.line);
    else
        metrics::countOut(type,
                          deliverPrivate(event.line, event.senderId, event.recipientId, false));
}

void Room::deliverFromBus(const store::StoredEvent &event)
{
    if (event.kind == store::EventKind::Leave) {
        // Only a user idle here too: a new connection that raced the leave stays.
        Member *member = m_members.value(event.senderId);
        if (member && member->idle) {
            flushBroadcast(); // what came before the leave reaches them first
            const QList<Connection *> connections = member->connections;
            for (Connection *c : connections) {
                removeConnection(member, c);
                c->sendError(ErrorCode::ConnectionClosed);
            }
            m_members.remove(event.senderId);
            delete member;
        }
    }
    deliver(event); // public lines wait for Hub::endBusBatch()
}

void Room::deliverDraft(const QByteArray &line, const QString &senderId, const QString &recipientId)
{
    if (m_bus) {
        // A draft from another node reserves its id here too (this node's own drafts
        // did so in message()).
        const QJsonValue id = QJsonDocument::fromJson(line).object().value(QLatin1String("id"));
        if (id.isString())
            m_drafts.reserve(id.toString(), senderId);
    }
    if (recipientId.isEmpty()) {
        for (Connection *c : std::as_const(m_partial))
            c->send(line);
    } else {
        deliverPrivate(line, senderId, recipientId, true);
    }
}

void Room::offline(Member *member, bool closed, Connection *closing)
{
    const QString userId = member->user.id;
    if (closed) {
        m_members.remove(userId);
        delete member;
    } else {
        member->idle = true;
        member->idleSince = m_hub->now();
    }
    const QByteArray leave = m_bus->offline(m_name, userId, closed);
    if (closing && !leave.isEmpty())
        closing->send(leave);
}

void Room::flushBroadcast()
{
    if (m_pass.isEmpty())
        return;
    // One buffer for the whole batch: each receiver takes a reference (one iovec when
    // its queue is empty), not one per line; the next batch starts a new buffer.
    const QByteArray lines = std::exchange(m_pass, QByteArray());
    for (Connection *c : std::as_const(m_connections))
        c->send(lines);
}

int Room::deliverPrivate(const QByteArray &line, const QString &senderId,
                         const QString &recipientId, bool partialOnly)
{
    flushBroadcast(); // after the public lines delivered before it
    int sent = 0;
    const auto deliverTo = [&](const Member *m) {
        if (!m)
            return;
        for (Connection *c : m->connections) {
            if (!partialOnly || c->wantsPartial()) {
                c->send(line);
                ++sent;
            }
        }
    };
    deliverTo(m_members.value(senderId));
    if (recipientId != senderId)
        deliverTo(m_members.value(recipientId));
    return sent;
}

QByteArray Room::usersLine() const
{
    protocol::UsersEvent users;
    if (m_bus) {
        users.users = m_bus->members(m_name);
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

void Room::publishPresence(PresenceEvent::Kind kind, const Member &member, Connection *extra)
{
    PresenceEvent p;
    p.kind = kind;
    p.user = member.user;
    p.time = epochNow();
    p.id = store::generateEventId();
    const QByteArray line = protocol::encode(p);
    QPointer<Connection> also(extra);
    const auto send = [this, kind, line, also] {
        metrics::countOut(protocol::presenceTypeName(kind), broadcast(line, also.data()));
    };
    if (kind != PresenceEvent::Kind::Join && kind != PresenceEvent::Kind::Leave) {
        m_order.after(send); // after the messages queued before it
        return;
    }
    store::StoredEvent stored;
    stored.room = m_name;
    stored.id = p.id;
    stored.kind =
        kind == PresenceEvent::Kind::Join ? store::EventKind::Join : store::EventKind::Leave;
    stored.senderId = member.user.id;
    stored.time = p.time;
    stored.line = line;
    write(std::move(stored), [this, send](bool ok, const store::StoredEvent &e) {
        // Presence is not user data: a failed write is logged and the room goes on.
        if (ok)
            m_lastSeq = qMax(m_lastSeq, e.seq);
        else
            qCWarning(lcRoom) << "could not store presence event in" << m_name;
        send();
    });
    m_hub->flushStore(); // presence waits for no end of pass
}

void Room::write(store::StoredEvent &&event, AckQueue::Outcome outcome)
{
    const quint64 ticket = m_order.pushWrite(event.id, std::move(outcome));
    m_hub->queueWrite(this, ticket, std::move(event));
}

void Room::acked(quint64 ticket, bool stored, store::StoredEvent &&event)
{
    m_order.ack(ticket, stored, std::move(event));
}

void Room::join(Connection *connection, const protocol::User &user,
                const protocol::ConnectEvent &event)
{
    m_hub->flushStore();              // the replay must include what is queued
    if (m_bus && !m_bus->catchUp()) { // and what other nodes stored (before any change here)
        qCWarning(lcRoom) << "cannot catch up with the cluster; join to" << m_name << "refused";
        connection->sendError(errors::text(errors::ServerError::StoreUnavailable), true);
        return;
    }
    Member *member = m_members.value(user.id);
    const bool isNew = member == nullptr;
    const bool wasIdle = member && member->idle;
    if (isNew) {
        member = new Member;
        member->user = user;
        member->user.idle = false;
        m_members.insert(user.id, member);
    }
    connection->attach(this, member, event.includePartial);
    connection->send(protocol::encode(protocol::ConnectedEvent{member->user}));

    // Replay what the client missed, before any live traffic: streamed from the store
    // as the socket drains, `users` and everything live waiting behind it. The replay
    // ends at the last event this room delivered; later ones reach the connection live.
    const int cap = qMax(0, m_hub->config().replayCap);
    if (m_store->canReadRanges() && !m_bus) {
        auto cursor = ReplayCursor::forConnect(m_store, m_name, user.id, event, m_lastSeq, cap);
        if (cursor) {
            cursor->setTrailer([](int count) {
                metrics::observeReplay(count);
                return QByteArray();
            });
            connection->sendStream(std::move(cursor));
        } else if (event.lastEventId || event.history) {
            metrics::observeReplay(0);
        }
    } else if (!sendWholeReplay(connection, user.id, event, cap)) {
        // A replay with a hole would lose messages for good: refuse, the client retries.
        qCWarning(lcRoom) << "replay failed in" << m_name << ":" << m_store->lastError();
        connection->detach();
        if (isNew) {
            m_members.remove(user.id);
            delete member;
        }
        connection->sendError(errors::text(errors::ServerError::StoreUnavailable), true);
        return;
    }

    flushBroadcast(); // stored lines still in the pass buffer were in the replay
    m_connections.append(connection);
    if (event.includePartial)
        m_partial.append(connection);
    member->connections.append(connection);
    member->lastActivity = m_hub->now();
    member->idle = false;
    if (m_bus) {
        // The bus publishes `join` or `back` if the user was absent or idle everywhere;
        // the list already shows them.
        if (isNew || wasIdle)
            m_bus->online(m_name, member->user);
        connection->send(usersLine());
        return;
    }
    connection->send(usersLine());

    if (isNew)
        publishPresence(PresenceEvent::Kind::Join, *member);
    else if (wasIdle)
        publishPresence(PresenceEvent::Kind::Back, *member);
}

bool Room::sendWholeReplay(Connection *connection, const QString &userId,
                           const protocol::ConnectEvent &event, int cap)
{
    QList<store::StoredEvent> replay;
    bool found = false;
    if (event.lastEventId && !event.lastEventId->isEmpty())
        replay = m_store->eventsAfter(m_name, *event.lastEventId, userId, cap, &found);
    if (!found && event.history && *event.history > 0)
        replay = m_store->lastEvents(m_name, userId, qMin(*event.history, cap));
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

void Room::touch(Connection *connection)
{
    Member *member = connection->member();
    if (!member)
        return;
    member->lastActivity = m_hub->now();
    if (member->idle) {
        member->idle = false;
        if (m_bus)
            m_bus->online(m_name, member->user);
        else
            publishPresence(PresenceEvent::Kind::Back, *member);
    }
}

void Room::message(Connection *connection, MessageEvent &&event)
{
    // A message needs the store's state when it names an id that is still being
    // written, and keeps its place after steps of the room that wait.
    if (m_order.stepWaiting() || (!event.id.isEmpty() && m_order.writing(event.id))) {
        QPointer<Connection> guard(connection);
        auto waiting = std::make_shared<MessageEvent>(std::move(event));
        m_order.after([this, guard, waiting] {
            if (guard && guard->room() == this)
                messageNow(guard, std::move(*waiting));
        });
        return;
    }
    messageNow(connection, std::move(event));
}

void Room::messageNow(Connection *connection, MessageEvent &&event)
{
    Member *sender = connection->member();
    if (!sender)
        return;
    touch(connection);
    if (event.content.isNull())
        event.content = QString(QLatin1String(""));

    MessageEvent out;
    out.extra = std::move(event.extra);
    out.user = sender->user;
    out.content = std::move(event.content);
    out.time = epochNow();
    out.partial = event.partial;

    QString recipientId;
    std::optional<store::StoredEvent> existing;
    if (!resolveRecipient(connection, event, &recipientId) ||
        !claimMessageId(connection, event, sender->user.id, &out, &existing))
        return;
    if (existing) {
        // An update keeps the original audience and time.
        recipientId = existing->recipientId;
        out.time = existing->time;
    }
    if (!recipientId.isEmpty()) {
        out.to = recipientId;
        out.isPrivate = true;
    }

    if (out.partial) {
        publishDraft(out, sender->user.id, recipientId);
        return;
    }
    if (!markChange(connection, existing, &out))
        return;
    storeMessage(connection, out, sender->user.id, recipientId, existing ? existing->seq : 0);
}

void Room::replyInOrder(Connection *connection, std::function<void(Connection *)> answer)
{
    // Replies come after what was queued before them, like every answer.
    QPointer<Connection> guard(connection);
    m_order.after([guard, answer = std::move(answer)] {
        if (guard)
            answer(guard.data());
    });
}

bool Room::resolveRecipient(Connection *connection, const MessageEvent &event, QString *recipientId)
{
    if (event.to.isEmpty())
        return true;
    const std::optional<QString> recipient = this->recipientId(event.to);
    if (!recipient) {
        replyInOrder(connection, [id = event.id](Connection *c) {
            c->sendErrorAbout(id, ErrorCode::NoSuchUser);
        });
        return false;
    }
    *recipientId = *recipient;
    return true;
}

bool Room::claimMessageId(Connection *connection, const MessageEvent &event,
                          const QString &senderId, MessageEvent *out,
                          std::optional<store::StoredEvent> *existing)
{
    if (event.id.isEmpty()) {
        out->id = store::generateEventId();
        return true;
    }
    if (!protocol::isValidMessageId(event.id)) {
        replyInOrder(connection, [](Connection *c) {
            c->sendError(errors::text(errors::ServerError::InvalidMessageId), false);
        });
        return false;
    }
    *existing = m_store->latest(m_name, event.id);
    const std::optional<store::StoredEvent> &stored = *existing;
    if ((stored && (stored->kind != store::EventKind::Message || stored->senderId != senderId)) ||
        m_drafts.takenByOther(event.id, senderId)) {
        replyInOrder(connection, [id = event.id](Connection *c) {
            c->sendErrorAbout(id, ErrorCode::NotYourMessage);
        });
        return false;
    }
    out->id = event.id;
    return true;
}

void Room::publishDraft(const MessageEvent &out, const QString &senderId,
                        const QString &recipientId)
{
    // A live-typing draft: never stored, only for connections that asked. Its id
    // is its author's from now on, though nothing is stored yet.
    m_drafts.reserve(out.id, senderId);
    const QByteArray line = protocol::encode(out);
    if (m_bus)
        m_bus->publishDraft(m_name, line, senderId, recipientId);
    else
        deliverDraft(line, senderId, recipientId);
}

bool Room::markChange(Connection *connection, const std::optional<store::StoredEvent> &existing,
                      MessageEvent *out)
{
    if (existing) {
        if (existing->content == out->content) {
            // A resend: the stored message goes back to this connection alone.
            replyInOrder(connection, [line = existing->line](Connection *c) { c->send(line); });
            return false;
        }
        if (out->content.isEmpty())
            out->deleted = true;
        else
            out->edited = epochNow();
    } else if (out->content.isEmpty()) {
        return false; // nothing to publish or retract
    }
    return true;
}

void Room::storeMessage(Connection *connection, const MessageEvent &out, const QString &senderId,
                        const QString &recipientId, qint64 replacesSeq)
{
    store::StoredEvent stored;
    stored.room = m_name;
    stored.id = out.id;
    stored.kind = store::EventKind::Message;
    stored.senderId = senderId;
    stored.recipientId = recipientId;
    stored.time = out.time;
    stored.content = out.content;
    stored.line = protocol::encode(out);
    if (m_bus) {
        m_hub->publishToBus(this, stored, connection, replacesSeq);
        return;
    }
    // Stored (with others of this pass, in one transaction) before anyone sees it.
    QPointer<Connection> guard(connection);
    write(std::move(stored),
          [this, guard](bool ok, const store::StoredEvent &e) { messageStored(ok, e, guard); });
}

void Room::messageStored(bool stored, const store::StoredEvent &event, Connection *sender)
{
    if (stored) {
        deliver(event);
        return;
    }
    qCWarning(lcRoom) << "message not stored in" << m_name;
    flushBroadcast(); // the sender sees what was delivered before first
    if (sender)
        sender->send(errors::notStoredLine(event.id));
}

void Room::removeConnection(Member *member, Connection *connection)
{
    flushBroadcast(); // the leaving connection still gets what was delivered before
    m_connections.removeOne(connection);
    m_partial.removeOne(connection);
    if (member)
        member->connections.removeOne(connection);
    connection->detach();
}

void Room::leave(Member *member, Connection *extra)
{
    m_members.remove(member->user.id);
    publishPresence(PresenceEvent::Kind::Leave, *member, extra);
    delete member;
}

void Room::close(Connection *connection)
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
    m_order.after([guard] {
        if (guard)
            guard->closeAfterFlush();
    });
}

void Room::lost(Connection *connection)
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

void Room::sweep(qint64 now)
{
    const ServerConfig &config = m_hub->config();
    QList<Member *> leaving;
    for (Member *m : std::as_const(m_members)) {
        if (!m->idle && config.idleTimeoutMs > 0 && now - m->lastActivity >= config.idleTimeoutMs) {
            m->idle = true;
            m->idleSince = now;
            if (m_bus)
                m_bus->inactive(m_name, m->user.id);
            else
                publishPresence(PresenceEvent::Kind::Idle, *m);
        } else if (m_bus) {
            continue; // the bus times out idle users over all nodes
        } else if (m->idle && now - m->idleSince >= config.leaveTimeoutMs) {
            leaving.append(m);
        }
    }
    for (Member *m : std::as_const(leaving)) {
        const QList<Connection *> connections = m->connections;
        for (Connection *c : connections) {
            removeConnection(m, c);
            c->sendError(ErrorCode::ConnectionClosed);
        }
        leave(m, nullptr);
    }
}

void Room::closeAll()
{
    const QList<Connection *> connections = m_connections;
    for (Connection *c : connections) {
        removeConnection(c->member(), c);
        c->closeAfterFlush();
    }
}

} // namespace talker::server
