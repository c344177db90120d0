// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/cacheschema.h"

#include "client/cachegaps.h"
#include "client/cacheindex.h"
#include "client/cacherow.h"
#include "client/outbox.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <iterator>

namespace talker::client::cacheschema {

namespace {

/// One step: returns false with the failing query's error left in `q`.
using Step = bool (*)(QSqlQuery &q);

/// The order of the cache's history. Append only: a released step never changes.
const Step kSteps[] = {
    cacherow::createTables,  // 0 -> 1: messages (without reply_to) and rooms
    Outbox::createTable,     // 1 -> 2: outbox (without reply_to)
    cacherow::addReplyTo,    // 2 -> 3: messages.reply_to (issue 14's replies)
    Outbox::addReplyTo,      // 3 -> 4: outbox.reply_to
    CacheIndex::createIndex, // 4 -> 5: FTS5 index over messages, filled from the rows
    CacheGaps::createTable,  // 5 -> 6: gaps (issue 15)
    Outbox::addFailure,      // 6 -> 7: why an outbox entry failed (kept across restarts)
};

int currentVersion(QSqlQuery &q)
{
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return -1;
    const int version = q.value(0).toInt();
    q.finish();
    return version;
}

bool fail(QSqlQuery &q, const QString &reason, QString *error)
{
    *error = reason.isEmpty() ? q.lastError().text() : reason;
    q.exec(QStringLiteral("ROLLBACK"));
    return false;
}

} // namespace

int latestVersion()
{
    return int(std::size(kSteps));
}

bool hasColumn(QSqlQuery &q, const char *table, const char *column)
{
    bool found = false;
    if (q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(QLatin1String(table)))) {
        while (q.next())
            found = found || q.value(1).toString() == QLatin1String(column);
    }
    q.finish();
    return found;
}

bool migrate(const QString &connection, QString *error)
{
    QSqlQuery q(QSqlDatabase::database(connection, false));
    for (;;) {
        // BEGIN IMMEDIATE: another client process opening the same file waits, then
        // finds the step done (the version is read inside the transaction)
        if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return fail(q, QString(), error);
        const int version = currentVersion(q);
        if (version < 0)
            return fail(q, QStringLiteral("cannot read the cache's schema version"), error);
        if (version > latestVersion())
            return fail(q,
                        QStringLiteral("cache schema version %1 is newer than this client's %2")
                            .arg(version)
                            .arg(latestVersion()),
                        error);
        if (version == latestVersion())
            return q.exec(QStringLiteral("COMMIT")) || fail(q, QString(), error);
        if (!kSteps[version](q))
            return fail(q, QString(), error);
        if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(version + 1)) ||
            !q.exec(QStringLiteral("COMMIT")))
            return fail(q, QString(), error);
    }
}

} // namespace talker::client::cacheschema
