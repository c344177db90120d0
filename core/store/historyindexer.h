// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/preparedqueries.h"

namespace talker::store {

/// Brings what history paging and search read up to the stored events, in batches:
/// `messages` (each message once, at its first row, pointing at its latest) and the
/// full-text index `message_text`.
///
/// Appending an event writes only its row (schema version 4): keeping both up to date
/// on every append made each commit several B-tree pages larger, a third of the send
/// path's cost. The store writer catches them up every few tenths of a second, many
/// events per transaction, and paging, search and pruning catch up first, so they see
/// every event stored before them. `search_progress.indexed_seq` is the last event
/// covered; SQLite serializes writers, so every event at or below it is either covered
/// or was never committed.
class HistoryIndexer
{
public:
    HistoryIndexer(const QString &connectionName, StorageGuard *guard);

    /// Covers at most `maxEvents` events after the last covered one (0: all of them),
    /// in one transaction. False on failure (nothing is changed), with
    /// error() and errorIsBusy() set. `*indexed`, when given, gets how many events the
    /// call covered.
    bool catchUp(qint64 maxEvents, qint64 *indexed = nullptr);
    QString error() const { return m_queries.error(); }
    bool errorIsBusy() const { return m_queries.errorIsBusy(); }

private:
    /// The last indexed event and the newest stored one; false on failure.
    bool bounds(qint64 *indexedSeq, qint64 *newestSeq);
    bool index(qint64 afterSeq, qint64 upToSeq);
    bool exec(int which);

    QString m_connection;
    PreparedQueries m_queries;
};

} // namespace talker::store
