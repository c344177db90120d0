// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "protocol/protocolerror.h"

#include <QByteArray>
#include <QString>

/// The server's errors are protocol::ErrorCode values; their texts come from the one
/// table in protocol/protocolerror.cpp, which the client decodes with.
namespace talker::server::errors {

/// The server's error codes are the protocol's (the name stays for existing call sites).
using ServerError = protocol::ErrorCode;

/// The exact text of `error`.
inline QString text(ServerError error)
{
    return protocol::errorText(error);
}

/// The "Message not stored" error line, carrying the message's `id`.
QByteArray notStoredLine(const QString &messageId);

} // namespace talker::server::errors
