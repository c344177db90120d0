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
}

void Timeline::append(const Message &message)
{
    const int row = message.delivery == Message::Delivery::Sent ? pendingStart() : count();
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
    if (firstConfirmation && row >= pendingStart() && row != pendingStart()) {
        // move it from the pending block to the end of the confirmed messages
        removeAt(row);
        insertAt(pendingStart(), message);
        return;
    }
    if (old.id != message.id) {
        m_ids.remove(old.id);
        m_ids.insert(message.id);
    }
    m_messages[row] = message;
    emit rowChanged(row);
}

void Timeline::removeAt(int row)
{
    if (row < 0 || row >= count())
        return;
    announceBatch();
    emit aboutToRemove(row, row);
    m_ids.remove(m_messages.at(row).id);
    m_messages.removeAt(row);
    emit rowsRemoved(row, row);
    emit countChanged();
}

void Timeline::reset(const QList<Message> &messages)
{
    m_unannouncedFrom = -1; // replaced anyway
    emit aboutToReset();
    m_messages = messages;
    m_ids.clear();
    for (const Message &m : std::as_const(m_messages))
        m_ids.insert(m.id);
    emit modelReset();
    emit countChanged();
    setCanFetchOlder(m_cache && !m_messages.isEmpty() &&
                     !m_cache->before(m_key, m_messages.constFirst().id, 1).isEmpty());
}

int Timeline::fetchOlder(int max)
{
    if (!m_cache || max <= 0)
        return 0;
    QString oldest;
    for (const Message &m : std::as_const(m_messages)) {
        if (m.delivery == Message::Delivery::Sent) {
            oldest = m.id;
            break;
        }
    }
    const QList<Message> older =
        oldest.isEmpty() ? m_cache->latest(m_key, max) : m_cache->before(m_key, oldest, max);
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
    }
    setCanFetchOlder(int(older.size()) >= max);
    return int(fresh.size());
}

void Timeline::setLastReadId(const QString &id)
{
    if (m_lastReadId == id)
        return;
    announceBatch();
    const int oldRow = indexOf(m_lastReadId);
    m_lastReadId = id;
    emit lastReadIdChanged();
    // the rows after the old and new positions change their "first unread" flag
    if (oldRow >= 0 && oldRow + 1 < count())
        emit rowChanged(oldRow + 1);
    const int newRow = indexOf(id);
    if (newRow >= 0 && newRow + 1 < count())
        emit rowChanged(newRow + 1);
}

void Timeline::trim()
{
    // Older pages the user scrolled to stay until the window is exceeded twice over;
    // then the oldest rows go back to the cache.
    // Trimming works in chunks of an eighth of the window to keep row removals rare.
    const int limit = (m_trimBlocked ? 2 * m_windowSize : m_windowSize) + m_windowSize / 8;
    if (m_windowSize <= 0 || count() <= limit)
        return;
    announceBatch();
    const int drop = count() - m_windowSize;
    emit aboutToRemove(0, drop - 1);
    for (int i = 0; i < drop; ++i)
        m_ids.remove(m_messages.at(i).id);
    m_messages.remove(0, drop);
    m_trimBlocked = false;
    emit rowsRemoved(0, drop - 1);
    emit countChanged();
    setCanFetchOlder(m_cache != nullptr);
}

void Timeline::setCanFetchOlder(bool can)
{
    if (m_canFetchOlder == can)
        return;
    m_canFetchOlder = can;
    emit canFetchOlderChanged();
}

} // namespace talker::client
