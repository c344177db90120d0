// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// ClusterStore's reads of room history from the TALKER_ROOMS stream: the latest state
// of a message, replays (last_event_id, history:N) and history pages.
#include "cluster/clusterstore.h"

#include "cluster/natslink.h"
#include "protocol/codec.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <deque>

namespace talker::cluster {

namespace {

constexpr int64_t kReadTimeoutMs = 2000;

bool visibleTo(const store::StoredEvent &e, const QString &userId)
{
    return e.recipientId.isEmpty() || e.senderId == userId || e.recipientId == userId;
}

} // namespace

std::optional<store::StoredEvent> ClusterStore::latest(const QString &room, const QString &id)
{
    m_error.clear();
    natsMsg *msg = nullptr;
    jsErrCode code = jsErrCode(0);
    const QByteArray subject = names::eventSubject(room, id);
    const natsStatus s =
        js_GetLastMsg(&msg, m_link->js(), names::kStream, subject.constData(), nullptr, &code);
    if (s != NATS_OK) {
        if (s != NATS_NOT_FOUND)
            fail(s, "latest", code);
        return std::nullopt;
    }
    store::StoredEvent e = fromMessage(msg, natsMsg_GetSequence(msg));
    natsMsg_Destroy(msg);
    if (e.kind == store::EventKind::Message) {
        const protocol::DecodeResult decoded = protocol::decode(e.line.trimmed());
        if (decoded.ok()) {
            if (const auto *m = std::get_if<protocol::MessageEvent>(&*decoded.event))
                e.content = m->deleted ? QString() : m->content;
        }
    }
    return e;
}

quint64 ClusterStore::firstSeq(const QByteArray &subject, quint64 from)
{
    // Asked of the stream leader, not with a direct get that any replica answers: a
    // replica that just came back may not have the newest events yet.
    const QByteArray request =
        QJsonDocument(QJsonObject{{QStringLiteral("seq"), double(qMax<quint64>(1, from))},
                                  {QStringLiteral("next_by_subj"), QString::fromUtf8(subject)}})
            .toJson(QJsonDocument::Compact);
    natsMsg *reply = nullptr;
    const QByteArray api = QByteArray("$JS.API.STREAM.MSG.GET.") + names::kStream;
    const natsStatus s =
        natsConnection_Request(&reply, m_link->connection(), api.constData(), request.constData(),
                               int(request.size()), kReadTimeoutMs);
    if (s != NATS_OK) {
        fail(s, "history");
        return 0;
    }
    const QJsonObject answer =
        QJsonDocument::fromJson(QByteArray(natsMsg_GetData(reply), natsMsg_GetDataLength(reply)))
            .object();
    natsMsg_Destroy(reply);
    const QJsonObject message = answer.value(QLatin1String("message")).toObject();
    if (message.isEmpty()) {
        const int code =
            answer.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toInt();
        if (code != 404)
            m_error = QStringLiteral("history: JetStream error %1").arg(code);
        return 0;
    }
    return quint64(message.value(QLatin1String("seq")).toDouble());
}

QList<store::StoredEvent> ClusterStore::readRoom(const QString &room, quint64 from,
                                                 const QString &userId, int keep)
{
    return readRoom(room, from, m_horizon ? m_horizon() : 0, keep,
                    [&userId](const store::StoredEvent &e) {
                        return int(e.kind) <= int(store::EventKind::Leave) && visibleTo(e, userId);
                    });
}

/// One read of a room's events: where it goes on from and the newest accepted so far.
struct ClusterStore::RoomRead
{
    QByteArray filter;
    quint64 horizon = 0; ///< the last sequence to read (0: to the end)
    int keep = 0;
    const Accept &accept;
    quint64 next = 0; ///< the stream sequence to go on from
    std::deque<store::StoredEvent> newest;
    bool done = false; ///< read up to the horizon or the room's end

    void take(store::StoredEvent &&e)
    {
        if (!accept(e))
            return;
        newest.push_back(std::move(e));
        if (int(newest.size()) > keep)
            newest.pop_front();
    }
};

QList<store::StoredEvent> ClusterStore::readRoom(const QString &room, quint64 from, quint64 horizon,
                                                 int keep, const Accept &accept)
{
    RoomRead read{names::roomFilter(room), horizon, keep, accept, 0, {}, false};
    const quint64 first = firstSeq(read.filter, from);
    if (first == 0 || (horizon && first > horizon) || keep <= 0)
        return {};
    read.next = first;
    // A read that stalls (NATS busy or failing over) resumes where it stopped; a replay
    // is never cut short silently: after the last attempt lastError() says so.
    for (int attempt = 0; attempt < 5 && !read.done; ++attempt) {
        natsSubscription *sub = subscribeFrom(read.filter, read.next);
        if (!sub)
            continue;
        readOn(sub, &read);
        natsSubscription_Unsubscribe(sub);
        natsSubscription_Destroy(sub);
    }
    if (read.done)
        m_error.clear();
    QList<store::StoredEvent> out;
    out.reserve(int(read.newest.size()));
    for (auto &e : read.newest)
        out.append(std::move(e));
    return out;
}

natsSubscription *ClusterStore::subscribeFrom(const QByteArray &filter, quint64 seq)
{
    jsSubOptions so;
    jsSubOptions_Init(&so);
    so.Stream = names::kStream;
    so.Config.DeliverPolicy = js_DeliverByStartSequence;
    so.Config.OptStartSeq = seq;
    so.Config.AckPolicy = js_AckNone;
    natsSubscription *sub = nullptr;
    jsErrCode code = jsErrCode(0);
    const natsStatus s =
        js_SubscribeSync(&sub, m_link->js(), filter.constData(), nullptr, &so, &code);
    if (s != NATS_OK) {
        fail(s, "history", code);
        return nullptr;
    }
    return sub;
}

void ClusterStore::readOn(natsSubscription *sub, RoomRead *read)
{
    for (;;) {
        natsMsg *msg = nullptr;
        const natsStatus s = natsSubscription_NextMsg(&msg, sub, kReadTimeoutMs);
        if (s != NATS_OK) {
            fail(s, "history");
            return;
        }
        jsMsgMetaData *meta = nullptr;
        quint64 seq = 0, pending = 0;
        if (natsMsg_GetMetaData(&meta, msg) == NATS_OK) {
            seq = meta->Sequence.Stream;
            pending = meta->NumPending;
            jsMsgMetaData_Destroy(meta);
        }
        if (read->horizon && seq > read->horizon) {
            natsMsg_Destroy(msg);
            read->done = true;
            return;
        }
        read->take(fromMessage(msg, seq));
        natsMsg_Destroy(msg);
        read->next = seq + 1;
        if (read->horizon && seq >= read->horizon) {
            read->done = true;
            return;
        }
        if (pending == 0) {
            // The consumer's count can lag on a busy server: ask the stream itself
            // whether the room has more up to the horizon before stopping.
            const quint64 more = firstSeq(read->filter, seq + 1);
            read->done = more == 0 || (read->horizon && more > read->horizon);
            return; // if not done: the next attempt reads on from `next`
        }
    }
}

QList<store::StoredEvent> ClusterStore::eventsAfter(const QString &room, const QString &afterId,
                                                    const QString &userId, int cap, bool *found)
{
    m_error.clear();
    const quint64 at = firstSeq(names::eventSubject(room, afterId), 1);
    // An error is not "unknown id": no fallback to history:N, the caller sees lastError().
    if (found)
        *found = at != 0 || !m_error.isEmpty();
    if (at == 0)
        return {};
    return readRoom(room, at + 1, userId, cap);
}

QList<store::StoredEvent> ClusterStore::lastEvents(const QString &room, const QString &userId,
                                                   int count)
{
    m_error.clear();
    // Reads the room from its start and keeps the tail (docs/cluster.md: limits).
    return readRoom(room, 1, userId, count);
}

store::HistoryPage ClusterStore::historyBefore(const QString &room, const QString &beforeId,
                                               const QString &userId, int limit)
{
    m_error.clear();
    store::HistoryPage page;
    const quint64 at = firstSeq(names::eventSubject(room, beforeId), 1);
    page.available = m_error.isEmpty(); // NATS away: "History not available"
    if (at == 0 || !page.available)
        return page;
    page.found = true;
    if (at <= 1)
        return page;
    // Each message once, at its first event, in its latest state; join and leave as
    // they are. Read from the room's start (docs/cluster.md: limits), keeping the tail.
    QSet<QString> seen;
    const QList<store::StoredEvent> events =
        readRoom(room, 1, at - 1, qMax(0, limit) + 1, [&](const store::StoredEvent &e) {
            if (int(e.kind) > int(store::EventKind::Leave) || !visibleTo(e, userId))
                return false;
            if (e.kind != store::EventKind::Message)
                return true;
            if (seen.contains(e.id))
                return false; // an edit: the message is at its first event
            seen.insert(e.id);
            return true;
        });
    if (!m_error.isEmpty()) {
        page.available = false;
        return page;
    }
    page.more = events.size() > limit;
    for (qsizetype i = page.more ? 1 : 0; i < events.size(); ++i) {
        const store::StoredEvent &e = events[i];
        qint64 seq = e.seq;
        if (e.kind == store::EventKind::Message) {
            if (const auto newest = latest(room, e.id))
                seq = newest->seq;
        }
        page.lineSeqs.append(seq);
    }
    return page;
}

std::optional<QByteArray> ClusterStore::lineAt(qint64 seq)
{
    m_error.clear();
    natsMsg *msg = nullptr;
    jsErrCode code = jsErrCode(0);
    const natsStatus s =
        js_GetMsg(&msg, m_link->js(), names::kStream, uint64_t(seq), nullptr, &code);
    if (s != NATS_OK) {
        fail(s, "history", code);
        return std::nullopt;
    }
    QByteArray line(natsMsg_GetData(msg), natsMsg_GetDataLength(msg));
    natsMsg_Destroy(msg);
    return line;
}

} // namespace talker::cluster
