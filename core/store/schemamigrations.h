// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/// The server database's schema versions (SQLite `PRAGMA user_version`). SqliteStore
/// creates the version-0 tables itself; every later version is a migration here, so a
/// database made by an older server is upgraded when a newer one opens it.
namespace talker::store::migrations {

/// The version a fully migrated database has.
int latestVersion();

/// Runs the missing migrations on the open connection, each in its own write
/// transaction (another process opening the same file waits, then finds it done).
/// False on failure, with the reason in *error; nothing of a failed step remains.
bool run(const QString &connectionName, QString *error);

} // namespace talker::store::migrations
