// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// SqliteStore's history cap: the size of a room's history and pruning its oldest
// events, together with what the triggers derived from them (messages, search text).
#include "store/sqlitestore.h"

#include <QMutexLocker>
#include <QSqlError>
#include <QVariant>

namespace talker::store {

namespace {

/// The rows pruned up to seq :t in room :room are those rows plus every later row (edit)
/// of a message whose first row is among them, so no message outlives its beginning.
/// Each part is read through an index over what is pruned (events have no index by id
/// for messages since schema version 4): the edits lie between :t and the latest row
/// of a message that began before :t.
const QLatin1String kEdits(
    "SELECT x.seq FROM events p CROSS JOIN messages m CROSS JOIN events x "
    "WHERE p.room = :room AND p.seq <= :t AND p.kind = 0 AND m.seq = p.seq AND m.latest > :t "
    "AND x.room = :room AND x.seq > :t AND x.seq <= m.latest AND x.kind = 0 AND x.id = m.id");
const QLatin1String kOldest("events WHERE room = :room AND seq <= :t");

} // namespace

std::optional<RoomSize> SqliteStore::roomSize(const QString &room)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT COUNT(*), TOTAL(length(line)) FROM events WHERE room = ?"));
    q.addBindValue(room);
    if (!run(q) || !q.next())
        return std::nullopt;
    return RoomSize{q.value(0).toLongLong(), qint64(q.value(1).toDouble())};
}

qint64 SqliteStore::pruneLimit(const QString &room, const RoomSize &size, const RoomSize &cap)
{
    // The newest seq to prune so that at most cap.events rows and cap.bytes bytes stay.
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT seq, length(line) FROM events WHERE room = ? ORDER BY seq"));
    q.addBindValue(room);
    if (!run(q))
        return -1;
    qint64 limit = 0;
    RoomSize left = size;
    while ((cap.events > 0 && left.events > cap.events) ||
           (cap.bytes > 0 && left.bytes > cap.bytes)) {
        if (!q.next())
            break;
        limit = q.value(0).toLongLong();
        left.events -= 1;
        left.bytes -= q.value(1).toLongLong();
    }
    q.finish();
    return limit;
}

std::optional<RoomSize> SqliteStore::pruneOldest(const QString &room, const RoomSize &size,
                                                 const RoomSize &cap)
{
    const QMutexLocker lock(&writeLock());
    const qint64 limit = pruneLimit(room, size, cap);
    if (limit < 0)
        return std::nullopt;
    if (limit == 0)
        return RoomSize{};
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction()) {
        fail(db.lastError());
        return std::nullopt;
    }
    RoomSize pruned;
    const auto step = [&](const QString &sql, bool measure) {
        QSqlQuery q(db);
        q.prepare(sql);
        q.bindValue(QStringLiteral(":room"), room);
        q.bindValue(QStringLiteral(":t"), limit);
        if (!run(q))
            return false;
        if (measure && q.next())
            pruned = RoomSize{q.value(0).toLongLong(), qint64(q.value(1).toDouble())};
        q.finish();
        return true;
    };
    const QString t = QStringLiteral("(SELECT seq FROM messages WHERE room = :room AND seq <= :t)");
    // The edits go first: they are found through the oldest rows.
    const bool ok =
        step(QStringLiteral("SELECT COUNT(*), TOTAL(length(line)) FROM events WHERE seq IN (") +
                 kEdits + QStringLiteral(") OR seq IN (SELECT seq FROM ") + kOldest +
                 QStringLiteral(")"),
             true) &&
        step(QStringLiteral("DELETE FROM message_text WHERE rowid IN ") + t, false) &&
        step(QStringLiteral("DELETE FROM events WHERE seq IN (") + kEdits + QStringLiteral(")"),
             false) &&
        step(QStringLiteral("DELETE FROM ") + kOldest, false) &&
        step(QStringLiteral("DELETE FROM messages WHERE room = :room AND seq <= :t"), false);
    if (!ok || !db.commit()) {
        if (ok)
            fail(db.lastError());
        db.rollback();
        return std::nullopt;
    }
    return pruned;
}

} // namespace talker::store
