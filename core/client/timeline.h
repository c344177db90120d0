// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "client/message.h"

#include <QList>
#include <QObject>
#include <QSet>

namespace talker::client {

class HistoryCache;

/// The messages of one room (public) or one private conversation, in display order.
///
/// Holds a bounded window in RAM (the newest `windowSize` messages, plus older pages
/// the user scrolled to); older messages are paged in from the HistoryCache with
/// fetchOlder(). MessageModel is a view over a Timeline. Every change is announced by
/// the signals below, in the Qt model style: an about-to signal before the change (so a
/// model can call begin*()) and a done signal after it, both carrying the rows.
class Timeline : public QObject
{
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool canFetchOlder READ canFetchOlder NOTIFY canFetchOlderChanged)
    Q_PROPERTY(QString lastReadId READ lastReadId WRITE setLastReadId NOTIFY lastReadIdChanged)

public:
    /// key: the cache key ("room:NAME" or "dm:USERID").
    explicit Timeline(const QString &key, QObject *parent = nullptr);

    QString key() const { return m_key; }
    int count() const { return int(m_messages.size()); }
    /// Rows already announced by rowsInserted (count() minus a pending batch).
    int announcedCount() const { return m_unannouncedFrom < 0 ? count() : m_unannouncedFrom; }
    const Message &at(int row) const { return m_messages.at(row); }
    /// Row of the message with this id, -1 when not in the window.
    int indexOf(const QString &id) const;
    bool contains(const QString &id) const { return m_ids.contains(id); }
    /// The newest message (null id when empty).
    Message last() const { return m_messages.isEmpty() ? Message() : m_messages.constLast(); }

    /// Pages older messages from this cache (may be null: no paging).
    void setCache(HistoryCache *cache) { m_cache = cache; }
    /// Most messages kept in RAM after trimming (older ones stay in the cache).
    void setWindowSize(int size) { m_windowSize = size; }
    int windowSize() const { return m_windowSize; }

    /// Adds a message (dropping the oldest beyond the window). Unconfirmed own messages
    /// (pending, failed) always sit at the bottom; a Sent message goes above them.
    void append(const Message &message);
    /// Replaces the message in `row` (edit, delivery change). A message confirmed for
    /// the first time moves from the pending block to the end of the Sent ones, so the
    /// list follows the server's order.
    void replace(int row, const Message &message);
    /// Removes the message in `row` (retraction).
    void removeAt(int row);
    /// Replaces the whole content (initial load from the cache).
    void reset(const QList<Message> &messages);
    /// Between beginBatch() and endBatch(), messages appended at the end are announced
    /// together (one aboutToInsert/rowsInserted pair, one countChanged) and the window is
    /// trimmed once at the end. The data is visible at once; any other change announces
    /// the batch first. Nests.
    void beginBatch() { ++m_batchDepth; }
    void endBatch();
    /// Loads up to `max` older messages from the cache; returns how many.
    Q_INVOKABLE int fetchOlder(int max = 50);
    bool canFetchOlder() const { return m_canFetchOlder; }

    /// The id of the last message the user has seen (new-messages divider).
    QString lastReadId() const { return m_lastReadId; }
    void setLastReadId(const QString &id);

signals:
    void rowsInserted(int first, int last);
    void rowsRemoved(int first, int last);
    void rowChanged(int row);
    void modelReset();
    void countChanged();
    void canFetchOlderChanged();
    void lastReadIdChanged();
    /// Emitted before rows are inserted/removed/reset so a model can call begin*().
    void aboutToInsert(int first, int last);
    void aboutToRemove(int first, int last);
    void aboutToReset();

private:
    void trim();
    void insertAt(int row, const Message &message);
    /// First row of the trailing block of unconfirmed messages (count() when none).
    int pendingStart() const;
    void setCanFetchOlder(bool can);
    /// Announces the appended rows not announced yet.
    void announceBatch();

    QString m_key;
    QList<Message> m_messages;
    QSet<QString> m_ids;
    HistoryCache *m_cache = nullptr;
    int m_windowSize = 500;
    bool m_canFetchOlder = false;
    bool m_trimBlocked = false;
    int m_batchDepth = 0;
    int m_unannouncedFrom = -1; ///< first appended row not announced yet (-1: none)
    QString m_lastReadId;
};

} // namespace talker::client
