// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// HistoryPager: finding and filling holes in the cache (historypager.cpp holds paging
// and jumps).
#include "client/historycache.h"
#include "client/historypager.h"
#include "client/session.h"
#include "client/timeline.h"

#include <utility>

namespace talker::client {

void HistoryPager::applyGaps()
{
    m_timeline->setGaps(m_gaps);
}

void HistoryPager::onConnected()
{
    // Resuming after `last_event_id`: the replay may have left out what it could not
    // hold. Remember the newest message cached before it to compare with.
    m_resumeFirst.clear();
    m_resumeAnchor.clear();
    m_watchReplay = false;
    if (!m_cache || m_session->lastEventId().isEmpty())
        return;
    const QList<Message> newest = m_cache->latest(m_timeline->key(), 1);
    if (newest.isEmpty())
        return;
    m_resumeAnchor = newest.constFirst().id;
    m_watchReplay = true;
}

void HistoryPager::onReplayed(const protocol::MessageEvent &e)
{
    // (connected before the Room: the cache does not hold this event yet unless it
    // was known before)
    if (!m_watchReplay || !m_resumeFirst.isEmpty() || e.partial || e.edited || e.deleted ||
        e.isPrivate || !e.to.isEmpty() || e.id == m_resumeAnchor ||
        m_cache->containsMessage(m_timeline->key(), e.id))
        return;
    m_resumeFirst = e.id;
}

void HistoryPager::onReplayEnd()
{
    if (!std::exchange(m_watchReplay, false) || m_resumeFirst.isEmpty())
        return;
    // A candidate: the page before the first replayed message tells whether the replay
    // reached the anchor (no hole) or not.
    const QString first = std::exchange(m_resumeFirst, QString());
    m_gaps.insert(first, m_resumeAnchor);
    m_fillShows = false;
    requestFill(first);
}

void HistoryPager::requestFill(const QString &top)
{
    if (m_loading || !m_session)
        return;
    const QString before = m_gapNext.value(top, top);
    if (!m_session->requestHistory(before, m_pageSize))
        return;
    m_fillTop = top;
    m_fillBefore = before;
    setLoading(true);
}

void HistoryPager::dropGap(const QString &top)
{
    m_gaps.remove(top);
    m_gapNext.remove(top);
    m_cache->removeGap(m_timeline->key(), top);
}

void HistoryPager::onGapPage(const QList<protocol::MessageEvent> &events, const QString &oldestId,
                             bool more)
{
    const QString top = std::exchange(m_fillTop, QString());
    m_fillBefore.clear();
    const QString key = m_timeline->key();
    const QString after = m_gaps.value(top);
    // The messages below the hole are cached: the page reached them when it holds one.
    bool reached = false;
    QList<Message> fresh; // public messages newer than the last cached one
    for (const protocol::MessageEvent &e : events) {
        const Message m = toMessage(e);
        if (m.isPrivate) {
            // (placed at the end of their conversation: a conversation's own holes are
            // not tracked)
            const QString dm = QStringLiteral("dm:") + m.peerId;
            if (!m_cache->containsMessage(dm, m.id))
                m_cache->storeMessage(dm, m);
        } else if (m_cache->containsMessage(key, m.id)) {
            reached = true;
            fresh.clear();
        } else {
            fresh.append(m);
        }
    }
    m_cache->storeAfter(key, after, fresh);
    if (reached || !more) {
        dropGap(top); // closed (or the server has nothing older)
    } else {
        // the hole is now between `after` and the oldest message of this page
        const QString newTop = fresh.isEmpty() ? top : fresh.constFirst().id;
        dropGap(top);
        m_gaps.insert(newTop, after);
        m_gapNext.insert(newTop, oldestId.isEmpty() ? newTop : oldestId);
        m_cache->setGap(key, newTop, after);
    }
    applyGaps();
    if (std::exchange(m_fillShows, false))
        m_timeline->fetchOlder(m_pageSize);
    setLoading(false);
}

} // namespace talker::client
