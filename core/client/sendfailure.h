// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "protocol/protocolerror.h"

#include <QString>

namespace talker::client {

/// Why one of the user's messages was not delivered, in words a person reads.
/// `room` is the room it went through, `recipient` the name of the user a private
/// message was for (empty for a public one), `serverText` the server's own text.
QString sendFailureText(protocol::ErrorCode code, const QString &serverText, const QString &room,
                        const QString &recipient);

/// A message that the server never confirmed after `attempts` sends.
QString unconfirmedText(int attempts);

struct OutboxEntry;
/// Why a failed outbox entry failed, from what it keeps (empty when it is not failed
/// or failed before reasons were kept).
QString failureText(const OutboxEntry &entry);

} // namespace talker::client
