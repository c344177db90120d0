// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/servererrors.h"

#include "protocol/codec.h"

#include <iterator>

namespace talker::server::errors {

namespace {
// In the order of ServerError.
const char *const kTexts[] = {
    "Invalid message id",
    "Already connected",
    "Too many connections",
    "Too many events",
    "Authentication timeout",
    "Server shutting down",
    "Message not stored",
    "Unknown event id",
    "Empty search query",
    "Search query too long",
    "Search not available",
    "History not available",
    "Storage unavailable, try another server",
    "Registration failed",
};
static_assert(std::size(kTexts) == size_t(ServerError::NotRegistered) + 1);
} // namespace

QString text(ServerError error)
{
    return QString::fromLatin1(kTexts[size_t(error)]);
}

QByteArray notStoredLine(const QString &messageId)
{
    return protocol::encodeObject(
        QJsonObject{{QStringLiteral("type"), QStringLiteral("error")},
                    {QStringLiteral("message"), text(ServerError::NotStored)},
                    {QStringLiteral("id"), messageId}});
}

} // namespace talker::server::errors
