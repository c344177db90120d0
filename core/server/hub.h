// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "protocol/events.h"
#include "protocol/protocolerror.h"
#include "server/groupcommitwindow.h"
#include "server/serverconfig.h"

#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QObject>
#include <QSet>
#include <functional>
#include <memory>
#include <unordered_map>

class QTimer;

#include "store/store.h"

namespace talker::store {
class EventJournal;
}

namespace talker::server {

Q_DECLARE_LOGGING_CATEGORY(lcHub)

class Connection;
class Room;
class RoomBus;
class AuthThrottle;
class UserByteRate;
class StoreWriter;

/// Owns the rooms of one event loop and routes authenticated connections into them.
/// Each Room is independent: a Router (below) spreads rooms over several hubs, one per
/// thread, and a room lives in exactly one of them.
class Hub : public QObject
{
    Q_OBJECT

public:
    /// `store` must outlive the hub.
    Hub(const ServerConfig &config, store::Store *store, QObject *parent = nullptr);
    ~Hub() override;

    const ServerConfig &config() const { return m_config; }
    /// The per-user byte rate; the same object in every hub of a server.
    UserByteRate *byteRate() const { return m_byteRate.get(); }
    std::shared_ptr<UserByteRate> sharedByteRate() const { return m_byteRate; }
    /// Uses another hub's byte rate (a server's hubs share one).
    void shareByteRate(std::shared_ptr<UserByteRate> rate) { m_byteRate = std::move(rate); }
    store::Store *store() const { return m_store; }
    /// Monotonic milliseconds, the same clock in every hub and thread.
    static qint64 now();

    /// Picks the hub that owns a room (sharding rooms over threads). Without a router
    /// every room lives in this hub.
    using Router = std::function<Hub *(const QString &room)>;
    void setRouter(Router router) { m_router = std::move(router); }

    /// Puts an authenticated connection into a room of this hub (this hub's thread).
    void joinRoom(Connection *connection, const protocol::User &user,
                  const protocol::ConnectEvent &event);

    /// A connection sent `connect`: authenticate at once and join the room, or answer
    /// "Authentication failed" (later, after too many failures from the address).
    void requestConnect(Connection *connection, const protocol::ConnectEvent &event);
    /// A connection sent `register`: redeem the invite (slowed down like `connect`
    /// after failures from the same address), answer `registered` with the new
    /// account's token or an error, and close.
    void requestRegister(Connection *connection, const protocol::RegisterEvent &event);
    /// Closes every connection (server shutdown).
    void closeAll();

    /// Queues a room's write for the store writer (or, without one, for this hub's
    /// store). What is queued is written in one transaction at the end of the current
    /// event-loop pass (or at the next flushStore()); the room hears back through
    /// Room::acked() with `ticket`, in this hub's thread.
    void queueWrite(Room *room, quint64 ticket, store::StoredEvent &&event);
    /// Hands what is queued to the writer now (without a writer: writes it now).
    void flushStore();
    /// Stores events in `journal` from now on, instead of this hub's store: the
    /// journal's write is the store before the send, and `writer` (its own thread and
    /// connection) imports them into the database. It also runs the registrations.
    /// Set before the first connection; both outlive the hub.
    void setWriter(StoreWriter *writer, store::EventJournal *journal)
    {
        m_writer = writer;
        m_journal = journal;
    }
    StoreWriter *writer() const { return m_writer; }

    /// Cluster mode: queues a room's message for the bus; it reaches the room (sender
    /// included) when it comes back. What is queued is published at once, with one
    /// wait for all acknowledgements, at the end of the current event-loop pass (or at
    /// the next flushStore()). `expectedSeq` is the seq of the message's current state
    /// when this edits it (compare-and-set on the bus).
    void publishToBus(Room *room, const store::StoredEvent &event, Connection *sender,
                      qint64 expectedSeq);

    /// Cluster mode: rooms publish to `bus` and deliver what comes back from it
    /// (deliverFromBus). Set before the first connection; `bus` outlives the hub.
    void setBus(RoomBus *bus) { m_bus = bus; }
    RoomBus *bus() const { return m_bus; }
    /// An event the bus stored, in the bus's order: to the local connections of its room.
    void deliverFromBus(const store::StoredEvent &event);
    /// The end of what the bus handed over in one go: each room touched sends its
    /// public lines as one buffer (as a store batch does).
    void endBusBatch();
    /// A draft from the bus: to the connections of its room that asked for drafts.
    void deliverDraft(const QString &room, const QByteArray &line, const QString &senderId,
                      const QString &recipientId);

    /// The room with this name, nullptr if nobody is in it.
    Room *room(const QString &name) const;
    int roomCount() const { return int(m_rooms.size()); }

private:
    void authenticate(Connection *connection, const protocol::ConnectEvent &event);
    /// Answers a failed token or invite with `code`: later when the address failed
    /// too often (the connection waits in the Authenticating state meanwhile).
    void refuse(Connection *connection, protocol::ErrorCode code);
    /// A write (or the writer's answer) took `ns`: the metrics and the group-commit window.
    void noteStoreAck(qint64 ns);
    /// The writer's answer to one batch: to each room, then each sends its lines.
    void acked(const QList<Room *> &rooms, const QList<quint64> &tickets,
               QList<store::StoredEvent> &&events, const QList<bool> &stored);
    /// Sends what the rooms delivered from the writer's answers since the last time.
    void sendDelivered();
    /// The group commit's flush: stores what is queued and sends what it delivered.
    void flushAndSend();
    /// Waits until the writer answered every batch of this hub (shutdown).
    void waitForWrites();
    /// Cluster mode: publishes what publishToBus() queued.
    void flushBus();
    void scheduleFlush();
    // Registration (hubregistration.cpp).
    struct Redemption;
    void registerUser(Connection *connection, const protocol::RegisterEvent &event);
    void answerRegistration(Connection *connection, const Redemption &outcome);
    void sweep();

    ServerConfig m_config;
    store::Store *m_store;
    RoomBus *m_bus = nullptr;
    QSet<Room *> m_busBatch; ///< rooms with lines from the bus not yet sent
    Router m_router;
    StoreWriter *m_writer = nullptr;
    store::EventJournal *m_journal = nullptr;
    struct PendingWrite;
    QList<PendingWrite> m_pending;
    struct PendingPublish;
    QList<PendingPublish> m_publishes; ///< cluster mode: messages for the bus
    int m_tasksInFlight = 0;           ///< registrations on the writer, not yet answered
    QSet<Room *> m_unsent;             ///< rooms with delivered lines not yet sent
    bool m_sendScheduled = false;
    bool m_sendFollows = false; ///< in flushAndSend(), which sends after it stored
    bool m_flushScheduled = false;
    QElapsedTimer m_lastCommit; ///< when flushStore() last wrote (group commit)
    GroupCommitWindow m_window;
    std::unordered_map<QString, std::unique_ptr<Room>> m_rooms;
    std::unique_ptr<AuthThrottle> m_throttle;
    std::shared_ptr<UserByteRate> m_byteRate;
    QTimer *m_sweepTimer;
    QTimer *m_commitTimer; ///< flushStore() at the end of a group-commit window
};

} // namespace talker::server
