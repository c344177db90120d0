// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cluster/clusterpresence.h"
#include "server/roombus.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

#include <nats/nats.h>

class QTimer;

#include "store/store.h"

namespace talker::cluster {

class NatsLink;
class ClusterStore;

/// The RoomBus of a cluster node. Events: every node follows the TALKER_ROOMS stream
/// with one ordered consumer and hands each event to its hub in stream order.
/// Presence: ClusterPresence (rosters in the TALKER_PRESENCE bucket, so of several
/// nodes exactly one publishes each join, idle, back or leave). A thread keeps this
/// node's key alive in TALKER_NODES; a timer follows the feed and sweeps presence.
class ClusterBus : public QObject, public server::RoomBus
{
    Q_OBJECT

public:
    struct Options
    {
        QString nodeName;
        qint64 idleTimeoutMs = 30000;
        qint64 leaveTimeoutMs = 30000;
    };
    /// `link` and `store` must outlive the bus.
    ClusterBus(NatsLink *link, ClusterStore *store, const Options &options,
               QObject *parent = nullptr);
    ~ClusterBus() override;

    store::Store *store() override;
    void attach(server::Hub *hub) override;
    bool isReachable() const override;
    QList<Published> publishAll(const QList<store::StoredEvent *> &events,
                                const QList<qint64> &expectedSeqs) override;
    void publishDraft(const QString &room, const QByteArray &line, const QString &senderId,
                      const QString &recipientId) override;
    bool catchUp() override;
    bool online(const QString &room, const protocol::User &user) override;
    bool inactive(const QString &room, const QString &userId) override;
    QByteArray offline(const QString &room, const QString &userId, bool closed) override;
    std::optional<protocol::User> member(const QString &room, const QString &idOrName) override;
    QList<protocol::User> members(const QString &room) override;

    /// The last stream sequence handed to the hub (the replay horizon).
    quint64 appliedSeq() const { return m_applied.load(); }

private:
    void tick();
    static void onFeed(natsConnection *, natsSubscription *, natsMsg *msg, void *closure);
    static void onDraft(natsConnection *, natsSubscription *, natsMsg *msg, void *closure);
    /// Follows the stream from sequence `from` (0: from its end, now).
    bool subscribeFeed(quint64 from);
    void startHeartbeat();
    void stopHeartbeat();
    /// The stream's last sequence; nullopt when NATS did not answer.
    std::optional<quint64> streamLastSeq();
    /// Hands the queued feed events to the hub (hub thread).
    void drain();
    /// Drains the feed until it delivered stream sequence `seq` (bounded wait).
    bool waitApplied(quint64 seq);

    NatsLink *m_link;
    ClusterStore *m_store;
    Options m_options;
    ClusterPresence m_presence;
    QByteArray m_nodeKey;
    server::Hub *m_hub = nullptr;
    natsSubscription *m_feed = nullptr;
    natsSubscription *m_drafts = nullptr; ///< core NATS, `talker.d.>`: drafts are not stored
    std::atomic<quint64> m_applied{0};
    bool m_feedStarted = false; ///< m_applied is a position in the stream
    quint64 m_lastTickApplied = 0;
    int m_stalledTicks = 0;
    std::mutex m_queueMutex;
    std::condition_variable m_queued;
    std::deque<store::StoredEvent> m_queue; ///< from the feed, not yet delivered
    QTimer *m_timer;
    std::thread m_heartbeat; ///< refreshes this node's key in TALKER_NODES
    std::mutex m_heartbeatMutex;
    std::condition_variable m_heartbeatWake;
    bool m_heartbeatStop = false;
};

} // namespace talker::cluster
