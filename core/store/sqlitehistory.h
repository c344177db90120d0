// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/preparedqueries.h"
#include "store/store.h"

namespace talker::store {

/// The first seq of an event in a room by id: a message's first row from `messages`, a
/// join or leave from `events_presence_id` (schema version 4). Bound with bindRoomId().
inline constexpr char kFirstSeqSql[] =
    "SELECT MIN(s) FROM (SELECT seq AS s FROM messages WHERE room = ? AND id = ? "
    "UNION ALL SELECT MIN(seq) FROM events WHERE room = ? AND id = ? AND kind <> 0)";

/// Binds a lookup by id such as kFirstSeqSql: the room and id once for the messages and
/// once for the joins and leaves.
inline void bindRoomId(QSqlQuery &q, const QString &room, const QString &id)
{
    for (int i = 0; i < 2; ++i) {
        q.addBindValue(room);
        q.addBindValue(id);
    }
}

/// The read side of history paging and search on a SqliteStore's connection, over the
/// tables of schema version 1 (schemamigrations.cpp). One per SqliteStore, same thread.
class SqliteHistory
{
public:
    SqliteHistory(const QString &connectionName, StorageGuard *guard);
    ~SqliteHistory();
    SqliteHistory(const SqliteHistory &) = delete;
    SqliteHistory &operator=(const SqliteHistory &) = delete;

    HistoryPage before(const QString &room, const QString &beforeId, const QString &userId,
                       int limit);
    std::optional<QByteArray> lineAt(qint64 seq);
    SearchPage search(const SearchQuery &query);
    /// The last error text, empty after a call that succeeded.
    QString lastError() const { return m_queries.error(); }

private:
    QSqlQuery &prepared(int which) { return m_queries.get(which); }
    bool run(QSqlQuery &query) { return m_queries.run(query); }
    /// The first seq of `id` in `room`, -1 if none.
    qint64 firstSeq(const QString &room, const QString &id);
    /// The first seq of the message `id` in one of `userId`'s rooms, -1 if none.
    qint64 cursorSeq(const QString &id, const QString &userId);

    PreparedQueries m_queries;
};

} // namespace talker::store
