// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/cacherow.h"

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

} // namespace talker::client::cacherow
