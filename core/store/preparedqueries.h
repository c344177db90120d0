// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlQuery>
#include <QString>
#include <memory>
#include <vector>

class QSqlError;

namespace talker::store {

class StorageGuard;

/// The prepared statements of one SQLite connection, each made on first use, and the
/// error of the last one run. With a StorageGuard, a statement runs only while the
/// database's files are sound; a fault is logged (once) and fails the statement.
class PreparedQueries
{
public:
    /// `sql` holds `count` statements, indexed by the caller's enum; it outlives this.
    PreparedQueries(const QString &connectionName, const char *const *sql, int count,
                    StorageGuard *guard = nullptr);

    /// The prepared statement `which`, values not yet bound.
    QSqlQuery &get(int which);
    /// Executes `query` (values bound). False on failure, with error() set.
    bool run(QSqlQuery &query);
    /// Executes `query` and gives its one value, a seq: `fallback` when it fails, has no
    /// row or gives NULL (the MIN or MAX of nothing).
    qint64 runForSeq(QSqlQuery &query, qint64 fallback);
    /// The last failure's text, empty after a statement that succeeded.
    QString error() const { return m_error; }
    /// Whether the last failure was a database locked past the busy timeout.
    bool errorIsBusy() const { return m_busy; }
    /// Records a failure of a statement run elsewhere on the connection.
    void fail(const QSqlError &error);
    /// Whether `error` is SQLite's "database is locked" (past the busy timeout).
    static bool isBusy(const QSqlError &error);
    /// The guard's fault, logged the first time; empty while the files are sound.
    QString checkStorage();

private:
    QString m_connection;
    const char *const *m_sql;
    std::vector<std::unique_ptr<QSqlQuery>> m_queries;
    StorageGuard *m_guard;
    QString m_error;
    bool m_busy = false;
    bool m_faultLogged = false;
};

} // namespace talker::store
