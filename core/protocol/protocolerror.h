// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QString>

namespace talker::protocol {

/// Why a frame could not become an event, or why the server refuses one.
enum class ErrorCode {
    None,
    InvalidJson,          ///< not JSON, or not a JSON object ("Invalid JSON", then close)
    UnknownType,          ///< missing, non-string or unknown `type`
    TooLarge,             ///< frame over the size limit ("Event too large", then close)
    AuthenticationFailed, ///< wrong or missing token, bad room ("Authentication failed", then
                          ///< close)
    NotConnected,       ///< an event before `connected` ("Not connected to a channel", then close)
    NoSuchUser,         ///< private message to nobody in the room
    NotYourMessage,     ///< edit/retraction of another user's message
    ConnectionClosed,   ///< sent before the server drops an idle user
    InvalidRecipient,   ///< a message whose `to` is not a non-empty string or an integer
    InvalidRoom,        ///< a `room` that is not a valid name (then close)
    InvalidContent,     ///< a message `content` that is an object, array or null
    InvalidPartial,     ///< a message `partial` that is not a boolean
    NestedTooDeep,      ///< extra attributes nested deeper than kMaxAttributeDepth
    InvalidField,       ///< a request field of the wrong type or value; `detail` names it
    InvalidInvite,      ///< `register` with an unknown, used up, expired or revoked code (close)
    NameTaken,          ///< `register` with a name another account has, ignoring case (close)
    InvalidName,        ///< `register` with a name the name rules refuse (close)
    InvalidMessageId,   ///< a client-chosen id that is not 1-64 characters of [A-Za-z0-9_-]
    AlreadyConnected,   ///< `connect` on a connection that is already in a room
    TooManyConnections, ///< too many connections from one address (then close)
    TooManyEvents,      ///< a connection kept sending faster than its rate limit (close)
    AuthenticationTimeout, ///< no `connect` within the authentication timeout (then close)
    ServerShuttingDown,    ///< the server is shutting down (then close)
    NotStored,             ///< the store could not save a message: nothing was broadcast
    UnknownEventId,        ///< `history`/`search` `before` an id the room does not know
    EmptySearchQuery,      ///< `search` without a word to look for
    SearchQueryTooLong,    ///< `search` over searchquery::kMaxLength characters
    SearchNotAvailable,    ///< the store has no search index (e.g. cluster mode)
    HistoryNotAvailable,   ///< the store cannot page history
    StoreUnavailable,      ///< cluster mode: NATS is unreachable (then close)
    NotRegistered,         ///< the store failed while redeeming an invite (then close)
    Unknown,               ///< a text that is in no row of the table (a newer server)
};

/// The exact error text of the protocol reference for `code`. `detail` is the
/// rendered offending type for UnknownType (e.g. `"foo"` with its quotes) or the field
/// name for InvalidField. Empty for None and Unknown.
QString errorText(ErrorCode code, const QString &detail = QString());

/// The code of an error text: the inverse of errorText(), through the same table. Texts
/// with a variable part (UnknownType, InvalidField) put it in `detail`. A text in no
/// row is Unknown; an empty text is None.
ErrorCode errorCodeOf(const QString &text, QString *detail = nullptr);

/// True when the server closes the connection after sending this error.
bool errorCloses(ErrorCode code);

} // namespace talker::protocol
