// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "client/cacheindex.h"
#include "client/message.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <memory>

namespace talker::client {

/// The local SQLite cache of one account: messages per timeline, the last event id
/// per room, and the outbox table (see Outbox). Opening migrates an older cache to the
/// current schema (cacheschema). Opens instantly so the app shows the
/// last messages before the network answers.
///
/// A file that is not a valid database is renamed to `NAME.corrupt-<time>` and a new
/// one is created; setAsidePath() tells where it went. Message writes are batched in
/// memory and written in one transaction within `commitDelayMs` (or at flush(), or
/// when many are queued), so a burst of traffic reaches the models without waiting
/// for SQLite. Every read flushes first, so reads always see every write.
class HistoryCache : public QObject
{
    Q_OBJECT
public:
    /// path: the database file (":memory:" for a throw-away cache).
    explicit HistoryCache(const QString &path, QObject *parent = nullptr);
    ~HistoryCache() override;

    bool isOpen() const { return m_open; }
    QString errorString() const { return m_error; }
    /// Where a corrupt file was moved at open (empty when none).
    QString setAsidePath() const { return m_setAside; }
    /// The QSqlDatabase connection name (for Outbox).
    QString connectionName() const { return m_connection; }

    /// Inserts or updates (same key and id) a message.
    void storeMessage(const QString &key, const Message &message);
    void removeMessage(const QString &key, const QString &id);
    bool containsMessage(const QString &key, const QString &id) const;
    /// The newest `limit` messages, oldest first.
    QList<Message> latest(const QString &key, int limit) const;
    /// Up to `limit` messages stored before the one with `id`, oldest first.
    QList<Message> before(const QString &key, const QString &id, int limit) const;
    /// Up to `limit` messages stored after the one with `id` (from it on when
    /// `inclusive`), oldest first.
    QList<Message> after(const QString &key, const QString &id, int limit,
                         bool inclusive = false) const;
    /// Full-text search over every cached message (all rooms and conversations),
    /// newest first; the query as the server reads it (protocol/searchquery.h).
    QList<CacheIndex::Hit> search(const QString &query, int limit) const;
    /// Stores messages paged from the server, oldest first, before everything cached
    /// (they are older); ids already cached are skipped. Returns how many were new.
    int storeOlder(const QString &key, const QList<Message> &messages);
    /// Stores messages paged from the server into a gap, right after the cached
    /// message `afterId` (see CacheGaps). Returns how many were new.
    int storeAfter(const QString &key, const QString &afterId, const QList<Message> &messages);
    /// The open gaps of a timeline (top id -> after id), and their bookkeeping.
    QHash<QString, QString> gaps(const QString &key) const;
    void setGap(const QString &key, const QString &top, const QString &after,
                const QString &oldTop = QString());
    void removeGap(const QString &key, const QString &top);
    /// The keys of all stored private conversations ("dm:...").
    QStringList conversationKeys() const;

    QString lastEventId(const QString &room) const;
    /// Remembered at once, written with the next batch commit.
    void setLastEventId(const QString &room, const QString &id);

    /// Commits pending writes now. A file cache hands them to its writer thread (own
    /// connection): the caller does not wait; reads and the destructor wait for it.
    void flush();
    /// flush() and wait until every write so far is committed (the writer thread too).
    void waitForWrites() { flushForRead(); }
    void setCommitDelay(int ms) { m_commitDelayMs = ms; }
    /// Queued writes beyond this are written at once (bounds the memory of a burst).
    void setMaxQueued(qsizetype max) { m_maxQueued = max; }

private:
    struct Queries;
    struct Writer;
    struct PendingWrite
    {
        QString key;
        Message message; ///< message.id only, for a removal
        bool remove = false;
    };
    bool openDatabase(const QString &path);
    void startWriter(const QString &path);
    void scheduleFlush();
    /// Writes one batch in one transaction on `connection` (any thread that owns it).
    static void writeBatch(Queries &queries, const QString &connection,
                           const QList<PendingWrite> &writes,
                           const QHash<QString, QString> &eventIds);
    /// Reads must see queued writes (and those the writer thread has not committed yet).
    void flushForRead() const;

    std::unique_ptr<Queries> m_queries;
    std::unique_ptr<Writer> m_writer; ///< file caches: batches are written on this thread
    QString m_connection;
    QString m_error;
    QString m_setAside;
    bool m_open = false;
    QHash<QString, QString> m_pendingEventIds; ///< room -> id, written at flush()
    QList<PendingWrite> m_pending;             ///< queued writes, in order
    bool m_flushScheduled = false;
    qsizetype m_maxQueued = 5000;
    int m_commitDelayMs = 200;
};

} // namespace talker::client
