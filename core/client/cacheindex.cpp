// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/cacheindex.h"

#include "client/cacherow.h"
#include "protocol/searchquery.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace talker::client {

Q_LOGGING_CATEGORY(lcCacheIndex, "talker.client.cacheindex")

namespace {

constexpr int kDeletedFlag = 16; // cacherow's Deleted

/// External content: the index reads the text from `messages`, which holds each
/// message once with its latest text (edits update the row in place).
const char *const kSchema[] = {
    "CREATE VIRTUAL TABLE messages_fts USING fts5(content, content = 'messages', "
    "content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')",
    "CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN "
    "INSERT INTO messages_fts(rowid, content) VALUES(new.seq, new.content); END",
    "CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN "
    "INSERT INTO messages_fts(messages_fts, rowid, content) "
    "VALUES('delete', old.seq, old.content); END",
    "CREATE TRIGGER messages_fts_update AFTER UPDATE OF content ON messages BEGIN "
    "INSERT INTO messages_fts(messages_fts, rowid, content) "
    "VALUES('delete', old.seq, old.content); "
    "INSERT INTO messages_fts(rowid, content) VALUES(new.seq, new.content); END",
    "INSERT INTO messages_fts(messages_fts) VALUES('rebuild')",
};

} // namespace

bool CacheIndex::createIndex(QSqlQuery &q)
{
    // caches from before versions may have the index already
    if (!q.exec(QStringLiteral(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'messages_fts'")))
        return false;
    const bool exists = q.next();
    q.finish();
    for (size_t i = 0; !exists && i < std::size(kSchema); ++i) {
        if (!q.exec(QString::fromLatin1(kSchema[i])))
            return false;
    }
    return true;
}

QList<CacheIndex::Hit> CacheIndex::search(const QString &connection, const QString &query,
                                          int limit)
{
    QList<Hit> hits;
    const QString match = protocol::searchquery::toFts5(query);
    if (match.isEmpty() || limit <= 0)
        return hits;
    QSqlQuery q(QSqlDatabase::database(connection, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1, m.tkey FROM messages_fts f JOIN messages m "
                             "ON m.seq = f.rowid WHERE messages_fts MATCH ? "
                             "AND (m.flags & %2) = 0 ORDER BY f.rowid DESC LIMIT ?")
                  .arg(QStringLiteral("m.id, m.author_id, m.author_name, m.content, m.peer_id, "
                                      "m.time, m.edited, m.flags, m.reply_to"))
                  .arg(kDeletedFlag));
    q.addBindValue(match);
    q.addBindValue(limit);
    if (!q.exec()) {
        qCWarning(lcCacheIndex) << "search failed:" << q.lastError().text();
        return hits;
    }
    while (q.next())
        hits.append(Hit{q.value(9).toString(), cacherow::messageFrom(q)});
    return hits;
}

int CacheIndex::storeOlder(const QString &connection, const QString &key,
                           const QList<Message> &messages)
{
    QSqlDatabase db = QSqlDatabase::database(connection, false);
    QSqlQuery q(db);
    if (messages.isEmpty() || !db.transaction())
        return 0;
    // Below the smallest seq of the whole cache: pages are ordered by seq per timeline.
    qint64 seq = 0;
    if (q.exec(QStringLiteral("SELECT COALESCE(MIN(seq), 1) FROM messages")) && q.next())
        seq = q.value(0).toLongLong() - messages.size();
    q.finish();
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO messages(seq, tkey, %1) "
                             "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                  .arg(QLatin1String(cacherow::kColumns)));
    int inserted = 0;
    for (const Message &m : messages) {
        const QVariantList values{seq++,    key,      m.id,   m.authorId, m.authorName,
                                  m.text,   m.peerId, m.time, m.edited,   cacherow::flagsOf(m),
                                  m.replyTo};
        for (const QVariant &v : values)
            q.addBindValue(v);
        if (!q.exec()) {
            qCWarning(lcCacheIndex) << "could not store an older page:" << q.lastError().text();
            db.rollback();
            return 0;
        }
        inserted += q.numRowsAffected() > 0 ? 1 : 0;
    }
    db.commit();
    return inserted;
}

QList<Message> CacheIndex::after(const QString &connection, const QString &key, const QString &id,
                                 int limit, bool inclusive)
{
    QList<Message> out;
    QSqlQuery q(QSqlDatabase::database(connection, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM messages WHERE tkey = ? AND seq %2 (SELECT seq FROM "
                             "messages WHERE tkey = ? AND id = ?) ORDER BY seq LIMIT ?")
                  .arg(QLatin1String(cacherow::kColumns),
                       inclusive ? QStringLiteral(">=") : QStringLiteral(">")));
    q.addBindValue(key);
    q.addBindValue(key);
    q.addBindValue(id);
    q.addBindValue(limit);
    if (q.exec()) {
        while (q.next())
            out.append(cacherow::messageFrom(q));
    }
    return out;
}

} // namespace talker::client
