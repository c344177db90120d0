// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/sqlitehistory.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QVariant>
#include <limits>

namespace talker::store {

namespace {

enum Query { QFirstInRoom, QCursor, QBefore, QLine, QSearch, QCount };

const char *const kSql[QCount] = {
    kFirstSeqSql,
    // The search cursor: a message in one of the searcher's rooms (no index by id alone).
    "SELECT MIN(m.seq) FROM memberships s JOIN messages m ON m.room = s.room AND m.id = ? "
    "WHERE s.user = ?",
    // Each message once, at its first row, sending its latest row's line; join and
    // leave as they are; edit rows (not the first of their message) are skipped.
    "SELECT COALESCE(m.latest, e.seq) FROM events e LEFT JOIN messages m ON m.seq = e.seq "
    "WHERE e.room = ? AND e.seq < ? AND (e.kind <> 0 OR m.seq IS NOT NULL) "
    "AND (e.recipient = '' OR e.sender = ? OR e.recipient = ?) "
    "ORDER BY e.seq DESC LIMIT ?",
    "SELECT line FROM events WHERE seq = ?",
    // Newest first straight from the index (FTS5 walks rowids in order), filtered to
    // the user's rooms and private messages.
    "SELECT m.room, e.line FROM message_text t JOIN messages m ON m.seq = t.rowid "
    "JOIN events e ON e.seq = m.latest "
    "WHERE message_text MATCH ? AND t.rowid < ? "
    "AND (m.recipient = '' OR m.sender = ? OR m.recipient = ?) "
    "AND EXISTS (SELECT 1 FROM memberships s WHERE s.user = ? AND s.room = m.room) "
    "ORDER BY t.rowid DESC LIMIT ?",
};

QString text(const QString &s)
{
    return s.isNull() ? QString(QLatin1String("")) : s;
}

} // namespace

SqliteHistory::SqliteHistory(const QString &connectionName, StorageGuard *guard)
    : m_queries(connectionName, kSql, QCount, guard)
{}

SqliteHistory::~SqliteHistory() = default;

qint64 SqliteHistory::firstSeq(const QString &room, const QString &id)
{
    QSqlQuery &q = prepared(QFirstInRoom);
    bindRoomId(q, room, id);
    return m_queries.runForSeq(q, -1);
}

qint64 SqliteHistory::cursorSeq(const QString &id, const QString &userId)
{
    QSqlQuery &q = prepared(QCursor);
    q.addBindValue(id);
    q.addBindValue(text(userId));
    return m_queries.runForSeq(q, -1);
}

HistoryPage SqliteHistory::before(const QString &room, const QString &beforeId,
                                  const QString &userId, int limit)
{
    HistoryPage page;
    page.available = true;
    const qint64 seq = firstSeq(text(room), beforeId);
    if (seq < 0)
        return page;
    page.found = true;
    QSqlQuery &q = prepared(QBefore);
    q.addBindValue(text(room));
    q.addBindValue(seq);
    q.addBindValue(text(userId));
    q.addBindValue(text(userId));
    q.addBindValue(qMax(0, limit) + 1); // one more tells whether older ones exist
    if (!run(q))
        return page;
    while (q.next())
        page.lineSeqs.prepend(q.value(0).toLongLong());
    q.finish();
    if (page.lineSeqs.size() > limit) {
        page.more = true;
        page.lineSeqs.removeFirst();
    }
    return page;
}

std::optional<QByteArray> SqliteHistory::lineAt(qint64 seq)
{
    QSqlQuery &q = prepared(QLine);
    q.addBindValue(seq);
    if (!run(q))
        return std::nullopt;
    std::optional<QByteArray> line;
    if (q.next())
        line = q.value(0).toByteArray();
    q.finish();
    return line;
}

SearchPage SqliteHistory::search(const SearchQuery &query)
{
    SearchPage page;
    qint64 before = std::numeric_limits<qint64>::max();
    if (!query.beforeId.isEmpty()) {
        before = cursorSeq(query.beforeId, query.userId);
        if (before < 0) {
            page.found = false;
            return page;
        }
    }
    QSqlQuery &q = prepared(QSearch);
    q.addBindValue(query.match);
    q.addBindValue(before);
    for (int i = 0; i < 3; ++i)
        q.addBindValue(text(query.userId));
    q.addBindValue(qMax(0, query.limit) + 1);
    if (!run(q))
        return page;
    qint64 bytes = 0;
    while (q.next()) {
        SearchHit hit{q.value(0).toString(), q.value(1).toByteArray()};
        bytes += hit.line.size() + hit.room.size();
        if (page.hits.size() >= query.limit || (query.maxBytes > 0 && bytes > query.maxBytes)) {
            page.more = true;
            break;
        }
        page.hits.append(std::move(hit));
    }
    q.finish();
    return page;
}

} // namespace talker::store
