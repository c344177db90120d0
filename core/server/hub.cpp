// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/hub.h"

#include "server/metrics.h"
#include "server/outputpass.h"

#include "protocol/codec.h"
#include "protocol/protocolerror.h"
#include "server/auththrottle.h"
#include "server/connection.h"
#include "server/room.h"
#include "server/roombus.h"
#include "server/servererrors.h"
#include "server/storewriter.h"
#include "server/userbyterate.h"
#include "store/eventjournal.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QPointer>
#include <QSet>
#include <QTimer>

namespace talker::server {

Q_LOGGING_CATEGORY(lcHub, "talker.server.hub")

struct Hub::PendingWrite
{
    Room *room = nullptr;
    quint64 ticket = 0;
    store::StoredEvent event;
};

struct Hub::PendingPublish
{
    Room *room = nullptr;
    store::StoredEvent event;
    QPointer<Connection> sender;
    qint64 expectedSeq = 0; ///< compare-and-set on the message's subject
};

Hub::Hub(const ServerConfig &config, store::Store *store, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_store(store)
    , m_window(config.groupCommitMs)
    , m_throttle(std::make_unique<AuthThrottle>(
          config.authFailuresAllowed, config.authFailureDelayMs, config.authFailureWindowMs))
    , m_byteRate(std::make_shared<UserByteRate>(config.maxBytesPerSecond, config.byteBurst))
    , m_sweepTimer(new QTimer(this))
    , m_commitTimer(new QTimer(this))
{
    m_commitTimer->setSingleShot(true);
    m_commitTimer->setTimerType(Qt::PreciseTimer);
    connect(m_commitTimer, &QTimer::timeout, this, &Hub::flushAndSend);
    qint64 shortest = 1000;
    if (config.idleTimeoutMs > 0)
        shortest = qMin(shortest, config.idleTimeoutMs);
    if (config.leaveTimeoutMs > 0)
        shortest = qMin(shortest, config.leaveTimeoutMs);
    m_sweepTimer->setInterval(int(qMax<qint64>(20, shortest / 5)));
    connect(m_sweepTimer, &QTimer::timeout, this, &Hub::sweep);
    m_sweepTimer->start();
}

Hub::~Hub()
{
    waitForWrites(); // the writer answers into this object
}

void Hub::queueWrite(Room *room, quint64 ticket, store::StoredEvent &&event)
{
    m_pending.append(PendingWrite{room, ticket, std::move(event)});
    scheduleFlush();
}

void Hub::scheduleFlush()
{
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    // Group commit: a busy room thread stores at most once per window, all that came
    // meanwhile together (one journal write, or one wait for the bus), and each pass
    // sends its lines to every receiver in one write: under load, fewer of both leave
    // the CPU to the deliveries. A write after a quiet spell goes at once.
    const int waitMs = m_lastCommit.isValid() ? m_window.waitMs(m_lastCommit.nsecsElapsed()) : 0;
    if (waitMs > 0)
        m_commitTimer->start(waitMs);
    else if (!OutputPass::atEnd(this, [this] { flushAndSend(); }))
        QMetaObject::invokeMethod(this, &Hub::flushAndSend, Qt::QueuedConnection);
}

void Hub::flushStore()
{
    m_flushScheduled = false;
    m_commitTimer->stop(); // when called directly (a join's replay, a close)
    if (m_pending.isEmpty() && m_publishes.isEmpty())
        return;
    m_lastCommit.start();
    if (!m_publishes.isEmpty())
        flushBus();
    if (m_pending.isEmpty())
        return;
    QList<Room *> rooms;
    QList<quint64> tickets;
    QList<store::StoredEvent> events;
    rooms.reserve(m_pending.size());
    tickets.reserve(m_pending.size());
    events.reserve(m_pending.size());
    for (PendingWrite &p : m_pending) {
        rooms.append(p.room);
        tickets.append(p.ticket);
        events.append(std::move(p.event));
    }
    m_pending.clear();
    QElapsedTimer ack;
    ack.start();
    QList<bool> stored;
    if (m_journal) {
        QList<store::StoredEvent *> pointers;
        pointers.reserve(events.size());
        for (store::StoredEvent &e : events)
            pointers.append(&e);
        // A deleted or faulty database would make the import fail after the send.
        const bool ok = m_store->storageSound() && m_journal->append(pointers);
        stored = QList<bool>(events.size(), ok);
    } else {
        stored = StoreWriter::write(m_store, &events);
    }
    noteStoreAck(ack.nsecsElapsed());
    if (stored.contains(false))
        qCWarning(lcHub) << "could not store" << stored.count(false) << "events:"
                         << (m_store->lastError().isEmpty() && m_journal ? m_journal->lastError()
                                                                         : m_store->lastError());
    acked(rooms, tickets, std::move(events), stored);
}

void Hub::flushAndSend()
{
    const OutputPass::Hold hold; // from a timer too: written below, no flush posted
    m_sendFollows = true;
    flushStore();
    m_sendFollows = false;
    // In this pass, not the next. Only here: a caller of flushStore() in the middle of
    // handling an event must not have its connection closed under it by a send.
    sendDelivered();
}

void Hub::noteStoreAck(qint64 ns)
{
    m_window.noteCommit(ns);
    metrics::observeStoreAck(ns / 1000);
}

void Hub::acked(const QList<Room *> &rooms, const QList<quint64> &tickets,
                QList<store::StoredEvent> &&events, const QList<bool> &stored)
{
    for (qsizetype i = 0; i < rooms.size(); ++i) {
        m_unsent.insert(rooms[i]);
        rooms[i]->acked(tickets[i], stored[i], std::move(events[i]));
    }
    if (!m_writer) {
        sendDelivered();
        return;
    }
    if (m_sendFollows)
        return; // flushAndSend() sends them next
    // Every answer that arrives in this pass of the event loop goes out together: each
    // room sends its public lines as one buffer, as many messages as there were.
    if (!m_sendScheduled) {
        m_sendScheduled = true;
        QMetaObject::invokeMethod(this, &Hub::sendDelivered, Qt::QueuedConnection);
    }
}

void Hub::sendDelivered()
{
    m_sendScheduled = false;
    const QSet<Room *> rooms = std::exchange(m_unsent, {});
    for (Room *room : rooms)
        room->flushBroadcast();
}

void Hub::waitForWrites()
{
    // An answer can queue more (a step that publishes presence): until all is quiet. The
    // writer answers into this object: it must not be gone by then.
    flushStore();
    while (m_tasksInFlight > 0) {
        m_writer->waitIdle(100);
        QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
        flushStore();
    }
}

void Hub::publishToBus(Room *room, const store::StoredEvent &event, Connection *sender,
                       qint64 expectedSeq)
{
    m_publishes.append(PendingPublish{room, event, sender, expectedSeq});
    scheduleFlush();
}

void Hub::flushBus()
{
    // The messages reach the room (senders included) when they come back from the bus:
    // the bus delivers them before publishAll() returns.
    QList<PendingPublish> batch;
    batch.swap(m_publishes);
    QList<store::StoredEvent *> events;
    QList<qint64> expected;
    for (PendingPublish &p : batch) {
        events.append(&p.event);
        expected.append(p.expectedSeq);
    }
    QElapsedTimer ack;
    ack.start();
    const QList<RoomBus::Published> results = m_bus->publishAll(events, expected);
    noteStoreAck(ack.nsecsElapsed());
    for (qsizetype i = 0; i < batch.size(); ++i) {
        const PendingPublish &p = batch[i];
        if (results[i] == RoomBus::Published::Stored)
            continue;
        if (results[i] == RoomBus::Published::Conflict) {
            // Another copy won (a re-send that raced, maybe through another node): the
            // stored one goes back to this sender alone, as for any re-send.
            const auto stored = m_store->latest(p.room->name(), p.event.id);
            if (stored && p.sender) {
                p.sender->send(stored->line);
                continue;
            }
        }
        qCWarning(lcHub) << "could not store message in" << p.room->name() << ":"
                         << m_store->lastError();
        if (p.sender)
            p.sender->send(errors::notStoredLine(p.event.id));
    }
}

void Hub::deliverFromBus(const store::StoredEvent &event)
{
    if (Room *r = room(event.room)) {
        r->deliverFromBus(event);
        m_busBatch.insert(r);
    }
}

void Hub::endBusBatch()
{
    for (Room *r : std::as_const(m_busBatch))
        r->flushBroadcast();
    m_busBatch.clear();
}

void Hub::deliverDraft(const QString &room, const QByteArray &line, const QString &senderId,
                       const QString &recipientId)
{
    if (Room *r = this->room(room))
        r->deliverDraft(line, senderId, recipientId);
}

qint64 Hub::now()
{
    static const QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.elapsed();
}

Room *Hub::room(const QString &name) const
{
    const auto it = m_rooms.find(name);
    return it == m_rooms.end() ? nullptr : it->second.get();
}

void Hub::requestConnect(Connection *connection, const protocol::ConnectEvent &event)
{
    authenticate(connection, event);
}

void Hub::requestRegister(Connection *connection, const protocol::RegisterEvent &event)
{
    registerUser(connection, event);
}

void Hub::refuse(Connection *connection, protocol::ErrorCode code)
{
    // Neither the token nor the invite code is ever logged.
    metrics::countAuthFailure();
    const qint64 delay = m_throttle->recordFailure(connection->address(), now());
    if (delay <= 0) {
        qCInfo(lcHub) << connection->address() << "authentication failed";
        connection->sendError(code);
        return;
    }
    qCInfo(lcHub) << connection->address() << "authentication delayed: failure answered after"
                  << delay << "ms after failed attempts";
    connection->setAuthenticating(true); // reads nothing more meanwhile
    QPointer<Connection> guard(connection);
    QTimer::singleShot(int(delay), Qt::PreciseTimer, this, [guard, code] {
        if (guard && guard->state() == Connection::State::Authenticating)
            guard->sendError(code);
    });
}

void Hub::authenticate(Connection *connection, const protocol::ConnectEvent &event)
{
    if (m_bus && !m_bus->isReachable()) {
        qCWarning(lcHub) << connection->address() << "refused: cluster storage unreachable";
        connection->sendError(errors::text(errors::ServerError::StoreUnavailable), true);
        return;
    }
    std::optional<store::UserRecord> user;
    if (!event.room.isEmpty()) // the codec refused invalid names
        user = m_store->userByToken(event.token);
    if (!user && !event.room.isEmpty() && !m_store->lastError().isEmpty()) {
        // The store did not answer (NATS recovering, a storage fault): not the user's
        // fault, and no failed attempt of the address.
        qCWarning(lcHub) << connection->address() << "refused:" << m_store->lastError();
        connection->sendError(errors::text(errors::ServerError::StoreUnavailable), true);
        return;
    }
    if (!user) {
        refuse(connection, protocol::ErrorCode::AuthenticationFailed);
        return;
    }
    const protocol::User member{user->id, user->name, false};
    Hub *target = m_router ? m_router(event.room) : this;
    if (!target || target == this)
        joinRoom(connection, member, event);
    else
        connection->handOver(target, member, event);
}

void Hub::joinRoom(Connection *connection, const protocol::User &user,
                   const protocol::ConnectEvent &event)
{
    auto &slot = m_rooms[event.room];
    if (!slot)
        slot = std::make_unique<Room>(event.room, this);
    Room *room = slot.get();
    if (!room->waitsForStore()) {
        room->join(connection, user, event);
        return;
    }
    // The replay includes what was sent before the join: it waits for the room's
    // writes, the connection reading nothing meanwhile.
    connection->setAuthenticating(true);
    QPointer<Connection> guard(connection);
    room->afterStored([guard, room, user, event] {
        if (guard && guard->state() == Connection::State::Authenticating)
            room->join(guard, user, event);
    });
}

void Hub::sweep()
{
    flushStore();
    const qint64 t = now();
    for (auto it = m_rooms.begin(); it != m_rooms.end();) {
        it->second->sweep(t);
        // A room waiting for its writes stays until they are answered.
        if (it->second->isEmpty() && it->second->connectionCount() == 0 &&
            !it->second->waitsForStore()) {
            m_busBatch.remove(it->second.get());
            m_unsent.remove(it->second.get());
            it = m_rooms.erase(it);
        } else {
            ++it;
        }
    }
}

void Hub::closeAll()
{
    waitForWrites();
    for (auto &entry : m_rooms)
        entry.second->closeAll();
}

} // namespace talker::server
