// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "client/timeline.h"

#include "client/historycache.h"

#include <utility>

namespace talker::client {

Timeline::Timeline(const QString &key, QObject *parent)
    : QObject(parent)
    , m_key(key)
{}

int Timeline::indexOf(const QString &id) const
{
    if (id.isEmpty() || !m_ids.contains(id))
        return -1;
    // recent messages are looked up far more often: search from the end
    for (int row = count() - 1; row >= 0; --row) {
        if (m_messages.at(row).id == id)
            return row;
    }
    return -1;
}

Message Timeline::lookup(const QString &id) const
{
    if (const int row = indexOf(id); row >= 0)
        return m_messages.at(row);
    if (!m_cache || id.isEmpty())
        return Message();
    const QList<Message> found = m_cache->after(m_key, id, 1, true);
    return found.isEmpty() ? Message() : found.constFirst();
}

int Timeline::pendingStart() const
{
    int row = count();
    while (row > 0 && m_messages.at(row - 1).delivery != Message::Delivery::Sent)
        --row;
    return row;
}

void Timeline::insertAt(int row, const Message &message)
{
    announceBatch();
    emit aboutToInsert(row, row);
    m_messages.insert(row, message);
    m_ids.insert(message.id);
    emit rowsInserted(row, row);
    emit countChanged();
    refreshDivider();
}

int Timeline::sentRow(const Message &message) const
{
    int row = count();
    while (row > 0) {
        const Message &above = m_messages.at(row - 1);
        if (above.delivery == Message::Delivery::Sent ||
            (above.delivery == Message::Delivery::Failed && above.time <= message.time))
            break;
        --row;
    }
    return row;
}

void Timeline::append(const Message &message)
{
    if (message.delivery == Message::Delivery::Sent && !m_atLiveEnd) {
        m_newestAway = message; // in the cache; shown when the window comes back down
        emit newestChanged();
        return;
    }
    int row = count();
    if (message.delivery == Message::Delivery::Sent) {
        row = sentRow(message);
    } else if (message.delivery == Message::Delivery::Failed) {
        // a failed message from an earlier run goes back to its place in time
        while (row > 0 && (m_messages.at(row - 1).delivery == Message::Delivery::Pending ||
                           m_messages.at(row - 1).time > message.time))
            --row;
    }
    if (m_batchDepth > 0 && row == count()) {
        // at the end: announced with the rest of the batch (the model's rows before it
        // stay valid)
        if (m_unannouncedFrom < 0)
            m_unannouncedFrom = row;
        m_messages.append(message);
        m_ids.insert(message.id);
        return;
    }
    insertAt(row, message);
    if (m_batchDepth == 0)
        trim();
}

void Timeline::announceBatch()
{
    if (m_unannouncedFrom < 0)
        return;
    const int first = std::exchange(m_unannouncedFrom, -1);
    const int last = count() - 1;
    emit aboutToInsert(first, last);
    emit rowsInserted(first, last);
    emit countChanged();
    refreshDivider();
}

void Timeline::endBatch()
{
    if (m_batchDepth <= 0 || --m_batchDepth > 0)
        return;
    announceBatch();
    trim();
}

void Timeline::replace(int row, const Message &message)
{
    if (row < 0 || row >= count())
        return;
    announceBatch();
    const Message &old = m_messages.at(row);
    const bool firstConfirmation = old.delivery != Message::Delivery::Sent && !old.edited &&
                                   message.delivery == Message::Delivery::Sent;
    if (firstConfirmation && row >= pendingStart()) {
        // move it from the unconfirmed block to the end of the confirmed messages
        int target = row;
        while (target > 0 && m_messages.at(target - 1).delivery != Message::Delivery::Sent &&
               (m_messages.at(target - 1).delivery == Message::Delivery::Pending ||
                m_messages.at(target - 1).time > message.time))
            --target;
        if (target != row) {
            removeAt(row);
            insertAt(target, message);
            return;
        }
    }
    if (old.id != message.id) {
        m_ids.remove(old.id);
        m_ids.insert(message.id);
    }
    m_messages[row] = message;
    emit rowChanged(row);
    refreshDivider();
}

void Timeline::removeAt(int row)
{
    if (row >= 0 && row < count())
        removeRange(row, row);
}

void Timeline::removeRange(int first, int last)
{
    announceBatch();
    emit aboutToRemove(first, last);
    for (int i = first; i <= last; ++i)
        m_ids.remove(m_messages.at(i).id);
    m_messages.remove(first, last - first + 1);
    emit rowsRemoved(first, last);
    emit countChanged();
    refreshDivider();
}

void Timeline::reset(const QList<Message> &messages)
{
    m_unannouncedFrom = -1; // replaced anyway
    emit aboutToReset();
    m_messages = messages;
    m_ids.clear();
    for (const Message &m : std::as_const(m_messages))
        m_ids.insert(m.id);
    m_trimBlocked = false;
    m_dividerId = divider(); // the reset announces every row
    emit modelReset();
    emit countChanged();
    const QString oldest = oldestSentId();
    setCanFetchOlder(m_cache && !oldest.isEmpty() && !m_cache->before(m_key, oldest, 1).isEmpty());
}

void Timeline::showWindow(const QList<Message> &messages, bool atLiveEnd)
{
    QList<Message> rows = messages;
    for (const Message &u : unconfirmed()) {
        qsizetype row = rows.size();
        while (u.delivery == Message::Delivery::Failed && row > 0 &&
               rows.at(row - 1).delivery == Message::Delivery::Sent &&
               rows.at(row - 1).time > u.time)
            --row;
        rows.insert(row, u);
    }
    if (!atLiveEnd && m_atLiveEnd)
        m_newestAway = newestSent();
    reset(rows);
    setAtLiveEnd(atLiveEnd);
}

int Timeline::fetchOlder(int max)
{
    if (!m_cache || max <= 0)
        return 0;
    const QString oldest = oldestSentId();
    if (m_gapStops.contains(oldest))
        return 0; // a hole in the cache below: the pager fills it first
    QList<Message> older =
        oldest.isEmpty() ? m_cache->latest(m_key, max) : m_cache->before(m_key, oldest, max);
    bool more = int(older.size()) >= max;
    for (qsizetype i = older.size() - 1; i > 0; --i) {
        if (m_gapStops.contains(older.at(i).id)) {
            older.remove(0, i); // below a hole
            more = true;
            break;
        }
    }
    QList<Message> fresh;
    fresh.reserve(older.size());
    for (const Message &m : older) {
        if (!m_ids.contains(m.id))
            fresh.append(m);
    }
    if (!fresh.isEmpty()) {
        announceBatch();
        const int n = int(fresh.size());
        emit aboutToInsert(0, n - 1);
        m_trimBlocked = true;
        m_messages = fresh + m_messages;
        for (const Message &m : std::as_const(fresh))
            m_ids.insert(m.id);
        emit rowsInserted(0, n - 1);
        emit countChanged();
        refreshDivider();
        trimNewest();
    }
    setCanFetchOlder(more);
    return int(fresh.size());
}

void Timeline::setGaps(const QHash<QString, QString> &gaps)
{
    m_gapStops = QSet<QString>(gaps.keyBegin(), gaps.keyEnd());
    int below = -1; // the newest row under a hole
    for (const QString &after : gaps)
        below = qMax(below, indexOf(after));
    int last = -1;
    while (last < below && m_messages.at(last + 1).delivery == Message::Delivery::Sent)
        ++last;
    if (last >= 0) {
        removeRange(0, last); // paging brings them back once the hole is filled
        setCanFetchOlder(true);
    }
}

int Timeline::fetchNewer(int max)
{
    if (!m_cache || max <= 0 || m_atLiveEnd)
        return 0;
    const QString newest = newestSent().id;
    const QList<Message> newer =
        newest.isEmpty() ? m_cache->latest(m_key, max) : m_cache->after(m_key, newest, max);
    QList<Message> fresh;
    fresh.reserve(newer.size());
    for (const Message &m : newer) {
        if (!m_ids.contains(m.id))
            fresh.append(m);
    }
    if (!fresh.isEmpty()) {
        announceBatch();
        const int first = sentRow(fresh.constFirst());
        const int last = first + int(fresh.size()) - 1;
        emit aboutToInsert(first, last);
        for (qsizetype i = 0; i < fresh.size(); ++i) {
            m_messages.insert(first + i, fresh.at(i));
            m_ids.insert(fresh.at(i).id);
        }
        emit rowsInserted(first, last);
        emit countChanged();
        refreshDivider();
    }
    if (newest.isEmpty() || int(newer.size()) < max)
        setAtLiveEnd(true);
    m_trimBlocked = false;
    trim();
    return int(fresh.size());
}

void Timeline::showLatest()
{
    if (m_atLiveEnd)
        return;
    showWindow(m_cache ? m_cache->latest(m_key, qMin(m_windowSize, 200)) : QList<Message>(), true);
}

void Timeline::setLastReadId(const QString &id)
{
    if (m_lastReadId == id)
        return;
    announceBatch();
    m_lastReadId = id;
    emit lastReadIdChanged();
    refreshDivider();
}

QString Timeline::divider() const
{
    // Below the last read message, unless the user wrote since: their own message says
    // they read what came before it (and the divider never sits above it).
    const int read = indexOf(m_lastReadId);
    if (read < 0 || read + 1 >= count())
        return QString();
    for (int row = read + 1; row < count(); ++row) {
        if (m_messages.at(row).isOwn)
            return QString();
    }
    return m_messages.at(read + 1).id;
}

void Timeline::refreshDivider()
{
    const QString next = divider();
    if (next == m_dividerId)
        return;
    const QString old = std::exchange(m_dividerId, next);
    for (const QString &id : {old, next}) {
        const int row = indexOf(id);
        if (row >= 0 && row < announcedCount())
            emit rowChanged(row);
    }
}

int Timeline::fetchFirstPage(int max)
{
    const int read = fetchOlder(max);
    m_trimBlocked = false;
    return read;
}

void Timeline::trim()
{
    // Older pages the user scrolled to stay until the window is exceeded twice over;
    // then the oldest rows go back to the cache.
    // Trimming works in chunks of an eighth of the window to keep row removals rare.
    const int limit = (m_trimBlocked ? 2 * m_windowSize : m_windowSize) + m_windowSize / 8;
    if (m_windowSize <= 0 || count() <= limit)
        return;
    int drop = count() - m_windowSize;
    for (int row = 0; row < drop; ++row) {
        if (m_messages.at(row).delivery != Message::Delivery::Sent) {
            drop = row; // unconfirmed messages are not in the cache: they stay
            break;
        }
    }
    if (drop == 0)
        return;
    removeRange(0, drop - 1);
    m_trimBlocked = false;
    setCanFetchOlder(m_cache != nullptr);
}

void Timeline::trimNewest()
{
    if (m_windowSize <= 0 || count() <= m_windowSize + m_windowSize / 8)
        return;
    if (m_atLiveEnd)
        m_newestAway = newestSent();
    // confirmed rows beyond the window go back to the cache, in runs from the bottom
    int row = count();
    while (row > m_windowSize) {
        while (row > m_windowSize && m_messages.at(row - 1).delivery != Message::Delivery::Sent)
            --row;
        int first = row;
        while (first > m_windowSize && m_messages.at(first - 1).delivery == Message::Delivery::Sent)
            --first;
        if (first < row)
            removeRange(first, row - 1);
        row = first;
    }
    m_trimBlocked = false;
    setAtLiveEnd(false);
}

Message Timeline::newest() const
{
    for (int row = count() - 1; row >= 0; --row) {
        const Message &m = m_messages.at(row);
        if (m.delivery == Message::Delivery::Failed)
            continue;
        if (m.delivery == Message::Delivery::Pending || m_atLiveEnd)
            return m;
        break;
    }
    return m_atLiveEnd ? Message() : m_newestAway;
}

int Timeline::newestRow() const
{
    if (!m_atLiveEnd)
        return count();
    int row = count() - 1;
    while (row > 0 && m_messages.at(row).delivery != Message::Delivery::Sent)
        --row;
    return qMax(row, 0);
}

Message Timeline::newestSent() const
{
    for (int row = count() - 1; row >= 0; --row) {
        if (m_messages.at(row).delivery == Message::Delivery::Sent)
            return m_messages.at(row);
    }
    return Message();
}

QString Timeline::oldestSentId() const
{
    for (const Message &m : m_messages) {
        if (m.delivery == Message::Delivery::Sent)
            return m.id;
    }
    return QString();
}

QList<Message> Timeline::unconfirmed() const
{
    QList<Message> out;
    for (const Message &m : m_messages) {
        if (m.delivery != Message::Delivery::Sent)
            out.append(m);
    }
    return out;
}

void Timeline::setAtLiveEnd(bool on)
{
    if (m_atLiveEnd == on)
        return;
    m_atLiveEnd = on;
    if (on)
        m_newestAway = Message();
    emit atLiveEndChanged();
}

void Timeline::setCanFetchOlder(bool can)
{
    if (m_canFetchOlder == can)
        return;
    m_canFetchOlder = can;
    emit canFetchOlderChanged();
}

} // namespace talker::client
