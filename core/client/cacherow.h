// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/message.h"

class QSqlQuery;

/// How a Message is laid out in a row of the client cache's `messages` table; shared by
/// HistoryCache and CacheIndex so both read and write the same columns.
namespace talker::client::cacherow {

/// The columns messageFrom() reads, in its order.
inline constexpr const char *kColumns =
    "id, author_id, author_name, content, peer_id, time, edited, flags, reply_to";

/// The `flags` column of a message.
int flagsOf(const Message &message);
/// A message from a row selected with kColumns first.
Message messageFrom(const QSqlQuery &query);

/// Cache migration 0 -> 1 (cacheschema): `messages` as first released (no
/// reply_to) with its per-timeline index, and `rooms` (last event id per room).
bool createTables(QSqlQuery &query);
/// Cache migration 2 -> 3: `messages.reply_to`, unless a pre-versions cache has it.
bool addReplyTo(QSqlQuery &query);

} // namespace talker::client::cacherow
