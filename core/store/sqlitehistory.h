// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/preparedqueries.h"
#include "store/store.h"

namespace talker::store {

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
    /// The first seq of `id` (in `room`, or in any room when `room` is null); -1 if none.
    qint64 firstSeq(const QString &room, const QString &id);

    PreparedQueries m_queries;
};

} // namespace talker::store
