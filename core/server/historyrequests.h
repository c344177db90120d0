// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/events.h"

/// The server's answers to `history` and `search` [ext] (docs/protocol.md, "History
/// and search"): checks the request, asks the hub's store, and writes the answer to the
/// asking connection only. Bad requests get a named error; the connection stays open.
namespace talker::server {
class Connection;
}

namespace talker::server::history {

/// Page size when a request gives no `limit`.
constexpr int kDefaultLimit = 50;

/// `history_start`, the page's events oldest first, `history_end`: streamed as the
/// socket drains, with no other line of this connection in between.
void answer(Connection *connection, const protocol::HistoryRequest &request);

/// One `search_results` line, newest first, kept under the event size limit.
void answer(Connection *connection, const protocol::SearchRequest &request);

} // namespace talker::server::history
