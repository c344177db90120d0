// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/preparedqueries.h"

namespace talker::store {

/// Brings the full-text index (`message_text`) up to the stored messages, in batches.
///
/// Appending a message does not index it (schema version 3): one FTS5 write per
/// message made each append several pages larger and cost the send path a tenth of the
/// server's CPU. The store writer indexes what is new every few tenths of a second,
/// many messages per transaction, and a search first catches the index up, so it
/// finds every message stored before it. `search_progress.indexed_seq` is the last
/// event indexed; SQLite serializes writers, so every event at or below it is either
/// indexed or was never committed.
class SearchIndexer
{
public:
    SearchIndexer(const QString &connectionName, StorageGuard *guard);

    /// Indexes at most `maxEvents` events after the last indexed one (0: all of them),
    /// in one transaction. False on failure (the index is left as it was), with
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
