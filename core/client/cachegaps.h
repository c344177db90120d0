// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/message.h"

#include <QHash>
#include <QList>
#include <QString>

class QSqlQuery;

namespace talker::client {

/// Holes in a cached timeline and their filling. A client that reconnects after
/// missing more than the server's replay holds older messages, then a hole, then the
/// replayed ones. A gap is remembered (table `gaps`, so it survives a restart) by the
/// cached message just above it (`top`) and the one just below (`after`); pages from
/// the server go in between, and the gap closes when a page reaches `after`.
/// Works on a HistoryCache's connection; HistoryCache wraps each call after its
/// pending writes.
class CacheGaps
{
public:
    /// Cache migration 5 -> 6 (cacheschema): the `gaps` table. False on failure.
    static bool createTable(QSqlQuery &query);
    /// The open gaps of a timeline: top id -> after id.
    static QHash<QString, QString> gaps(const QString &connection, const QString &key);
    /// Records (or moves: `oldTop` non-empty) the gap under `top`.
    static void setGap(const QString &connection, const QString &key, const QString &top,
                       const QString &after, const QString &oldTop = QString());
    static void removeGap(const QString &connection, const QString &key, const QString &top);
    /// Inserts `messages` (oldest first) right after the message `afterId`, before what
    /// follows it: the rows after it are moved behind (deleted and inserted again with
    /// new seqs, so the search index triggers follow). Ids already cached in the
    /// timeline are skipped. Returns how many were inserted (0 when `afterId` is not
    /// cached).
    static int storeAfter(const QString &connection, const QString &key, const QString &afterId,
                          const QList<Message> &messages);
};

} // namespace talker::client
