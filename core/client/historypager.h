// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/message.h"
#include "protocol/events.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace talker::client {

class HistoryCache;
class Session;
class Timeline;

/// Pages a room's timeline back through its history: from the local cache while it
/// has older messages, then from the server with `history before` [ext], storing each
/// page in the cache (so the next time it is local) before showing it. Also loads the
/// window around any message for "jump to" (search results, reply quotes).
///
/// Holes: a reconnect that missed more than the server's replay leaves cached messages,
/// a hole, then the replayed ones. After such a replay the pager asks for the page
/// before the first replayed message; when that page does not reach the newest message
/// cached before, the hole is recorded (HistoryCache::setGap), paging older stops at
/// its top, and pages from the server fill it (HistoryCache::storeAfter) as the user
/// scrolls, until one reaches the messages below it.
///
/// Duplicates cannot appear: the cache keeps each id once per timeline and the
/// Timeline skips ids it already shows, whichever of replay, live and paging brought
/// a message first.
class HistoryPager : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool atBeginning READ atBeginning NOTIFY atBeginningChanged)

public:
    /// `timeline` is the room's public timeline with the cache key "room:NAME". Without
    /// a session (private conversations) it pages and jumps within the cache only.
    HistoryPager(Session *session, Timeline *timeline, HistoryCache *cache,
                 QObject *parent = nullptr);

    /// A server page is on its way.
    bool loading() const { return m_loading; }
    /// The server said there is nothing older: the view shows "beginning of #room".
    bool atBeginning() const { return m_atBeginning; }
    /// Messages per page (cache or server).
    void setPageSize(int size) { m_pageSize = qMax(1, size); }

    /// Shows up to a page of older messages: at once from the cache, else from the
    /// server (loading() until it arrives). A no-op while loading or at the beginning.
    Q_INVOKABLE void fetchOlder();
    /// Shows the messages around `id` (a page on each side) and emits jumped(). A
    /// message not cached yet is searched for by paging back from the server, up to
    /// `maxPages` pages; jumpFailed() when it is not found.
    Q_INVOKABLE void jumpTo(const QString &id, int maxPages = 20);

signals:
    void loadingChanged();
    void atBeginningChanged();
    /// The timeline now holds the window around `id`: scroll to it and highlight it.
    void jumped(const QString &id);
    void jumpFailed(const QString &id);

private:
    void requestPage(const QString &before);
    void onConnected();
    void onReplayed(const protocol::MessageEvent &event);
    void onReplayEnd();
    /// Asks for the page below the hole under `top`.
    void requestFill(const QString &top);
    void onGapPage(const QList<protocol::MessageEvent> &events, const QString &oldestId, bool more);
    void applyGaps();
    void dropGap(const QString &top);
    void onPage(const QString &before, const QList<protocol::MessageEvent> &events,
                const QString &oldestId, bool more);
    bool showAround(const QString &id);
    QString oldestShownId() const;
    Message toMessage(const protocol::MessageEvent &event) const;
    void setLoading(bool on);
    void setAtBeginning(bool on);

    QPointer<Session> m_session;
    Timeline *m_timeline;
    HistoryCache *m_cache;
    int m_pageSize = 50;
    bool m_loading = false;
    bool m_atBeginning = false;
    QString m_nextBefore; ///< `before` of the next server page (oldest event paged so far)
    QString m_jumpTarget; ///< a jump waiting for server pages
    int m_jumpPagesLeft = 0;
    QHash<QString, QString> m_gaps;    ///< holes: top id -> id of the message below
    QHash<QString, QString> m_gapNext; ///< top -> `before` of its next page (this run)
    QString m_fillTop;                 ///< the hole a page is on its way for
    QString m_fillBefore;              ///< that page's `before`
    QString m_resumeAnchor;            ///< newest cached message when a resuming replay started
    QString m_resumeFirst;             ///< first new message of that replay
    bool m_watchReplay = false;
    bool m_fillShows = false; ///< the user paged into the hole: show the page
};

} // namespace talker::client
