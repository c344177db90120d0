// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/preparedqueries.h"

#include "store/storageguard.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>

namespace talker::store {

Q_LOGGING_CATEGORY(lcStorage, "talker.store")

PreparedQueries::PreparedQueries(const QString &connectionName, const char *const *sql, int count,
                                 StorageGuard *guard)
    : m_connection(connectionName)
    , m_sql(sql)
    , m_queries(size_t(count))
    , m_guard(guard)
{}

QSqlQuery &PreparedQueries::get(int which)
{
    auto &slot = m_queries[size_t(which)];
    if (!slot)
        slot = std::make_unique<QSqlQuery>(QSqlDatabase::database(m_connection, false));
    // Preparing reads the database too (a trigger's search table): not while it is
    // faulty. run() then refuses the unprepared statement.
    if (slot->lastQuery().isEmpty() && checkStorage().isEmpty()) {
        slot->setForwardOnly(true);
        slot->prepare(QString::fromLatin1(m_sql[which]));
    }
    return *slot;
}

QString PreparedQueries::checkStorage()
{
    const QString fault = m_guard ? m_guard->fault() : QString();
    if (fault.isEmpty()) {
        m_faultLogged = false;
        return fault;
    }
    if (!m_faultLogged)
        qCCritical(lcStorage).noquote()
            << "STORAGE FAULT:" << fault << "- refusing to use the database until it is sound";
    m_faultLogged = true;
    return fault;
}

bool PreparedQueries::run(QSqlQuery &query)
{
    if (const QString fault = checkStorage(); !fault.isEmpty()) {
        m_error = fault;
        m_busy = false;
        // Not run: forget it with the values bound for it; get() prepares it again once
        // the files are sound (preparing now could touch them).
        query = QSqlQuery(QSqlDatabase::database(m_connection, false));
        return false;
    }
    if (!query.exec()) {
        fail(query.lastError());
        query.finish();
        return false;
    }
    m_error.clear();
    m_busy = false;
    return true;
}

qint64 PreparedQueries::runForSeq(QSqlQuery &query, qint64 fallback)
{
    if (!run(query))
        return fallback;
    qint64 seq = fallback;
    if (query.next() && !query.value(0).isNull())
        seq = query.value(0).toLongLong();
    query.finish();
    return seq;
}

void PreparedQueries::fail(const QSqlError &error)
{
    m_error = error.text();
    m_busy = isBusy(error);
}

bool PreparedQueries::isBusy(const QSqlError &error)
{
    // SQLITE_BUSY (5) and SQLITE_LOCKED (6), extended codes included.
    const int code = error.nativeErrorCode().toInt() & 0xff;
    return code == 5 || code == 6;
}

} // namespace talker::store
