// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cluster/clusterbus.h"

#include "cluster/clusterstore.h"
#include "cluster/natslink.h"
#include "protocol/codec.h"
#include "server/hub.h"
#include "store/token.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>
#include <thread>

namespace talker::cluster {

Q_LOGGING_CATEGORY(lcBus, "talker.cluster.bus")

namespace {

// Roster fields: {"<user id>": {"n": name, "i": idle, "s": idle since (epoch ms),
//                               "c": {"<node>": active here}}}
const QString kName = QStringLiteral("n");
const QString kIdle = QStringLiteral("i");
const QString kSince = QStringLiteral("s");
const QString kNodes = QStringLiteral("c");

QByteArray rosterKey(const QString &room)
{
    return "room." + names::token(room);
}

qint64 wallMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

protocol::User userOf(const QString &id, const QJsonObject &entry)
{
    return protocol::User{id, entry.value(kName).toString(), entry.value(kIdle).toBool()};
}

bool anyActive(const QJsonObject &nodes)
{
    for (auto it = nodes.begin(); it != nodes.end(); ++it) {
        if (it.value().toBool())
            return true;
    }
    return false;
}

} // namespace

ClusterBus::ClusterBus(NatsLink *link, ClusterStore *store, const Options &options, QObject *parent)
    : QObject(parent)
    , m_link(link)
    , m_store(store)
    , m_options(options)
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
    sweep(true);
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
    return out;
}

QJsonObject ClusterBus::roster(const QString &room, uint64_t *revision)
{
    if (revision)
        *revision = 0;
    kvEntry *entry = nullptr;
    if (kvStore_Get(&entry, m_link->presence(), rosterKey(room).constData()) != NATS_OK)
        return QJsonObject();
    if (revision)
        *revision = kvEntry_Revision(entry);
    const QByteArray value(static_cast<const char *>(kvEntry_Value(entry)),
                           kvEntry_ValueLen(entry));
    kvEntry_Destroy(entry);
    return QJsonDocument::fromJson(value).object();
}

bool ClusterBus::change(const QString &room, const Edit &edit, QByteArray *published)
{
    const QByteArray key = rosterKey(room);
    for (int attempt = 0; attempt < 100; ++attempt) {
        uint64_t revision = 0;
        QJsonObject value = roster(room, &revision);
        const QJsonObject before = value;
        const QList<Change> changes = edit(value);
        if (value == before && changes.isEmpty())
            return true;
        const QByteArray data = QJsonDocument(value).toJson(QJsonDocument::Compact);
        uint64_t rev = 0;
        const natsStatus s = revision ? kvStore_Update(&rev, m_link->presence(), key.constData(),
                                                       data.constData(), int(data.size()), revision)
                                      : kvStore_Create(&rev, m_link->presence(), key.constData(),
                                                       data.constData(), int(data.size()));
        if (s == NATS_OK) {
            for (const Change &c : changes) {
                const QByteArray line = publishPresence(room, c);
                if (published)
                    *published = line;
            }
            return true;
        }
        if (!m_link->isConnected())
            break;
    }
    qCWarning(lcBus) << "presence of room" << room << "not updated";
    return false;
}

QByteArray ClusterBus::publishPresence(const QString &room, const Change &change)
{
    protocol::PresenceEvent p;
    switch (change.kind) {
    case int(store::EventKind::Join):
        p.kind = protocol::PresenceEvent::Kind::Join;
        break;
    case int(store::EventKind::Leave):
        p.kind = protocol::PresenceEvent::Kind::Leave;
        break;
    case ClusterStore::kIdle:
        p.kind = protocol::PresenceEvent::Kind::Idle;
        break;
    default:
        p.kind = protocol::PresenceEvent::Kind::Back;
        break;
    }
    p.user = change.user;
    p.user.idle = false;
    p.time = QDateTime::currentSecsSinceEpoch();
    p.id = store::generateEventId();
    store::StoredEvent e;
    e.room = room;
    e.id = p.id;
    e.kind = store::EventKind(change.kind);
    e.senderId = change.user.id;
    e.time = p.time;
    e.line = protocol::encode(p);
    if (!m_store->publish(&e, 0, nullptr)) {
        qCWarning(lcBus) << "could not publish presence:" << m_store->lastError();
        return QByteArray();
    }
    return e.line;
}

void ClusterBus::online(const QString &room, const protocol::User &user)
{
    change(room, [&](QJsonObject &roster) {
        QList<Change> out;
        QJsonObject entry = roster.value(user.id).toObject();
        QJsonObject nodes = entry.value(kNodes).toObject();
        nodes.insert(m_options.nodeName, true);
        if (entry.isEmpty()) {
            entry.insert(kName, user.name);
            out.append({int(store::EventKind::Join), user});
        } else if (entry.value(kIdle).toBool()) {
            out.append({ClusterStore::kBack, user});
        }
        entry.insert(kIdle, false);
        entry.insert(kNodes, nodes);
        roster.insert(user.id, entry);
        return out;
    });
}

void ClusterBus::inactive(const QString &room, const QString &userId)
{
    change(room, [&](QJsonObject &roster) {
        QList<Change> out;
        QJsonObject entry = roster.value(userId).toObject();
        if (entry.isEmpty())
            return out;
        QJsonObject nodes = entry.value(kNodes).toObject();
        nodes.insert(m_options.nodeName, false);
        entry.insert(kNodes, nodes);
        if (!entry.value(kIdle).toBool() && !anyActive(nodes)) {
            entry.insert(kIdle, true);
            entry.insert(kSince, wallMs());
            out.append({ClusterStore::kIdle, userOf(userId, entry)});
        }
        roster.insert(userId, entry);
        return out;
    });
}

QByteArray ClusterBus::offline(const QString &room, const QString &userId, bool closed)
{
    QByteArray leave;
    change(
        room,
        [&](QJsonObject &roster) {
            QList<Change> out;
            QJsonObject entry = roster.value(userId).toObject();
            if (entry.isEmpty())
                return out;
            QJsonObject nodes = entry.value(kNodes).toObject();
            nodes.remove(m_options.nodeName);
            entry.insert(kNodes, nodes);
            if (closed && nodes.isEmpty()) {
                roster.remove(userId);
                out.append({int(store::EventKind::Leave), userOf(userId, entry)});
                return out;
            }
            if (!entry.value(kIdle).toBool() && !anyActive(nodes)) {
                entry.insert(kIdle, true);
                entry.insert(kSince, wallMs());
                out.append({ClusterStore::kIdle, userOf(userId, entry)});
            }
            roster.insert(userId, entry);
            return out;
        },
        &leave);
    return leave;
}

std::optional<protocol::User> ClusterBus::member(const QString &room, const QString &idOrName)
{
    const QJsonObject r = roster(room);
    if (r.contains(idOrName))
        return userOf(idOrName, r.value(idOrName).toObject());
    for (auto it = r.begin(); it != r.end(); ++it) {
        if (it.value().toObject().value(kName).toString() == idOrName)
            return userOf(it.key(), it.value().toObject());
    }
    return std::nullopt;
}

QList<protocol::User> ClusterBus::members(const QString &room)
{
    QList<protocol::User> out;
    const QJsonObject r = roster(room);
    for (auto it = r.begin(); it != r.end(); ++it)
        out.append(userOf(it.key(), it.value().toObject()));
    return out;
}

void ClusterBus::tick()
{
    // A feed that stopped (NATS lost and back, a consumer gone) is followed again
    // from the last event delivered: nothing is skipped, nothing doubled.
    drain();
    if (!m_link->isConnected())
        return; // NATS away: declare nobody dead, wait for the client to reconnect
    if (!m_feed && !subscribeFeed(0))
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
    sweep(false);
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

void ClusterBus::sweep(bool forgetSelf)
{
    uint64_t rev = 0;
    if (kvStore_PutString(&rev, m_link->nodes(), m_nodeKey.constData(), "alive") != NATS_OK)
        return; // NATS away: declare nobody dead
    kvKeysList keys;
    if (kvStore_Keys(&keys, m_link->nodes(), nullptr) != NATS_OK)
        return;
    QSet<QString> alive;
    for (int i = 0; i < keys.Count; ++i)
        alive.insert(QString::fromUtf8(QByteArray::fromHex(QByteArray(keys.Keys[i]))));
    kvKeysList_Destroy(&keys);
    if (forgetSelf)
        alive.remove(m_options.nodeName);
    if (kvStore_Keys(&keys, m_link->presence(), nullptr) != NATS_OK)
        return;
    for (int i = 0; i < keys.Count; ++i) {
        const QByteArray key(keys.Keys[i]);
        sweepRoom(QString::fromUtf8(QByteArray::fromHex(key.mid(5))), alive);
    }
    kvKeysList_Destroy(&keys);
}

void ClusterBus::sweepRoom(const QString &room, const QSet<QString> &alive)
{
    const qint64 now = wallMs();
    change(room, [&](QJsonObject &roster) {
        QList<Change> out;
        for (const QString &id : roster.keys()) {
            QJsonObject entry = roster.value(id).toObject();
            QJsonObject nodes = entry.value(kNodes).toObject();
            for (const QString &node : nodes.keys()) {
                if (!alive.contains(node))
                    nodes.remove(node); // that node died with the user's connections
            }
            entry.insert(kNodes, nodes);
            if (!entry.value(kIdle).toBool() && !anyActive(nodes)) {
                entry.insert(kIdle, true);
                entry.insert(kSince, now);
                out.append({ClusterStore::kIdle, userOf(id, entry)});
            } else if (entry.value(kIdle).toBool() &&
                       now - qint64(entry.value(kSince).toDouble()) >= m_options.leaveTimeoutMs) {
                roster.remove(id);
                out.append({int(store::EventKind::Leave), userOf(id, entry)});
                continue;
            }
            roster.insert(id, entry);
        }
        return out;
    });
}

} // namespace talker::cluster
