// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QSqlQuery;

/// The client cache's schema versions (SQLite `PRAGMA user_version`), as numbered
/// migrations: step N takes a cache from version N to N + 1, in its own write
/// transaction, so a cache made by an older client is upgraded when a newer one opens
/// it. Each step is written by the class that owns the table (HistoryCache's rows,
/// Outbox, CacheIndex, CacheGaps); this list only orders them. Caches made before
/// versions existed have version 0 and some of the tables: every step tolerates what
/// is already there.
namespace talker::client::cacheschema {

/// The version a fully migrated cache has.
int latestVersion();

/// Runs the missing migrations on the open connection. False on failure (or for a
/// cache made by a newer client), with the reason in *error; a failed step leaves
/// nothing behind.
bool migrate(const QString &connection, QString *error);

/// Whether `table` has `column` (for steps that add a column older caches may have).
bool hasColumn(QSqlQuery &q, const char *table, const char *column);

} // namespace talker::client::cacheschema
