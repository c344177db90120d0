// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/replaycursor.h"

#include "protocol/events.h"
#include "store/store.h"

#include <algorithm>

namespace talker::server {

namespace {
constexpr int kMaxBatchRows = 256;
}

ReplayCursor::ReplayCursor(store::Store *store, const QString &room, const QString &userId,
                           qint64 afterSeq, qint64 upToSeq)
    : m_store(store)
    , m_room(room)
    , m_userId(userId)
    , m_afterSeq(afterSeq)
    , m_upToSeq(upToSeq)
    , m_exhausted(afterSeq >= upToSeq)
{}

ReplayCursor::~ReplayCursor() = default;

std::unique_ptr<ReplayCursor> ReplayCursor::forConnect(store::Store *store, const QString &room,
                                                       const QString &userId,
                                                       const protocol::ConnectEvent &event,
                                                       qint64 upToSeq, int cap)
{
    cap = qMax(0, cap);
    qint64 after = -1;
    int count = cap;
    if (event.lastEventId && !event.lastEventId->isEmpty())
        after = store->firstSeq(room, *event.lastEventId);
    if (after < 0 && event.history && *event.history > 0) {
        after = 0;
        count = qMin(*event.history, cap);
    }
    if (after < 0 || count <= 0 || after >= upToSeq)
        return nullptr;
    // Only the newest `count` of what is missing.
    after = store->seqBeforeNewest(room, userId, after, upToSeq, count);
    return std::make_unique<ReplayCursor>(store, room, userId, after, upToSeq);
}

void ReplayCursor::setTrailer(std::function<QByteArray(int)> trailer)
{
    m_trailer = std::move(trailer);
}

void ReplayCursor::fetch()
{
    m_batch.clear();
    m_batchPos = 0;
    const QList<store::StoredEvent> rows =
        m_store->eventsBetween(m_room, m_userId, m_afterSeq, m_upToSeq, m_batchRows);
    if (rows.size() < m_batchRows)
        m_exhausted = true; // a failed read ends the stretch too, rather than spinning
    if (rows.isEmpty())
        return;
    qint64 bytes = 0;
    m_batch.reserve(rows.size());
    for (const store::StoredEvent &e : rows) {
        m_batch.append(e.line);
        bytes += e.line.size();
    }
    m_afterSeq = rows.last().seq;
    // Size the next batch to about kBatchBytes from the lines just seen.
    const qint64 average = qMax<qint64>(1, bytes / rows.size());
    m_batchRows = int(std::clamp<qint64>(kBatchBytes / average, 1, kMaxBatchRows));
}

bool ReplayCursor::next(QByteArray *line)
{
    if (m_batchPos >= m_batch.size() && !m_exhausted)
        fetch();
    if (m_batchPos < m_batch.size()) {
        ++m_count;
        // Hand the line over and let go of it here, so memory falls as the batch drains.
        *line = std::exchange(m_batch[m_batchPos++], QByteArray());
        return true;
    }
    if (m_trailer) {
        const auto trailer = std::exchange(m_trailer, nullptr);
        *line = trailer(m_count);
        return !line->isEmpty();
    }
    return false;
}

} // namespace talker::server
