// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// SqliteStore's reads of a room's events: the latest row of a message, the replays
// of a connect (after an id, the last N) and the ranges a streamed replay reads.
#include "store/sqlitestore.h"

#include "store/eventjournal.h"
#include "store/sqlitehistory.h"

#include <QVariant>

namespace talker::store {

namespace {

enum ReadQuery { QLatest, QFirstSeq, QAfter, QLast, QLastSeq, QNewestSeq, QBetween, QReadCount };

const char *const kReadSql[QReadCount] = {
    // By id: a message in `messages`, a join or leave in `events_presence_id`
    // (schemamigrations.cpp, version 4).
    "SELECT seq, room, id, kind, sender, recipient, time, content, line FROM events "
    "WHERE seq = (SELECT MAX(s) FROM (SELECT latest AS s FROM messages WHERE room = ? AND id = ? "
    "UNION ALL SELECT MAX(seq) FROM events WHERE room = ? AND id = ? AND kind <> 0))",
    kFirstSeqSql,
    "SELECT seq, room, id, kind, sender, recipient, time, content, line FROM "
    "(SELECT * FROM events WHERE room = ? AND seq > ? "
    "AND (recipient = '' OR sender = ? OR recipient = ?) ORDER BY seq DESC LIMIT ?) "
    "ORDER BY seq",
    "SELECT seq, room, id, kind, sender, recipient, time, content, line FROM "
    "(SELECT * FROM events WHERE room = ? "
    "AND (recipient = '' OR sender = ? OR recipient = ?) ORDER BY seq DESC LIMIT ?) "
    "ORDER BY seq",
    "SELECT MAX(seq) FROM events WHERE room = ?",
    "SELECT seq FROM events WHERE room = ? AND seq > ? AND seq <= ? "
    "AND (recipient = '' OR sender = ? OR recipient = ?) ORDER BY seq DESC LIMIT 1 OFFSET ?",
    "SELECT seq, room, id, kind, sender, recipient, time, content, line FROM events "
    "WHERE room = ? AND seq > ? AND seq <= ? "
    "AND (recipient = '' OR sender = ? OR recipient = ?) ORDER BY seq LIMIT ?",
};

/// A user id to bind: SQLite gets '' rather than NULL for an empty string.
QString text(const QString &s)
{
    return s.isNull() ? QString(QLatin1String("")) : s;
}

StoredEvent readEvent(const QSqlQuery &q)
{
    StoredEvent e;
    e.seq = q.value(0).toLongLong();
    e.room = q.value(1).toString();
    e.id = q.value(2).toString();
    e.kind = static_cast<EventKind>(q.value(3).toInt());
    e.senderId = q.value(4).toString();
    e.recipientId = q.value(5).toString();
    e.time = q.value(6).toLongLong();
    e.content = q.value(7).toString();
    e.line = q.value(8).toByteArray();
    return e;
}

} // namespace

void SqliteStore::prepareReads()
{
    m_readQueries = std::make_unique<PreparedQueries>(m_connection, kReadSql, QReadCount, &m_guard);
}

QSqlQuery &SqliteStore::readQuery(int which)
{
    return m_readQueries->get(which);
}

std::optional<StoredEvent> SqliteStore::latest(const QString &room, const QString &id)
{
    if (m_journal) {
        if (std::optional<StoredEvent> journaled = m_journal->latest(room, id))
            return journaled; // newer than any row
    }
    QSqlQuery &q = readQuery(QLatest);
    bindRoomId(q, room, id);
    if (!run(q))
        return std::nullopt;
    std::optional<StoredEvent> event;
    if (q.next())
        event = readEvent(q);
    q.finish();
    return event;
}

QList<StoredEvent> SqliteStore::eventsAfter(const QString &room, const QString &afterId,
                                            const QString &userId, int cap, bool *found)
{
    catchUp(room);
    if (found)
        *found = false;
    QSqlQuery &first = readQuery(QFirstSeq);
    bindRoomId(first, room, afterId);
    const qint64 seq = fetchSeq(first, -1);
    if (seq < 0)
        return {};
    if (found)
        *found = true;
    QSqlQuery &q = readQuery(QAfter);
    q.addBindValue(room);
    q.addBindValue(seq);
    q.addBindValue(text(userId));
    q.addBindValue(text(userId));
    q.addBindValue(cap);
    return fetchEvents(q);
}

QList<StoredEvent> SqliteStore::lastEvents(const QString &room, const QString &userId, int count)
{
    catchUp(room);
    if (count <= 0)
        return {};
    QSqlQuery &q = readQuery(QLast);
    q.addBindValue(room);
    q.addBindValue(text(userId));
    q.addBindValue(text(userId));
    q.addBindValue(count);
    return fetchEvents(q);
}

qint64 SqliteStore::firstSeq(const QString &room, const QString &id)
{
    catchUp(room);
    QSqlQuery &q = readQuery(QFirstSeq);
    bindRoomId(q, room, id);
    return fetchSeq(q, -1);
}

qint64 SqliteStore::lastSeq(const QString &room)
{
    catchUp(room);
    QSqlQuery &q = readQuery(QLastSeq);
    q.addBindValue(room);
    return fetchSeq(q, 0);
}

qint64 SqliteStore::seqBeforeNewest(const QString &room, const QString &userId, qint64 afterSeq,
                                    qint64 upToSeq, int count)
{
    catchUp(room, upToSeq);
    if (count <= 0)
        return upToSeq;
    QSqlQuery &q = readQuery(QNewestSeq);
    q.addBindValue(room);
    q.addBindValue(afterSeq);
    q.addBindValue(upToSeq);
    q.addBindValue(text(userId));
    q.addBindValue(text(userId));
    q.addBindValue(count - 1);
    const qint64 oldest = fetchSeq(q, -1);
    return oldest < 0 ? afterSeq : oldest - 1;
}

QList<StoredEvent> SqliteStore::eventsBetween(const QString &room, const QString &userId,
                                              qint64 afterSeq, qint64 upToSeq, int limit)
{
    catchUp(room, upToSeq);
    QSqlQuery &q = readQuery(QBetween);
    q.addBindValue(room);
    q.addBindValue(afterSeq);
    q.addBindValue(upToSeq);
    q.addBindValue(text(userId));
    q.addBindValue(text(userId));
    q.addBindValue(limit);
    return fetchEvents(q);
}

qint64 SqliteStore::fetchSeq(QSqlQuery &query, qint64 fallback)
{
    const qint64 seq = m_queries->runForSeq(query, fallback);
    m_error = m_queries->error();
    m_busy = m_queries->errorIsBusy();
    return seq;
}

QList<StoredEvent> SqliteStore::fetchEvents(QSqlQuery &query)
{
    QList<StoredEvent> list;
    if (!run(query))
        return list;
    while (query.next())
        list.append(readEvent(query));
    query.finish();
    return list;
}

} // namespace talker::store
