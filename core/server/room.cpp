// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/room.h"

#include "protocol/codec.h"
#include "server/connection.h"
#include "server/hub.h"
#include "server/metrics.h"
#include "server/roombus.h"
#include "server/servererrors.h"
#include "store/store.h"
#include "store/token.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>

#include <utility>

namespace talker::server {

Q_LOGGING_CATEGORY(lcRoom, "talker.server.room")

using protocol::ErrorCode;
using protocol::MessageEvent;

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
    , m_presence(this, hub)
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
}

std::optional<QString> Room::recipientId(const QString &idOrName) const
{
    if (const Member *m = m_presence.find(idOrName))
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
    for (Connection *c : m_presence.connections())
        c->send(line);
    if (extra && !m_presence.connections().contains(extra)) {
        extra->send(line);
        return connectionCount() + 1;
    }
    return connectionCount();
}

void Room::deliver(const store::StoredEvent &event)
{
    delivered(event.seq);
    static const QString kTypes[] = {QStringLiteral("message"), QStringLiteral("join"),
                                     QStringLiteral("leave"), QStringLiteral("idle"),
                                     QStringLiteral("back")};
    const QString &type = kTypes[qBound(0, int(event.kind), 4)];
    if (event.recipientId.isEmpty())
        metrics::countOut(type, connectionCount());
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
    if (event.kind == store::EventKind::Leave)
        m_presence.endIdle(event.senderId);
    if (event.kind == store::EventKind::Leave || int(event.kind) == RoomBus::kIdleKind)
        m_presence.activeHere(event.senderId);
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
        for (Connection *c : m_presence.partialConnections())
            c->send(line);
    } else {
        deliverPrivate(line, senderId, recipientId, true);
    }
}

void Room::flushBroadcast()
{
    if (m_pass.isEmpty())
        return;
    // One buffer for the whole batch: each receiver takes a reference (one iovec when
    // its queue is empty), not one per line; the next batch starts a new buffer.
    const QByteArray lines = std::exchange(m_pass, QByteArray());
    for (Connection *c : m_presence.connections())
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
    deliverTo(m_presence.member(senderId));
    if (recipientId != senderId)
        deliverTo(m_presence.member(recipientId));
    return sent;
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

} // namespace talker::server
