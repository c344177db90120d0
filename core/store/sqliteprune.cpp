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

/// The rows pruned up to seq :t in room :room: those rows, plus every row (edits) of a
/// message whose first row is among them, so no message outlives its beginning.
const QLatin1String kPruned("FROM events WHERE room = :room AND (seq <= :t OR (kind = 0 AND id IN "
                            "(SELECT id FROM messages WHERE room = :room AND seq <= :t)))");

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
    const bool ok =
        step(QStringLiteral("SELECT COUNT(*), TOTAL(length(line)) ") + kPruned, true) &&
        step(QStringLiteral("DELETE FROM message_text WHERE rowid IN ") + t, false) &&
        step(QStringLiteral("DELETE ") + kPruned, false) &&
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
