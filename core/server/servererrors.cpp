// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/servererrors.h"

#include "protocol/codec.h"

namespace talker::server::errors {

QByteArray notStoredLine(const QString &messageId)
{
    return protocol::encodeError(protocol::ErrorCode::NotStored, QString(), messageId);
}

} // namespace talker::server::errors
