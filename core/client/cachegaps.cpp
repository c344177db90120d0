// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/cachegaps.h"

#include "client/cacherow.h"

#include <QLoggingCategory>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace talker::client {

Q_LOGGING_CATEGORY(lcCacheGaps, "talker.client.cachegaps")

namespace {

bool insertAll(QSqlQuery &q, const QString &key, const QList<Message> &messages, int *inserted)
{
    for (const Message &m : messages) {
        const QVariantList values{key,      m.id,   m.authorId, m.authorName,         m.text,
                                  m.peerId, m.time, m.edited,   cacherow::flagsOf(m), m.replyTo};
        for (const QVariant &v : values)
            q.addBindValue(v);
        if (!q.exec()) {
            qCWarning(lcCacheGaps) << "could not fill a gap:" << q.lastError().text();
            return false;
        }
        if (inserted)
            *inserted += q.numRowsAffected() > 0 ? 1 : 0;
    }
    return true;
}

} // namespace

bool CacheGaps::createTable(QSqlQuery &q)
{
    return q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS gaps(tkey TEXT NOT NULL, "
                                 "top_id TEXT NOT NULL, after_id TEXT NOT NULL, "
                                 "PRIMARY KEY(tkey, top_id))"));
}

QHash<QString, QString> CacheGaps::gaps(const QString &connection, const QString &key)
{
    QHash<QString, QString> out;
    QSqlQuery q(QSqlDatabase::database(connection, false));
    q.prepare(QStringLiteral("SELECT top_id, after_id FROM gaps WHERE tkey = ?"));
    q.addBindValue(key);
    if (q.exec()) {
        while (q.next())
            out.insert(q.value(0).toString(), q.value(1).toString());
    }
    return out;
}

void CacheGaps::setGap(const QString &connection, const QString &key, const QString &top,
                       const QString &after, const QString &oldTop)
{
    if (!oldTop.isEmpty())
        removeGap(connection, key, oldTop);
    QSqlQuery q(QSqlDatabase::database(connection, false));
    q.prepare(
        QStringLiteral("INSERT OR REPLACE INTO gaps(tkey, top_id, after_id) VALUES(?, ?, ?)"));
    q.addBindValue(key);
    q.addBindValue(top);
    q.addBindValue(after);
    if (!q.exec())
        qCWarning(lcCacheGaps) << "could not record a gap:" << q.lastError().text();
}

void CacheGaps::removeGap(const QString &connection, const QString &key, const QString &top)
{
    QSqlQuery q(QSqlDatabase::database(connection, false));
    q.prepare(QStringLiteral("DELETE FROM gaps WHERE tkey = ? AND top_id = ?"));
    q.addBindValue(key);
    q.addBindValue(top);
    q.exec();
}

int CacheGaps::storeAfter(const QString &connection, const QString &key, const QString &afterId,
                          const QList<Message> &messages)
{
    QSqlDatabase db = QSqlDatabase::database(connection, false);
    QSqlQuery q(db);
    if (messages.isEmpty() || !db.transaction())
        return 0;
    q.prepare(QStringLiteral("SELECT seq FROM messages WHERE tkey = ? AND id = ?"));
    q.addBindValue(key);
    q.addBindValue(afterId);
    if (!q.exec() || !q.next()) {
        db.rollback();
        return 0;
    }
    const qint64 afterSeq = q.value(0).toLongLong();
    q.finish();
    // the rows after the gap, moved behind the new ones
    QList<Message> tail;
    q.prepare(QStringLiteral("SELECT %1 FROM messages WHERE tkey = ? AND seq > ? ORDER BY seq")
                  .arg(QLatin1String(cacherow::kColumns)));
    q.addBindValue(key);
    q.addBindValue(afterSeq);
    if (q.exec()) {
        while (q.next())
            tail.append(cacherow::messageFrom(q));
    }
    q.finish();
    QSet<QString> tailIds;
    for (const Message &m : std::as_const(tail))
        tailIds.insert(m.id);
    QList<Message> fresh;
    for (const Message &m : messages) {
        if (!tailIds.contains(m.id))
            fresh.append(m);
    }
    q.prepare(QStringLiteral("DELETE FROM messages WHERE tkey = ? AND seq > ?"));
    q.addBindValue(key);
    q.addBindValue(afterSeq);
    int inserted = 0;
    bool ok = q.exec();
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO messages(tkey, %1) "
                             "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                  .arg(QLatin1String(cacherow::kColumns)));
    ok = ok && insertAll(q, key, fresh, &inserted) && insertAll(q, key, tail, nullptr);
    if (!ok) {
        db.rollback();
        return 0;
    }
    db.commit();
    return inserted;
}

} // namespace talker::client
