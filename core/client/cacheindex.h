// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/message.h"

#include <QList>
#include <QString>

class QSqlQuery;

namespace talker::client {

/// The parts of the client cache that serve history: an FTS5 index over every cached
/// message (kept by triggers, so every write path indexes), search over it, pages in
/// both directions, and back-filling with older pages from the server. Works on a
/// HistoryCache's connection; HistoryCache wraps each call after its pending writes.
class CacheIndex
{
public:
    struct Hit
    {
        QString key; ///< the timeline ("room:NAME" or "dm:USERID")
        Message message;
    };

    /// Cache migration 4 -> 5 (cacheschema): creates the index and its triggers when
    /// missing and indexes what the cache already holds. False on failure.
    static bool createIndex(QSqlQuery &query);
    /// Newest first; retracted messages are never found. Empty for a query without a
    /// word (protocol::searchquery).
    static QList<Hit> search(const QString &connection, const QString &query, int limit);
    /// Inserts `messages` (oldest first) before everything cached, skipping ids the
    /// timeline already has. Returns how many were inserted.
    static int storeOlder(const QString &connection, const QString &key,
                          const QList<Message> &messages);
    /// Up to `limit` messages after `id` in the timeline (from `id` on when
    /// `inclusive`), oldest first.
    static QList<Message> after(const QString &connection, const QString &key, const QString &id,
                                int limit, bool inclusive = false);
};

} // namespace talker::client
