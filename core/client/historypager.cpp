// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/historypager.h"

#include "client/historycache.h"
#include "client/session.h"
#include "client/timeline.h"

#include <QHash>
#include <utility>

namespace talker::client {

HistoryPager::HistoryPager(Session *session, Timeline *timeline, HistoryCache *cache,
                           QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_timeline(timeline)
    , m_cache(cache)
{
    if (m_cache) {
        m_gaps = m_cache->gaps(m_timeline->key());
        applyGaps();
    }
    if (!session)
        return;
    connect(session, &Session::historyPage, this, &HistoryPager::onPage);
    connect(session, &Session::connected, this, &HistoryPager::onConnected);
    connect(session, &Session::messageReceived, this, &HistoryPager::onReplayed);
    connect(session, &Session::usersReceived, this, &HistoryPager::onReplayEnd);
    connect(session, &Session::disconnected, this, [this] {
        setLoading(false);
        m_jumpTarget.clear();
        m_fillTop.clear();
        m_fillBefore.clear();
        m_watchReplay = false;
    });
    connect(session, &Session::serverError, this, [this](const protocol::ErrorEvent &error) {
        if (!m_loading || error.code != protocol::ErrorCode::UnknownEventId)
            return;
        if (!m_fillTop.isEmpty()) {
            // the server does not know the hole's top: nothing to fill it with
            setLoading(false);
            dropGap(std::exchange(m_fillTop, QString()));
            m_fillBefore.clear();
            applyGaps();
            return;
        }
        // The server does not know our oldest message (another server, or a gap):
        // there is nothing older to page from it.
        setLoading(false);
        setAtBeginning(true);
        if (!m_jumpTarget.isEmpty())
            emit jumpFailed(std::exchange(m_jumpTarget, QString()));
    });
}

void HistoryPager::fetchOlder()
{
    if (m_loading)
        return;
    if (m_cache && m_timeline->fetchOlder(m_pageSize) > 0)
        return;
    if (const QString oldest = m_timeline->oldestId(); m_gaps.contains(oldest)) {
        m_fillShows = true;
        requestFill(oldest);
        return;
    }
    if (m_atBeginning)
        return;
    const QString anchor = m_nextBefore.isEmpty() ? oldestShownId() : m_nextBefore;
    if (!anchor.isEmpty())
        requestPage(anchor);
}

void HistoryPager::jumpTo(const QString &id, int maxPages)
{
    if (showAround(id))
        return;
    if (!m_session) {
        emit jumpFailed(id); // cache only, and the cache does not have it
        return;
    }
    m_jumpTarget = id;
    m_jumpPagesLeft = maxPages;
    if (m_loading)
        return; // the page on its way continues the search
    const QString anchor = m_nextBefore.isEmpty() ? oldestShownId() : m_nextBefore;
    if (anchor.isEmpty() || m_atBeginning)
        emit jumpFailed(std::exchange(m_jumpTarget, QString()));
    else
        requestPage(anchor);
}

void HistoryPager::requestPage(const QString &before)
{
    if (m_session && m_session->requestHistory(before, m_pageSize))
        setLoading(true);
}

void HistoryPager::onPage(const QString &before, const QList<protocol::MessageEvent> &events,
                          const QString &oldestId, bool more)
{
    if (!m_fillBefore.isEmpty() && before == m_fillBefore) {
        onGapPage(events, oldestId, more);
        return;
    }
    // Public messages go to this timeline, private ones to their conversation's key.
    QHash<QString, QList<Message>> byKey;
    for (const protocol::MessageEvent &e : events) {
        const Message m = toMessage(e);
        byKey[m.isPrivate ? QStringLiteral("dm:") + m.peerId : m_timeline->key()].append(m);
    }
    if (m_cache) {
        for (auto it = byKey.cbegin(); it != byKey.cend(); ++it)
            m_cache->storeOlder(it.key(), it.value());
    }
    if (!oldestId.isEmpty())
        m_nextBefore = oldestId;
    if (!more)
        setAtBeginning(true);
    if (!m_jumpTarget.isEmpty()) {
        if (more && (!m_cache || !m_cache->containsMessage(m_timeline->key(), m_jumpTarget)) &&
            --m_jumpPagesLeft > 0) {
            requestPage(m_nextBefore); // still loading
            return;
        }
        setLoading(false);
        const QString target = std::exchange(m_jumpTarget, QString());
        if (!showAround(target))
            emit jumpFailed(target);
        return;
    }
    if (m_cache)
        m_timeline->fetchOlder(m_pageSize);
    setLoading(false); // after the rows are in: the view keeps its place
}

bool HistoryPager::showAround(const QString &id)
{
    if (m_timeline->contains(id)) {
        emit jumped(id);
        return true;
    }
    if (!m_cache || !m_cache->containsMessage(m_timeline->key(), id))
        return false;
    const QString key = m_timeline->key();
    const QList<Message> from = m_cache->after(key, id, m_pageSize + 1, true);
    // the window around it; live messages come back with fetchNewer()/showLatest()
    m_timeline->showWindow(m_cache->before(key, id, m_pageSize) + from,
                           from.size() < m_pageSize + 1);
    emit jumped(id);
    return true;
}

QString HistoryPager::oldestShownId() const
{
    for (int row = 0; row < m_timeline->count(); ++row) {
        if (m_timeline->at(row).delivery == Message::Delivery::Sent)
            return m_timeline->at(row).id;
    }
    return QString();
}

Message HistoryPager::toMessage(const protocol::MessageEvent &e) const
{
    Message m;
    m.id = e.id;
    m.authorId = e.user.id;
    m.authorName = e.user.name;
    m.text = e.content;
    m.time = e.time;
    m.edited = e.edited;
    m.isPrivate = e.isPrivate;
    m.isAction = e.isAction();
    m.replyTo = e.extra.value(QLatin1String("reply_to")).toString();
    m.deleted = e.deleted; // a placeholder, as live retractions leave
    m.isOwn = m_session && e.user.id == m_session->self().id;
    if (m.isPrivate)
        m.peerId = m.isOwn ? e.to : e.user.id;
    return m;
}

void HistoryPager::setLoading(bool on)
{
    if (m_loading == on)
        return;
    m_loading = on;
    emit loadingChanged();
}

void HistoryPager::setAtBeginning(bool on)
{
    if (m_atBeginning == on)
        return;
    m_atBeginning = on;
    emit atBeginningChanged();
}

} // namespace talker::client
