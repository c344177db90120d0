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
    NotConnected,     ///< an event before `connected` ("Not connected to a channel", then close)
    NoSuchUser,       ///< private message to nobody in the room
    NotYourMessage,   ///< edit/retraction of another user's message
    ConnectionClosed, ///< sent before the server drops an idle user
    InvalidRecipient, ///< a message whose `to` is not a non-empty string or an integer
    InvalidRoom,      ///< a `room` that is not a valid name (then close)
    InvalidContent,   ///< a message `content` that is an object, array or null
    InvalidPartial,   ///< a message `partial` that is not a boolean
    NestedTooDeep,    ///< extra attributes nested deeper than kMaxAttributeDepth
    InvalidField,     ///< a request field of the wrong type or value; `detail` names it
    InvalidInvite,    ///< `register` with an unknown, used up, expired or revoked code (close)
    NameTaken,        ///< `register` with a name another account has, ignoring case (close)
    InvalidName,      ///< `register` with a name the name rules refuse (close)
};

/// The exact error text of the protocol reference for `code`. `detail` is the
/// rendered offending type for UnknownType (e.g. `"foo"` with its quotes).
QString errorText(ErrorCode code, const QString &detail = QString());

/// True when the server closes the connection after sending this error.
bool errorCloses(ErrorCode code);

} // namespace talker::protocol
