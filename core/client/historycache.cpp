// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "client/historycache.h"

#include "client/cachegaps.h"

#include "client/cacheindex.h"
#include "client/cacherow.h"
#include "client/cacheschema.h"

#include <QDateTime>
#include <QFile>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <utility>

namespace talker::client {

Q_LOGGING_CATEGORY(lcClientCache, "talker.client.cache")

using cacherow::flagsOf;
using cacherow::kColumns;
using cacherow::messageFrom;

const char *const kUpsert =
    "INSERT INTO messages(tkey, id, author_id, author_name, content, peer_id, time, "
    "edited, flags, reply_to) VALUES(?,?,?,?,?,?,?,?,?,?) ON CONFLICT(tkey, id) DO UPDATE SET "
    "content=excluded.content, edited=excluded.edited, flags=excluded.flags, "
    "author_name=excluded.author_name, reply_to=excluded.reply_to";

struct HistoryCache::Queries
{
    explicit Queries(const QSqlDatabase &db)
        : upsert(db)
        , contains(db)
    {
        upsert.prepare(QLatin1String(kUpsert));
        contains.prepare(QStringLiteral("SELECT 1 FROM messages WHERE tkey=? AND id=?"));
    }
    Queries(const Queries &) = delete;
    Queries &operator=(const Queries &) = delete;

    QSqlQuery upsert;
    QSqlQuery contains;
};

/// The writer thread of a file cache: its own connection to the same file (WAL lets the
/// GUI thread read meanwhile); queued batches are written in order, one transaction per
/// wake-up. The destructor writes everything queued before it returns.
struct HistoryCache::Writer
{
    Writer(const QString &path, const QString &connection)
        : m_path(path)
        , m_connection(connection)
    {
        m_thread = std::thread([this] { run(); });
        std::unique_lock lock(m_mutex);
        m_idle.wait(lock, [this] { return m_openDone; });
    }
    ~Writer()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }
    Writer(const Writer &) = delete;
    Writer &operator=(const Writer &) = delete;

    bool isOpen() const { return m_open; }
    void post(QList<PendingWrite> &&writes, QHash<QString, QString> &&eventIds)
    {
        {
            std::lock_guard lock(m_mutex);
            m_writes.append(std::move(writes));
            for (auto it = eventIds.cbegin(); it != eventIds.cend(); ++it)
                m_eventIds.insert(it.key(), it.value());
        }
        m_wake.notify_all();
    }
    /// Returns when everything posted so far is committed.
    void waitIdle()
    {
        std::unique_lock lock(m_mutex);
        m_idle.wait(lock, [this] { return m_writes.isEmpty() && m_eventIds.isEmpty() && !m_busy; });
    }

private:
    void run()
    {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
            db.setDatabaseName(m_path);
            std::unique_ptr<Queries> queries;
            if (db.open()) {
                QSqlQuery(db).exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
                queries = std::make_unique<Queries>(db);
            }
            {
                std::lock_guard lock(m_mutex);
                m_open = queries != nullptr;
                m_openDone = true;
            }
            m_idle.notify_all();
            while (queries) {
                QList<PendingWrite> writes;
                QHash<QString, QString> eventIds;
                {
                    std::unique_lock lock(m_mutex);
                    m_wake.wait(lock, [this] {
                        return m_stop || !m_writes.isEmpty() || !m_eventIds.isEmpty();
                    });
                    if (m_writes.isEmpty() && m_eventIds.isEmpty())
                        break; // stopping, nothing left
                    writes = std::exchange(m_writes, {});
                    eventIds = std::exchange(m_eventIds, {});
                    m_busy = true;
                }
                writeBatch(*queries, m_connection, writes, eventIds);
                {
                    std::lock_guard lock(m_mutex);
                    m_busy = false;
                }
                m_idle.notify_all();
            }
            queries.reset();
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connection);
    }

    const QString m_path;
    const QString m_connection;
    std::mutex m_mutex;
    std::condition_variable m_wake; ///< work or stop
    std::condition_variable m_idle; ///< opened, or a batch committed
    QList<PendingWrite> m_writes;
    QHash<QString, QString> m_eventIds;
    bool m_busy = false;
    bool m_stop = false;
    bool m_open = false;
    bool m_openDone = false;
    std::thread m_thread;
};

HistoryCache::HistoryCache(const QString &path, QObject *parent)
    : QObject(parent)
{
    static std::atomic<int> counter{0};
    m_connection = QStringLiteral("talker-cache-%1").arg(++counter);
    m_open = openDatabase(path);
    if (!m_open && path != QLatin1String(":memory:") && QFile::exists(path)) {
        // not a database (or a broken one): set it aside and start a fresh cache
        QSqlDatabase::database(m_connection, false).close();
        m_queries.reset();
        QSqlDatabase::removeDatabase(m_connection);
        m_setAside = path + QStringLiteral(".corrupt-") +
                     QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss"));
        QFile::rename(path, m_setAside);
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
        qCWarning(lcClientCache) << "cache" << path << "was unreadable (" << m_error
                                 << "), moved to" << m_setAside;
        m_open = openDatabase(path);
    }
    if (!m_open && path != QLatin1String(":memory:")) {
        // no usable file (permissions, full disk): keep working from memory this run
        qCWarning(lcClientCache) << "cache file unavailable (" << m_error << "), using memory";
        QSqlDatabase::database(m_connection, false).close();
        m_queries.reset();
        QSqlDatabase::removeDatabase(m_connection);
        m_open = openDatabase(QStringLiteral(":memory:"));
    }
    if (!m_open)
        qCWarning(lcClientCache) << "cache unavailable:" << m_error;
    const QString opened = QSqlDatabase::database(m_connection, false).databaseName();
    if (m_open && opened != QLatin1String(":memory:"))
        startWriter(opened);
}

void HistoryCache::startWriter(const QString &path)
{
    m_writer = std::make_unique<Writer>(path, m_connection + QStringLiteral("-writer"));
    if (!m_writer->isOpen()) {
        qCWarning(lcClientCache) << "no writer connection, writing on the GUI thread";
        m_writer.reset();
    }
}

void HistoryCache::flushForRead() const
{
    auto *self = const_cast<HistoryCache *>(this);
    self->flush();
    if (m_writer)
        m_writer->waitIdle();
}

HistoryCache::~HistoryCache()
{
    flush();
    m_writer.reset(); // writes everything queued, then ends the thread
    m_queries.reset();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

bool HistoryCache::openDatabase(const QString &path)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(path);
    if (!db.open()) {
        m_error = db.lastError().text();
        return false;
    }
    QSqlQuery q(db);
    // WAL is a property of the file, set outside any transaction
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL"}) {
        if (!q.exec(QLatin1String(pragma))) {
            m_error = q.lastError().text();
            return false;
        }
    }
    q.finish();
    if (!cacheschema::migrate(m_connection, &m_error))
        return false;
    m_queries = std::make_unique<Queries>(db);
    return true;
}

void HistoryCache::scheduleFlush()
{
    if (m_pending.size() >= m_maxQueued) {
        flush();
        return;
    }
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    QTimer::singleShot(m_commitDelayMs, this, &HistoryCache::flush);
}

void HistoryCache::flush()
{
    m_flushScheduled = false;
    if (!m_open || (m_pending.isEmpty() && m_pendingEventIds.isEmpty()))
        return;
    QList<PendingWrite> writes = std::exchange(m_pending, {});
    QHash<QString, QString> eventIds = std::exchange(m_pendingEventIds, {});
    if (m_writer)
        m_writer->post(std::move(writes), std::move(eventIds));
    else
        writeBatch(*m_queries, m_connection, writes, eventIds);
}

void HistoryCache::writeBatch(Queries &queries, const QString &connection,
                              const QList<PendingWrite> &writes,
                              const QHash<QString, QString> &eventIds)
{
    QSqlDatabase db = QSqlDatabase::database(connection, false);
    const bool inTransaction = db.transaction();
    for (const PendingWrite &w : writes) {
        const Message &m = w.message;
        if (w.remove) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("DELETE FROM messages WHERE tkey=? AND id=?"));
            q.addBindValue(w.key);
            q.addBindValue(m.id);
            if (!q.exec())
                qCWarning(lcClientCache) << "remove failed:" << q.lastError().text();
            continue;
        }
        QSqlQuery &q = queries.upsert;
        q.bindValue(0, w.key);
        q.bindValue(1, m.id);
        q.bindValue(2, m.authorId);
        q.bindValue(3, m.authorName);
        q.bindValue(4, m.text);
        q.bindValue(5, m.peerId);
        q.bindValue(6, m.time);
        q.bindValue(7, m.edited);
        q.bindValue(8, flagsOf(m));
        q.bindValue(9, m.replyTo);
        if (!q.exec())
            qCWarning(lcClientCache) << "store failed:" << q.lastError().text();
    }
    if (!eventIds.isEmpty()) {
        QSqlQuery q(db);
        q.prepare(
            QStringLiteral("INSERT INTO rooms(room, last_event_id) VALUES(?, ?) ON CONFLICT(room) "
                           "DO UPDATE SET last_event_id=excluded.last_event_id"));
        for (auto it = eventIds.cbegin(); it != eventIds.cend(); ++it) {
            q.bindValue(0, it.key());
            q.bindValue(1, it.value());
            if (!q.exec())
                qCWarning(lcClientCache) << "last event id not stored:" << q.lastError().text();
        }
    }
    if (inTransaction && !db.commit())
        qCWarning(lcClientCache) << "commit failed:" << db.lastError().text();
}

void HistoryCache::storeMessage(const QString &key, const Message &m)
{
    if (!m_open)
        return;
    m_pending.append({key, m, false});
    scheduleFlush();
}

void HistoryCache::removeMessage(const QString &key, const QString &id)
{
    if (!m_open)
        return;
    Message m;
    m.id = id;
    m_pending.append({key, m, true});
    scheduleFlush();
}

bool HistoryCache::containsMessage(const QString &key, const QString &id) const
{
    if (!m_open)
        return false;
    flushForRead();
    QSqlQuery &q = m_queries->contains;
    q.bindValue(0, key);
    q.bindValue(1, id);
    const bool found = q.exec() && q.next();
    q.finish();
    return found;
}

QList<Message> HistoryCache::latest(const QString &key, int limit) const
{
    QList<Message> out;
    if (!m_open)
        return out;
    flushForRead();
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT %1 FROM messages WHERE tkey=? ORDER BY seq DESC LIMIT ?")
                  .arg(QLatin1String(kColumns)));
    q.addBindValue(key);
    q.addBindValue(limit);
    if (q.exec()) {
        while (q.next())
            out.prepend(messageFrom(q));
    }
    return out;
}

QList<Message> HistoryCache::before(const QString &key, const QString &id, int limit) const
{
    QList<Message> out;
    if (!m_open)
        return out;
    flushForRead();
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT %1 FROM messages WHERE tkey=? AND seq < (SELECT seq FROM "
                             "messages WHERE tkey=? AND id=?) ORDER BY seq DESC LIMIT ?")
                  .arg(QLatin1String(kColumns)));
    q.addBindValue(key);
    q.addBindValue(key);
    q.addBindValue(id);
    q.addBindValue(limit);
    if (q.exec()) {
        while (q.next())
            out.prepend(messageFrom(q));
    }
    return out;
}

QStringList HistoryCache::conversationKeys() const
{
    QStringList keys;
    if (!m_open)
        return keys;
    flushForRead();
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (q.exec(QStringLiteral(
            "SELECT tkey FROM messages WHERE tkey >= 'dm:' AND tkey < 'dm;' GROUP BY tkey "
            "ORDER BY MIN(seq)"))) {
        while (q.next())
            keys.append(q.value(0).toString());
    }
    return keys;
}

QString HistoryCache::lastEventId(const QString &room) const
{
    if (!m_open)
        return QString();
    if (const auto it = m_pendingEventIds.constFind(room); it != m_pendingEventIds.cend())
        return it.value();
    if (m_writer)
        m_writer->waitIdle(); // an id handed to the writer is not committed yet
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT last_event_id FROM rooms WHERE room=?"));
    q.addBindValue(room);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return QString();
}

void HistoryCache::setLastEventId(const QString &room, const QString &id)
{
    if (!m_open)
        return;
    m_pendingEventIds.insert(room, id);
    scheduleFlush(); // written in the same commit as the messages before it
}

QList<CacheIndex::Hit> HistoryCache::search(const QString &query, int limit) const
{
    if (!m_open)
        return {};
    flushForRead();
    return CacheIndex::search(m_connection, query, limit);
}

int HistoryCache::storeOlder(const QString &key, const QList<Message> &messages)
{
    if (!m_open)
        return 0;
    flushForRead();
    return CacheIndex::storeOlder(m_connection, key, messages);
}

QList<Message> HistoryCache::after(const QString &key, const QString &id, int limit,
                                   bool inclusive) const
{
    if (!m_open)
        return {};
    flushForRead();
    return CacheIndex::after(m_connection, key, id, limit, inclusive);
}

int HistoryCache::storeAfter(const QString &key, const QString &afterId,
                             const QList<Message> &messages)
{
    if (!m_open)
        return 0;
    flushForRead();
    return CacheGaps::storeAfter(m_connection, key, afterId, messages);
}

QHash<QString, QString> HistoryCache::gaps(const QString &key) const
{
    if (!m_open)
        return {};
    flushForRead();
    return CacheGaps::gaps(m_connection, key);
}

void HistoryCache::setGap(const QString &key, const QString &top, const QString &after,
                          const QString &oldTop)
{
    if (!m_open)
        return;
    flushForRead(); // one writer at a time
    CacheGaps::setGap(m_connection, key, top, after, oldTop);
}

void HistoryCache::removeGap(const QString &key, const QString &top)
{
    if (!m_open)
        return;
    flushForRead();
    CacheGaps::removeGap(m_connection, key, top);
}

} // namespace talker::client
