// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cluster/clusterbus.h"

#include "cluster/clusterstore.h"
#include "cluster/natslink.h"
#include "protocol/codec.h"
#include "server/hub.h"
#include "store/token.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>
#include <thread>

namespace talker::cluster {

Q_LOGGING_CATEGORY(lcBus, "talker.cluster.bus")

static_assert(ClusterStore::kIdle == server::RoomBus::kIdleKind &&
                  ClusterStore::kBack == server::RoomBus::kBackKind,
              "the hub reads the bus's presence kinds");

ClusterBus::ClusterBus(NatsLink *link, ClusterStore *store, const Options &options, QObject *parent)
    : QObject(parent)
    , m_link(link)
    , m_store(store)
    , m_options(options)
    , m_presence(link, store, options.nodeName, options.leaveTimeoutMs)
    , m_nodeKey(names::token(options.nodeName))
    , m_timer(new QTimer(this))
{
    m_store->setHorizon([this] { return m_applied.load(); });
    qint64 interval = 1000;
    if (options.idleTimeoutMs > 0)
        interval = qMin(interval, options.idleTimeoutMs / 4);
    interval = qMin(interval, options.leaveTimeoutMs / 4);
    m_timer->setInterval(int(qMax<qint64>(50, interval)));
    connect(m_timer, &QTimer::timeout, this, &ClusterBus::tick);
}

ClusterBus::~ClusterBus()
{
    attach(nullptr);
}

store::Store *ClusterBus::store()
{
    return m_store;
}

bool ClusterBus::isReachable() const
{
    return m_link->isConnected();
}

void ClusterBus::attach(server::Hub *hub)
{
    for (natsSubscription **sub : {&m_feed, &m_drafts}) {
        if (*sub) {
            natsSubscription_Unsubscribe(*sub);
            natsSubscription_Destroy(*sub);
            *sub = nullptr;
        }
    }
    m_hub = hub;
    if (!hub) {
        m_timer->stop();
        stopHeartbeat();
        return;
    }
    subscribeFeed(0);
    natsConnection_Subscribe(&m_drafts, m_link->connection(), "talker.d.>", &ClusterBus::onDraft,
                             this);
    // This node has no connections yet: whatever an earlier life of it left in the
    // rosters goes, as for a dead node.
    m_presence.sweep(true);
    m_timer->start();
    startHeartbeat();
}

std::optional<quint64> ClusterBus::streamLastSeq()
{
    jsStreamInfo *info = nullptr;
    jsErrCode code = jsErrCode(0);
    const natsStatus s = js_GetStreamInfo(&info, m_link->js(), names::kStream, nullptr, &code);
    if (s != NATS_OK) {
        m_link->fail(s, "stream info", code);
        return std::nullopt;
    }
    const quint64 last = info->State.LastSeq;
    jsStreamInfo_Destroy(info);
    return last;
}

bool ClusterBus::subscribeFeed(quint64 from)
{
    if (m_feed) {
        natsSubscription_Unsubscribe(m_feed);
        natsSubscription_Destroy(m_feed);
        m_feed = nullptr;
    }
    if (from == 0) {
        const std::optional<quint64> last = streamLastSeq();
        if (!last)
            return false;
        m_applied = *last;
        from = *last + 1;
    }
    m_feedStarted = true;
    jsErrCode code = jsErrCode(0);
    natsStatus s = NATS_OK;
    jsSubOptions so;
    jsSubOptions_Init(&so);
    so.Stream = names::kStream;
    so.Ordered = true;
    so.Config.DeliverPolicy = js_DeliverByStartSequence;
    so.Config.OptStartSeq = from;
    s = js_Subscribe(&m_feed, m_link->js(), "talker.r.>", &ClusterBus::onFeed, this, nullptr, &so,
                     &code);
    if (s != NATS_OK) {
        qCWarning(lcBus).noquote()
            << "cannot follow the room stream:" << natsStatus_GetText(s) << int(code);
        return false;
    }
    return true;
}

void ClusterBus::onFeed(natsConnection *, natsSubscription *, natsMsg *msg, void *closure)
{
    // On a NATS thread: queue the event for the hub's thread, keeping the order.
    auto *bus = static_cast<ClusterBus *>(closure);
    quint64 seq = 0;
    jsMsgMetaData *meta = nullptr;
    if (natsMsg_GetMetaData(&meta, msg) == NATS_OK) {
        seq = meta->Sequence.Stream;
        jsMsgMetaData_Destroy(meta);
    }
    store::StoredEvent event = ClusterStore::fromMessage(msg, seq);
    natsMsg_Destroy(msg);
    bool wake = false;
    {
        std::lock_guard<std::mutex> lock(bus->m_queueMutex);
        wake = bus->m_queue.empty();
        bus->m_queue.push_back(std::move(event));
    }
    bus->m_queued.notify_all();
    if (wake)
        QMetaObject::invokeMethod(bus, &ClusterBus::drain, Qt::QueuedConnection);
}

void ClusterBus::drain()
{
    std::deque<store::StoredEvent> batch;
    {
        std::lock_guard<std::mutex> lock(m_queueMutex);
        batch.swap(m_queue);
    }
    for (const store::StoredEvent &event : batch) {
        if (quint64(event.seq) <= m_applied.load())
            continue; // already delivered (an ordered consumer's reset re-delivers)
        m_applied = quint64(event.seq);
        if (m_hub)
            m_hub->deliverFromBus(event);
    }
    if (m_hub)
        m_hub->endBusBatch();
}

bool ClusterBus::catchUp()
{
    // Whatever any node stored before this call is delivered here before it returns,
    // so a replay after it shows every message whose sender already saw it stored.
    // Bounded: while NATS recovers, a join waits at most a few seconds.
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + std::chrono::seconds(5);
    std::optional<quint64> last;
    while (m_link->isConnected() && !(last = streamLastSeq()) && Clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (!last)
        return false;
    auto stall = Clock::now() + std::chrono::seconds(2);
    for (;;) {
        drain();
        if (m_applied.load() >= *last)
            return true;
        std::unique_lock<std::mutex> lock(m_queueMutex);
        if (m_queued.wait_until(lock, std::min(stall, deadline),
                                [this] { return !m_queue.empty(); }))
            continue;
        lock.unlock();
        if (Clock::now() >= deadline) {
            qCWarning(lcBus) << "the room stream feed lags behind; refusing the join";
            return false;
        }
        qCWarning(lcBus) << "the room stream feed stalled; following it again";
        subscribeFeed(m_applied.load() + 1);
        stall = deadline;
    }
}

void ClusterBus::publishDraft(const QString &room, const QByteArray &line, const QString &senderId,
                              const QString &recipientId)
{
    natsMsg *msg = nullptr;
    const QByteArray subject = "talker.d." + names::token(room);
    if (natsMsg_Create(&msg, subject.constData(), nullptr, line.constData(), int(line.size())) !=
        NATS_OK)
        return;
    natsMsgHeader_Set(msg, "T-Sender", senderId.toUtf8().constData());
    if (!recipientId.isEmpty())
        natsMsgHeader_Set(msg, "T-To", recipientId.toUtf8().constData());
    natsConnection_PublishMsg(m_link->connection(), msg); // at most once, like a draft
    natsMsg_Destroy(msg);
}

void ClusterBus::onDraft(natsConnection *, natsSubscription *, natsMsg *msg, void *closure)
{
    auto *bus = static_cast<ClusterBus *>(closure);
    const QByteArray subject(natsMsg_GetSubject(msg));
    const QString room = QString::fromUtf8(QByteArray::fromHex(subject.mid(9)));
    const QByteArray line(natsMsg_GetData(msg), natsMsg_GetDataLength(msg));
    const char *sender = nullptr;
    const char *to = nullptr;
    natsMsgHeader_Get(msg, "T-Sender", &sender);
    natsMsgHeader_Get(msg, "T-To", &to);
    const QString senderId = QString::fromUtf8(sender);
    const QString recipientId = QString::fromUtf8(to);
    natsMsg_Destroy(msg);
    QMetaObject::invokeMethod(
        bus,
        [bus, room, line, senderId, recipientId] {
            if (bus->m_hub)
                bus->m_hub->deliverDraft(room, line, senderId, recipientId);
        },
        Qt::QueuedConnection);
}

QList<server::RoomBus::Published> ClusterBus::publishAll(const QList<store::StoredEvent *> &events,
                                                         const QList<qint64> &expectedSeqs)
{
    QList<Published> out(events.size(), Published::Failed);
    // One NATS server lost: the client is on another one within a reconnect wait.
    if (!m_link->waitConnected(2000))
        return out;
    // Unanswered publishes get two more chances: after losing a NATS server the stream
    // elects a new leader within a few seconds. A copy that was stored after all comes
    // back as a conflict, answered like a re-send.
    QList<qsizetype> todo;
    for (qsizetype i = 0; i < events.size(); ++i)
        todo.append(i);
    for (int attempt = 0; attempt < 3 && !todo.isEmpty(); ++attempt) {
        if (attempt > 0 && !m_link->waitConnected(2000))
            break;
        QList<store::StoredEvent *> batch;
        QList<qint64> expected;
        for (qsizetype i : std::as_const(todo)) {
            batch.append(events[i]);
            expected.append(expectedSeqs.value(i));
        }
        QList<bool> stored, conflicts;
        m_store->publishAll(batch, expected, &stored, &conflicts);
        QList<qsizetype> again;
        for (qsizetype k = 0; k < todo.size(); ++k) {
            if (stored[k])
                out[todo[k]] = Published::Stored;
            else if (conflicts[k])
                out[todo[k]] = Published::Conflict;
            else
                again.append(todo[k]);
        }
        todo = again;
    }
    // Delivered before this returns: what the sender's connection answers next (a pong,
    // an error) comes after its own messages, as on a single node.
    quint64 last = 0;
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (out[i] == Published::Stored)
            last = qMax(last, quint64(events[i]->seq));
    }
    if (last > 0 && !waitApplied(last))
        qCWarning(lcBus) << "the room stream feed lags behind the publishes";
    return out;
}

bool ClusterBus::waitApplied(quint64 seq)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    for (;;) {
        drain();
        if (m_applied.load() >= seq)
            return true;
        std::unique_lock<std::mutex> lock(m_queueMutex);
        if (!m_queued.wait_until(lock, deadline, [this] { return !m_queue.empty(); }))
            return false; // the tick follows a stalled feed again
    }
}

void ClusterBus::tick()
{
    // A feed that stopped (NATS lost and back, a consumer gone) is followed again
    // from the last event delivered: nothing is skipped, nothing doubled.
    drain();
    if (!m_link->isConnected())
        return; // NATS away: declare nobody dead, wait for the client to reconnect
    // From where it stopped, never from the stream's end: jumping there would skip the
    // events stored meanwhile for this node's clients (only the very first follow of
    // this node, before it delivered anything, starts at the end).
    if (!m_feed && !subscribeFeed(m_feedStarted ? m_applied.load() + 1 : 0))
        return;
    const quint64 last = streamLastSeq().value_or(0);
    const quint64 applied = m_applied.load();
    if (last > applied && applied == m_lastTickApplied) {
        if (++m_stalledTicks >= 2) {
            qCWarning(lcBus) << "the room stream feed stalled at" << applied << "of" << last
                             << "; following it again";
            subscribeFeed(applied + 1);
            m_stalledTicks = 0;
        }
    } else {
        m_stalledTicks = 0;
    }
    m_lastTickApplied = applied;
    m_presence.sweep(false);
}

void ClusterBus::startHeartbeat()
{
    // On its own thread: an event loop that waits for NATS (a failover, a slow replay)
    // must not make the other nodes think this one died.
    stopHeartbeat();
    m_heartbeatStop = false;
    m_heartbeat = std::thread([this] {
        std::unique_lock<std::mutex> lock(m_heartbeatMutex);
        while (!m_heartbeatStop) {
            lock.unlock();
            uint64_t rev = 0;
            kvStore_PutString(&rev, m_link->nodes(), m_nodeKey.constData(), "alive");
            lock.lock();
            m_heartbeatWake.wait_for(lock, std::chrono::milliseconds(500),
                                     [this] { return m_heartbeatStop; });
        }
    });
}

void ClusterBus::stopHeartbeat()
{
    if (!m_heartbeat.joinable())
        return;
    {
        std::lock_guard<std::mutex> lock(m_heartbeatMutex);
        m_heartbeatStop = true;
    }
    m_heartbeatWake.notify_all();
    m_heartbeat.join();
}

bool ClusterBus::online(const QString &room, const protocol::User &user)
{
    return m_presence.online(room, user);
}

bool ClusterBus::inactive(const QString &room, const QString &userId)
{
    return m_presence.inactive(room, userId);
}

QByteArray ClusterBus::offline(const QString &room, const QString &userId, bool closed)
{
    return m_presence.offline(room, userId, closed);
}

std::optional<protocol::User> ClusterBus::member(const QString &room, const QString &idOrName)
{
    return m_presence.member(room, idOrName);
}

QList<protocol::User> ClusterBus::members(const QString &room)
{
    return m_presence.members(room);
}

} // namespace talker::cluster
