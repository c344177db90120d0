// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/searchindexer.h"

#include <QSqlDatabase>
#include <QVariant>

namespace talker::store {

namespace {

enum Query { QBegin, QCommit, QBounds, QUnindex, QIndex, QProgress, QCount };

// The messages that the events in (?, ?] touched: their first seq is their index rowid.
#define TOUCHED                                                                                    \
    "SELECT m.seq FROM events e JOIN messages m ON m.room = e.room AND m.id = e.id "               \
    "WHERE e.seq > ?1 AND e.seq <= ?2 AND e.kind = 0"

const char *const kSql[QCount] = {
    // IMMEDIATE: a deferred transaction that read first could not write after another
    // connection's commit.
    "BEGIN IMMEDIATE",
    "COMMIT",
    "SELECT p.indexed_seq, (SELECT COALESCE(MAX(seq), 0) FROM events) FROM search_progress p",
    "DELETE FROM message_text WHERE rowid IN (" TOUCHED ")",
    // Each touched message's latest text (none once retracted). A later edit that is
    // already stored is indexed now, and again, the same, by the batch that covers it.
    "INSERT INTO message_text(rowid, content) SELECT m.seq, l.content FROM messages m "
    "JOIN events l ON l.seq = m.latest WHERE m.seq IN (" TOUCHED ") AND l.content <> ''",
    "UPDATE search_progress SET indexed_seq = ?",
};

#undef TOUCHED

} // namespace

SearchIndexer::SearchIndexer(const QString &connectionName, StorageGuard *guard)
    : m_connection(connectionName)
    , m_queries(connectionName, kSql, QCount, guard)
{}

bool SearchIndexer::exec(int which)
{
    QSqlQuery &q = m_queries.get(which);
    const bool ok = m_queries.run(q);
    q.finish();
    return ok;
}

bool SearchIndexer::bounds(qint64 *indexedSeq, qint64 *newestSeq)
{
    QSqlQuery &q = m_queries.get(QBounds);
    if (!m_queries.run(q))
        return false;
    const bool found = q.next();
    if (found) {
        *indexedSeq = q.value(0).toLongLong();
        *newestSeq = q.value(1).toLongLong();
    }
    q.finish();
    return found;
}

bool SearchIndexer::index(qint64 afterSeq, qint64 upToSeq)
{
    for (int which : {QUnindex, QIndex}) {
        QSqlQuery &q = m_queries.get(which);
        q.bindValue(0, afterSeq);
        q.bindValue(1, upToSeq);
        const bool ok = m_queries.run(q);
        q.finish();
        if (!ok)
            return false;
    }
    QSqlQuery &progress = m_queries.get(QProgress);
    progress.addBindValue(upToSeq);
    const bool ok = m_queries.run(progress);
    progress.finish();
    return ok;
}

bool SearchIndexer::catchUp(qint64 maxEvents, qint64 *indexed)
{
    if (indexed)
        *indexed = 0;
    if (!exec(QBegin))
        return false;
    qint64 from = 0;
    qint64 newest = 0;
    bool ok = bounds(&from, &newest);
    const qint64 to = maxEvents > 0 ? qMin(newest, from + maxEvents) : newest;
    if (ok && to > from)
        ok = index(from, to);
    if (ok && exec(QCommit)) {
        if (indexed)
            *indexed = qMax<qint64>(0, to - from);
        return true;
    }
    // Outside m_queries: error() keeps the failure, not the rollback's result.
    QSqlQuery(QSqlDatabase::database(m_connection, false)).exec(QStringLiteral("ROLLBACK"));
    return false;
}

} // namespace talker::store
