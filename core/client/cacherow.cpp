// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/cacherow.h"

#include "client/cacheschema.h"

#include <QSqlQuery>
#include <QVariant>

namespace talker::client::cacherow {

namespace {
enum Flag { Private = 1, Action = 2, Own = 4, Mention = 8, Deleted = 16 };
}

int flagsOf(const Message &m)
{
    return (m.isPrivate ? Private : 0) | (m.isAction ? Action : 0) | (m.isOwn ? Own : 0) |
           (m.isMention ? Mention : 0) | (m.deleted ? Deleted : 0);
}

Message messageFrom(const QSqlQuery &q)
{
    Message m;
    m.id = q.value(0).toString();
    m.authorId = q.value(1).toString();
    m.authorName = q.value(2).toString();
    m.text = q.value(3).toString();
    m.peerId = q.value(4).toString();
    m.time = q.value(5).toLongLong();
    m.edited = q.value(6).toLongLong();
    const int flags = q.value(7).toInt();
    m.isPrivate = flags & Private;
    m.isAction = flags & Action;
    m.isOwn = flags & Own;
    m.isMention = flags & Mention;
    m.deleted = flags & Deleted;
    m.replyTo = q.value(8).toString();
    return m;
}

bool createTables(QSqlQuery &q)
{
    const char *const statements[] = {
        "CREATE TABLE IF NOT EXISTS messages(seq INTEGER PRIMARY KEY AUTOINCREMENT, "
        "tkey TEXT NOT NULL, id TEXT NOT NULL, author_id TEXT, author_name TEXT, content TEXT, "
        "peer_id TEXT, time INTEGER, edited INTEGER, flags INTEGER, UNIQUE(tkey, id))",
        // newest-first pages of one timeline without sorting the whole room
        "CREATE INDEX IF NOT EXISTS messages_tkey_seq ON messages(tkey, seq)",
        "CREATE TABLE IF NOT EXISTS rooms(room TEXT PRIMARY KEY, last_event_id TEXT)",
    };
    for (const char *sql : statements) {
        if (!q.exec(QLatin1String(sql)))
            return false;
    }
    return true;
}

bool addReplyTo(QSqlQuery &q)
{
    return cacheschema::hasColumn(q, "messages", "reply_to") ||
           q.exec(QStringLiteral("ALTER TABLE messages ADD COLUMN reply_to TEXT"));
}

} // namespace talker::client::cacherow
