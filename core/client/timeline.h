// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "client/message.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

namespace talker::client {

class HistoryCache;

/// The messages of one room (public) or one private conversation, in display order.
///
/// Holds a bounded window in RAM that slides both ways over the HistoryCache: at the
/// live end it holds the newest `windowSize` messages (the oldest go back to the cache
/// as new ones arrive); fetchOlder() pages older ones in and, beyond the window, drops
/// the newest, leaving the live end; fetchNewer() pages back down and showLatest()
/// returns to the live end. Away from the live end, live messages are not added (the
/// Room has stored them in the cache, where fetchNewer() finds them); newest() still
/// follows them for the sidebar. The user's unconfirmed messages (pending, failed) are
/// not in the cache: they stay in the window wherever it is.
/// MessageModel is a view over a Timeline. Every change is announced by the signals
/// below, in the Qt model style: an about-to signal before the change (so a model can
/// call begin*()) and a done signal after it, both carrying the rows.
class Timeline : public QObject
{
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool canFetchOlder READ canFetchOlder NOTIFY canFetchOlderChanged)
    Q_PROPERTY(bool atLiveEnd READ atLiveEnd NOTIFY atLiveEndChanged)
    Q_PROPERTY(QString lastReadId READ lastReadId WRITE setLastReadId NOTIFY lastReadIdChanged)

public:
    /// key: the cache key ("room:NAME" or "dm:USERID").
    explicit Timeline(const QString &key, QObject *parent = nullptr);

    QString key() const { return m_key; }
    int count() const { return int(m_messages.size()); }
    /// Rows already announced by rowsInserted (count() minus a pending batch).
    int announcedCount() const { return m_unannouncedFrom < 0 ? count() : m_unannouncedFrom; }
    const Message &at(int row) const { return m_messages.at(row); }
    /// The message with this id from the window, else from the cache (null id when
    /// neither has it): the original of a reply.
    Message lookup(const QString &id) const;
    /// Row of the message with this id, -1 when not in the window.
    int indexOf(const QString &id) const;
    bool contains(const QString &id) const { return m_ids.contains(id); }
    /// The last row (null id when empty).
    Message last() const { return m_messages.isEmpty() ? Message() : m_messages.constLast(); }
    /// The newest message that is not a failed send (null id when none), also while
    /// the window is away from the live end: the sidebar's preview.
    Message newest() const;
    /// The row of the newest confirmed message when the window is at the live end
    /// (rows from it on concern the preview), else count().
    int newestRow() const;

    /// Pages older messages from this cache (may be null: no paging).
    void setCache(HistoryCache *cache) { m_cache = cache; }
    /// Most messages kept in RAM after trimming (older ones stay in the cache).
    void setWindowSize(int size) { m_windowSize = size; }
    int windowSize() const { return m_windowSize; }

    /// Adds a message (dropping the oldest beyond the window). Pending own messages
    /// always sit at the bottom; a Sent message goes above them, and after failed ones
    /// older than it (failed messages keep their place in time). Away from the live
    /// end a Sent message is not shown (it is in the cache) but becomes newest().
    void append(const Message &message);
    /// Replaces the message in `row` (edit, delivery change). A message confirmed for
    /// the first time moves from the pending block to the end of the Sent ones, so the
    /// list follows the server's order.
    void replace(int row, const Message &message);
    /// Removes the message in `row` (retraction).
    void removeAt(int row);
    /// Replaces the whole content (initial load from the cache: the live end).
    void reset(const QList<Message> &messages);
    /// Shows `messages` (confirmed ones from the cache, oldest first) instead of the
    /// current window, keeping the unconfirmed rows; `atLiveEnd` tells whether the
    /// newest cached message is among them (jump to a message).
    void showWindow(const QList<Message> &messages, bool atLiveEnd);
    /// Between beginBatch() and endBatch(), messages appended at the end are announced
    /// together (one aboutToInsert/rowsInserted pair, one countChanged) and the window is
    /// trimmed once at the end. The data is visible at once; any other change announces
    /// the batch first. Nests.
    void beginBatch() { ++m_batchDepth; }
    void endBatch();
    /// Loads up to `max` older messages from the cache; returns how many. Beyond the
    /// window the newest rows are dropped (the window leaves the live end).
    Q_INVOKABLE int fetchOlder(int max = 50);
    /// Loads up to `max` older messages as the chat's first page (Chat::loadFirstPage):
    /// like fetchOlder(), but not a page the user scrolled to, so live messages keep
    /// the window as at the live end.
    int fetchFirstPage(int max);
    bool canFetchOlder() const { return m_canFetchOlder; }
    /// Loads up to `max` newer messages from the cache (dropping the oldest beyond the
    /// window); reaches the live end when the cache has no more. Returns how many.
    Q_INVOKABLE int fetchNewer(int max = 50);
    /// The window holds the newest messages: live ones are appended.
    bool atLiveEnd() const { return m_atLiveEnd; }
    /// Back to the newest messages ("jump to latest"); a no-op at the live end.
    Q_INVOKABLE void showLatest();

    /// Holes in the cache (CacheGaps: top id -> id of the message below): paging older
    /// stops at a top (the pager fills the hole from the server first), and the rows
    /// from a hole's lower message down are dropped from the window.
    void setGaps(const QHash<QString, QString> &gaps);
    QString oldestId() const { return oldestSentId(); }

    /// The id of the last message the user has seen (new-messages divider).
    QString lastReadId() const { return m_lastReadId; }
    void setLastReadId(const QString &id);
    /// The id of the message the "New messages" divider sits above (empty: none): the
    /// one after the last read message, unless the user wrote something since.
    QString dividerId() const { return m_dividerId; }

signals:
    void rowsInserted(int first, int last);
    void rowsRemoved(int first, int last);
    void rowChanged(int row);
    void modelReset();
    void countChanged();
    void canFetchOlderChanged();
    void atLiveEndChanged();
    /// A message arrived while the window is away from the live end (newest() changed).
    void newestChanged();
    void lastReadIdChanged();
    /// Emitted before rows are inserted/removed/reset so a model can call begin*().
    void aboutToInsert(int first, int last);
    void aboutToRemove(int first, int last);
    void aboutToReset();

private:
    void trim();
    /// Drops the newest confirmed rows beyond the window (after paging older).
    void trimNewest();
    void insertAt(int row, const Message &message);
    /// Removes rows first..last (announced as one change).
    void removeRange(int first, int last);
    /// First row of the trailing block of unconfirmed messages (count() when none).
    int pendingStart() const;
    /// Where a confirmed message goes: above the pending rows and the failed ones
    /// newer than it.
    int sentRow(const Message &message) const;
    /// The newest confirmed row / the id of the oldest (null / empty when none).
    Message newestSent() const;
    QString oldestSentId() const;
    QList<Message> unconfirmed() const;
    void setCanFetchOlder(bool can);
    void setAtLiveEnd(bool on);
    QString divider() const;
    /// Follows a change: the rows losing and gaining the divider change.
    void refreshDivider();
    /// Announces the appended rows not announced yet.
    void announceBatch();

    QString m_key;
    QList<Message> m_messages;
    QSet<QString> m_ids;
    HistoryCache *m_cache = nullptr;
    int m_windowSize = 500;
    bool m_canFetchOlder = false;
    bool m_atLiveEnd = true;
    Message m_newestAway; ///< newest confirmed message while away from the live end
    bool m_trimBlocked = false;
    int m_batchDepth = 0;
    int m_unannouncedFrom = -1; ///< first appended row not announced yet (-1: none)
    QString m_lastReadId;
    QSet<QString> m_gapStops;
    QString m_dividerId;
};

} // namespace talker::client
