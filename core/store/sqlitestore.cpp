// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "store/sqlitestore.h"

#include "store/schemamigrations.h"
#include "store/searchindexer.h"
#include "store/sqlitehistory.h"

#include <QAtomicInt>
#include <QDateTime>
#include <QMutex>
#include <QSqlError>
#include <QVariant>
#include <mutex>

namespace talker::store {

namespace {

QAtomicInt connectionCounter;

enum Query { QEnsureRoom, QSelectRooms, QInsertEvent, QOpenPresences, QCount };

const char *const kSql[QCount] = {
    "INSERT OR IGNORE INTO rooms(name, created) VALUES(?, ?)",
    "SELECT name FROM rooms ORDER BY name",
    "INSERT INTO events(seq, room, id, kind, sender, recipient, time, content, line) "
    "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)",
    // SQLite takes the bare `kind` from the row with the MAX(seq) of each group.
    "SELECT room, sender, kind, MAX(seq) FROM events WHERE kind IN (1, 2) "
    "GROUP BY room, sender",
};

/// SQLite gets '' rather than NULL for an empty string.
QString text(const QString &s)
{
    return s.isNull() ? QString(QLatin1String("")) : s;
}

} // namespace

QMutex &SqliteStore::writeLock()
{
    // Serializes writes of all stores in this process: threads sharing a database
    // file then never wait in SQLite's busy handler for each other.
    static QMutex mutex;
    return mutex;
}

SqliteStore::SqliteStore()
    : m_connection(QStringLiteral("talker-store-%1").arg(connectionCounter.fetchAndAddRelaxed(1)))
{}

SqliteStore::~SqliteStore()
{
    close();
}

bool SqliteStore::isOpen() const
{
    return QSqlDatabase::contains(m_connection) &&
           QSqlDatabase::database(m_connection, false).isOpen();
}

void SqliteStore::close()
{
    m_queries.reset();
    m_accountQueries.reset();
    m_readQueries.reset();
    m_history.reset();
    m_indexer.reset();
    m_guard.stop();
    if (QSqlDatabase::contains(m_connection)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connection, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connection);
    }
}

bool SqliteStore::open(const QString &path, const Options &options)
{
    close();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(path);
    m_busyTimeoutMs = options.busyTimeoutMs;
    QString connectOptions = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs);
    if (options.readOnly)
        connectOptions += QStringLiteral(";QSQLITE_OPEN_READONLY");
    db.setConnectOptions(connectOptions);
    if (!db.open()) {
        m_error = db.lastError().text();
        return false;
    }
    m_guard.watch(path);
    m_queries = std::make_unique<PreparedQueries>(m_connection, kSql, QCount, &m_guard);
    prepareAccounts();
    prepareReads();
    if (!options.readOnly) {
        const char *const schema[] = {
            "PRAGMA journal_mode=WAL",
            "PRAGMA synchronous=NORMAL",
            "CREATE TABLE IF NOT EXISTS users(id INTEGER PRIMARY KEY AUTOINCREMENT, "
            "name TEXT NOT NULL UNIQUE, token_hash TEXT NOT NULL UNIQUE, created INTEGER)",
            "CREATE TABLE IF NOT EXISTS rooms(name TEXT PRIMARY KEY, created INTEGER)",
            "CREATE TABLE IF NOT EXISTS events(seq INTEGER PRIMARY KEY AUTOINCREMENT, "
            "room TEXT NOT NULL, id TEXT NOT NULL, kind INTEGER NOT NULL, "
            "sender TEXT NOT NULL DEFAULT '', recipient TEXT NOT NULL DEFAULT '', "
            "time INTEGER NOT NULL DEFAULT 0, content TEXT NOT NULL DEFAULT '', "
            "line BLOB NOT NULL)",
            "CREATE INDEX IF NOT EXISTS events_room_seq ON events(room, seq)",
        };
        for (const char *sql : schema) {
            if (!exec(QString::fromLatin1(sql))) {
                close();
                return false;
            }
        }
        if (!migrations::run(m_connection, &m_error) || !addNameKeys() ||
            !exec(QStringLiteral("PRAGMA temp_store = MEMORY"))) {
            close();
            return false;
        }
    }
    if (options.maxSizeBytes > 0) {
        QSqlQuery pageSize(db);
        qint64 bytesPerPage = 4096;
        if (pageSize.exec(QStringLiteral("PRAGMA page_size")) && pageSize.next())
            bytesPerPage = qMax<qint64>(512, pageSize.value(0).toLongLong());
        const qint64 pages = qMax<qint64>(1, options.maxSizeBytes / bytesPerPage);
        if (!exec(QStringLiteral("PRAGMA max_page_count=%1").arg(pages))) {
            close();
            return false;
        }
    }
    m_history = std::make_unique<SqliteHistory>(m_connection, &m_guard);
    if (!options.readOnly)
        m_indexer = std::make_unique<SearchIndexer>(m_connection, &m_guard);
    m_error.clear();
    return true;
}

bool SqliteStore::exec(const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(sql)) {
        fail(q.lastError());
        return false;
    }
    return true;
}

void SqliteStore::fail(const QSqlError &error)
{
    m_error = error.text();
    m_busy = PreparedQueries::isBusy(error);
}

QSqlQuery &SqliteStore::prepared(int which)
{
    return m_queries->get(which);
}

bool SqliteStore::run(QSqlQuery &query)
{
    const bool ok = m_queries->run(query);
    m_error = m_queries->error();
    m_busy = m_queries->errorIsBusy();
    return ok;
}

bool SqliteStore::ensureRoom(const QString &room)
{
    const QMutexLocker lock(&writeLock());
    QSqlQuery &q = prepared(QEnsureRoom);
    q.addBindValue(room);
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    const bool ok = run(q);
    q.finish();
    return ok;
}

QStringList SqliteStore::rooms()
{
    QStringList list;
    QSqlQuery &q = prepared(QSelectRooms);
    if (!run(q))
        return list;
    while (q.next())
        list.append(q.value(0).toString());
    q.finish();
    return list;
}

bool SqliteStore::setWriteWait(int busyTimeoutMs, bool processLock)
{
    m_appendProcessLock = processLock;
    m_busyTimeoutMs = busyTimeoutMs;
    return exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(busyTimeoutMs));
}

std::unique_lock<QMutex> SqliteStore::lockForAppend()
{
    if (!m_appendProcessLock)
        return std::unique_lock<QMutex>();
    return std::unique_lock<QMutex>(writeLock());
}

bool SqliteStore::append(StoredEvent *event)
{
    const auto lock = lockForAppend();
    return insert(event);
}

bool SqliteStore::appendAll(const QList<StoredEvent *> &events)
{
    if (events.size() == 1)
        return append(events.first());
    const auto lock = lockForAppend();
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction()) {
        fail(db.lastError());
        return false;
    }
    for (StoredEvent *e : events) {
        if (!insert(e)) {
            db.rollback();
            return false;
        }
    }
    if (!db.commit()) {
        fail(db.lastError());
        db.rollback();
        return false;
    }
    return true;
}

bool SqliteStore::insert(StoredEvent *event)
{
    QSqlQuery &q = prepared(QInsertEvent);
    // A journaled event has its seq (eventjournal.h); NULL lets SQLite choose one.
    q.addBindValue(event->seq > 0 ? QVariant(event->seq)
                                  : QVariant(QMetaType::fromType<qlonglong>()));
    q.addBindValue(text(event->room));
    q.addBindValue(text(event->id));
    q.addBindValue(static_cast<int>(event->kind));
    q.addBindValue(text(event->senderId));
    q.addBindValue(text(event->recipientId));
    q.addBindValue(event->time);
    q.addBindValue(text(event->content));
    q.addBindValue(event->line);
    if (!run(q))
        return false;
    event->seq = q.lastInsertId().toLongLong();
    q.finish();
    return true;
}

HistoryPage SqliteStore::historyBefore(const QString &room, const QString &beforeId,
                                       const QString &userId, int limit)
{
    catchUp(room);
    if (!m_history)
        return HistoryPage{};
    const HistoryPage page = m_history->before(room, beforeId, userId, limit);
    m_error = m_history->lastError();
    return page;
}

std::optional<QByteArray> SqliteStore::lineAt(qint64 seq)
{
    catchUp(seq);
    if (!m_history)
        return std::nullopt;
    std::optional<QByteArray> line = m_history->lineAt(seq);
    m_error = m_history->lastError();
    return line;
}

SearchPage SqliteStore::search(const SearchQuery &query)
{
    catchUp();
    if (!m_history)
        return SearchPage{};
    // On a locked database this searches what is indexed so far: at most the writer's
    // last few tenths of a second are missing.
    indexForSearch(0);
    SearchPage page = m_history->search(query);
    m_error = m_history->lastError();
    return page;
}

bool SqliteStore::indexForSearch(qint64 maxEvents, qint64 *indexed)
{
    if (indexed)
        *indexed = 0;
    if (!m_indexer) {
        m_error = QStringLiteral("the database is not open for writing");
        return false;
    }
    // Behind this process's appends, as one of them: a room thread that wants to write
    // meanwhile waits for this short transaction rather than handing its write to the
    // store writer. Holding that lock, it never waits for another process's: a locked
    // database fails it at once, and it is tried again later.
    const QMutexLocker lock(&writeLock());
    const bool wait = m_busyTimeoutMs > 0;
    if (wait && !exec(QStringLiteral("PRAGMA busy_timeout = 0")))
        return false;
    const bool ok = m_indexer->catchUp(maxEvents, indexed);
    m_error = m_indexer->error();
    m_busy = m_indexer->errorIsBusy();
    if (wait)
        exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(m_busyTimeoutMs));
    return ok;
}

bool SqliteStore::setAutoCheckpoint(bool on)
{
    // 1000 pages is SQLite's default.
    return exec(QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(on ? 1000 : 0));
}

bool SqliteStore::checkpoint()
{
    if (!m_queries || !m_queries->checkStorage().isEmpty())
        return false; // touching faulty files could raise SIGBUS (storageguard.h)
    return exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"));
}

QList<StoredEvent> SqliteStore::openPresences()
{
    QList<StoredEvent> open;
    QSqlQuery &q = prepared(QOpenPresences);
    if (!run(q))
        return open;
    while (q.next()) {
        if (q.value(2).toInt() != int(EventKind::Join))
            continue;
        StoredEvent e;
        e.room = q.value(0).toString();
        e.senderId = q.value(1).toString();
        e.kind = EventKind::Join;
        e.seq = q.value(3).toLongLong();
        open.append(e);
    }
    q.finish();
    return open;
}

bool SqliteStore::appendClosingLeaves(const QList<StoredEvent *> &leaves)
{
    if (leaves.isEmpty() || !appendAll(leaves))
        return leaves.isEmpty();
    // The leave trigger ended the memberships too; a restart is not leaving the room.
    const QMutexLocker lock(&writeLock());
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO memberships(user, room) VALUES(?, ?)"));
    for (const StoredEvent *e : leaves) {
        q.addBindValue(e->senderId);
        q.addBindValue(e->room);
        if (!run(q))
            return false;
    }
    return true;
}

} // namespace talker::store
