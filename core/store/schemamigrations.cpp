// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/schemamigrations.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <iterator>

namespace talker::store::migrations {

namespace {

/// Version 1: history paging and search.
/// - `messages`: one row per message (keyed by the seq of its first row) pointing at
///   its latest row, so a page shows each message once, in its latest state;
/// - `message_text`: an FTS5 index over each message's latest text (none once
///   retracted), rowid = the message's first seq;
/// - `memberships`: the rooms each user is in (joined and not yet left);
/// - triggers keep all three in step with every append, and the INSERTs fill them
///   from the history a database already has.
const char *const kVersion1[] = {
    "CREATE TABLE messages(seq INTEGER PRIMARY KEY, room TEXT NOT NULL, id TEXT NOT NULL, "
    "sender TEXT NOT NULL, recipient TEXT NOT NULL, latest INTEGER NOT NULL)",
    "CREATE UNIQUE INDEX messages_room_id ON messages(room, id)",
    "CREATE INDEX messages_id ON messages(id)",
    "CREATE VIRTUAL TABLE message_text USING fts5(content, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')",
    "CREATE TABLE memberships(user TEXT NOT NULL, room TEXT NOT NULL, "
    "PRIMARY KEY(user, room)) WITHOUT ROWID",
    "CREATE TRIGGER events_message AFTER INSERT ON events WHEN new.kind = 0 BEGIN "
    "INSERT INTO messages(seq, room, id, sender, recipient, latest) "
    "VALUES(new.seq, new.room, new.id, new.sender, new.recipient, new.seq) "
    "ON CONFLICT(room, id) DO UPDATE SET latest = excluded.latest; "
    "DELETE FROM message_text WHERE rowid = "
    "(SELECT seq FROM messages WHERE room = new.room AND id = new.id); "
    "INSERT INTO message_text(rowid, content) SELECT seq, new.content FROM messages "
    "WHERE room = new.room AND id = new.id AND new.content <> ''; "
    "END",
    "CREATE TRIGGER events_join AFTER INSERT ON events WHEN new.kind = 1 BEGIN "
    "INSERT OR IGNORE INTO memberships(user, room) VALUES(new.sender, new.room); END",
    "CREATE TRIGGER events_leave AFTER INSERT ON events WHEN new.kind = 2 BEGIN "
    "DELETE FROM memberships WHERE user = new.sender AND room = new.room; END",
    // Existing history: a message's sender and audience never change, so any of its
    // rows gives them.
    "INSERT INTO messages(seq, room, id, sender, recipient, latest) "
    "SELECT MIN(seq), room, id, MIN(sender), MIN(recipient), MAX(seq) FROM events "
    "WHERE kind = 0 GROUP BY room, id",
    "INSERT INTO message_text(rowid, content) SELECT m.seq, e.content FROM messages m "
    "JOIN events e ON e.seq = m.latest WHERE e.content <> ''",
    "INSERT INTO memberships(user, room) SELECT sender, room FROM "
    "(SELECT sender, room, kind, MAX(seq) FROM events WHERE kind IN (1, 2) "
    "GROUP BY sender, room) WHERE kind = 1",
};

/// Version 2: invites and case-insensitive user names.
/// - `users.name_key`: the name's case-folded NFC form (protocol::userNameKey); SQL
///   cannot compute it, so SqliteStore fills it for older rows and makes it unique;
/// - `invites`: the SHA-256 of each code (never the code), its room, uses, expiry and
///   whether it was revoked.
const char *const kVersion2[] = {
    "ALTER TABLE users ADD COLUMN name_key TEXT",
    "CREATE TABLE invites(id INTEGER PRIMARY KEY AUTOINCREMENT, "
    "code_hash TEXT NOT NULL UNIQUE, room TEXT NOT NULL DEFAULT '', "
    "uses INTEGER NOT NULL, used INTEGER NOT NULL DEFAULT 0, "
    "created INTEGER NOT NULL, expires INTEGER NOT NULL, revoked INTEGER NOT NULL DEFAULT 0)",
};

/// Version 3: messages are indexed for search in batches, not one by one as stored.
/// - `events_message` keeps `messages` in step but no longer writes `message_text`;
/// - `search_progress.indexed_seq`: the last event indexed (searchindexer.h). All
///   history so far was indexed by version 1's trigger.
const char *const kVersion3[] = {
    "DROP TRIGGER events_message",
    "CREATE TRIGGER events_message AFTER INSERT ON events WHEN new.kind = 0 BEGIN "
    "INSERT INTO messages(seq, room, id, sender, recipient, latest) "
    "VALUES(new.seq, new.room, new.id, new.sender, new.recipient, new.seq) "
    "ON CONFLICT(room, id) DO UPDATE SET latest = excluded.latest; "
    "END",
    "CREATE TABLE search_progress(id INTEGER PRIMARY KEY CHECK (id = 1), "
    "indexed_seq INTEGER NOT NULL)",
    "INSERT INTO search_progress(id, indexed_seq) SELECT 1, COALESCE(MAX(seq), 0) FROM events",
};

/// Version 4: fewer indexes with random keys. Each such index dirties a page of its own
/// per stored message, and those pages are most of what an import writes (bench/RESULTS.md,
/// issue 11's latency case, round 4).
/// - `events_room_id` indexed every event by id; a message's rows are found by id in
///   `messages` (its first seq and its latest), so only join and leave events, which
///   have no `messages` row, are indexed by id now;
/// - `messages_id` (a message by id in any room) served only the search cursor, which
///   now looks the id up in the searcher's rooms.
const char *const kVersion4[] = {
    "DROP INDEX IF EXISTS events_room_id",
    "DROP INDEX IF EXISTS messages_id",
    "CREATE INDEX events_presence_id ON events(room, id) WHERE kind <> 0",
};

struct Migration
{
    const char *const *statements;
    size_t count;
};

const Migration kMigrations[] = {
    {kVersion1, std::size(kVersion1)},
    {kVersion2, std::size(kVersion2)},
    {kVersion3, std::size(kVersion3)},
    {kVersion4, std::size(kVersion4)},
};

bool exec(QSqlQuery &q, const QString &sql, QString *error)
{
    if (q.exec(sql))
        return true;
    *error = q.lastError().text();
    return false;
}

int currentVersion(QSqlQuery &q)
{
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return -1;
    const int version = q.value(0).toInt();
    q.finish();
    return version;
}

/// Runs migration `index` (to version index + 1) unless another connection did.
bool step(QSqlQuery &q, size_t index, QString *error)
{
    if (!exec(q, QStringLiteral("BEGIN IMMEDIATE"), error))
        return false;
    const int version = currentVersion(q);
    bool ok = version >= 0;
    if (ok && version == int(index)) {
        const Migration &m = kMigrations[index];
        for (size_t i = 0; ok && i < m.count; ++i)
            ok = exec(q, QString::fromLatin1(m.statements[i]), error);
        ok = ok && exec(q, QStringLiteral("PRAGMA user_version = %1").arg(index + 1), error);
    }
    if (ok && exec(q, QStringLiteral("COMMIT"), error))
        return true;
    if (error->isEmpty())
        *error = QStringLiteral("cannot read the schema version");
    q.exec(QStringLiteral("ROLLBACK"));
    return false;
}

} // namespace

int latestVersion()
{
    return int(std::size(kMigrations));
}

bool run(const QString &connectionName, QString *error)
{
    QSqlQuery q(QSqlDatabase::database(connectionName, false));
    for (size_t i = 0; i < std::size(kMigrations); ++i) {
        const int version = currentVersion(q);
        if (version < 0) {
            *error = q.lastError().text();
            return false;
        }
        if (version > int(i))
            continue;
        if (!step(q, i, error))
            return false;
    }
    return true;
}

} // namespace talker::store::migrations
