// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QString>

/// Error texts the server adds to the protocol's own (protocol/protocolerror.h).
namespace talker::server::errors {

/// The server's own errors, in addition to protocol::ErrorCode.
enum class ServerError {
    InvalidMessageId,      ///< a client-chosen id that is not 1-64 characters of [A-Za-z0-9_-]
    AlreadyConnected,      ///< `connect` on a connection that is already in a room
    TooManyConnections,    ///< too many connections from one address (then close)
    TooManyEvents,         ///< a connection kept sending faster than its rate limit (then close)
    AuthenticationTimeout, ///< no `connect` within the authentication timeout (then close)
    ServerShuttingDown,    ///< the server is shutting down (then close)
    NotStored,             ///< the store could not save a message: nothing was broadcast
    UnknownEventId,        ///< `history before` an id the room does not know
    EmptySearchQuery,      ///< `search` without a word to look for
    SearchQueryTooLong,    ///< `search` over protocol::searchquery::kMaxLength characters
    SearchNotAvailable,    ///< the store has no search index (e.g. cluster mode)
    HistoryNotAvailable,   ///< the store cannot page history
    StoreUnavailable,      ///< cluster mode: NATS is unreachable, no new connections (then close)
    NotRegistered,         ///< the store failed while redeeming an invite (then close)
};

/// The exact text of `error`.
QString text(ServerError error);

/// The "Message not stored" error line, carrying the message's `id`.
QByteArray notStoredLine(const QString &messageId);

} // namespace talker::server::errors
