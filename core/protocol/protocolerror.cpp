// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "protocol/protocolerror.h"

#include <iterator>

namespace talker::protocol {

namespace {

struct Row
{
    ErrorCode code;
    const char *text;
    bool hasDetail; ///< the text is a prefix followed by a variable part
    bool closes;    ///< the server closes the connection after sending it
};

// The one table of error codes and texts (docs/protocol.md section 6), for both the
// server (errorText) and the client (errorCodeOf). In the order of ErrorCode.
constexpr Row kRows[] = {
    {ErrorCode::None, "", false, false},
    {ErrorCode::InvalidJson, "Invalid JSON", false, true},
    {ErrorCode::UnknownType, "Unknown event type: ", true, false},
    {ErrorCode::TooLarge, "Event too large", false, true},
    {ErrorCode::AuthenticationFailed, "Authentication failed", false, true},
    {ErrorCode::NotConnected, "Not connected to a channel", false, true},
    {ErrorCode::NoSuchUser, "No such user in room", false, false},
    {ErrorCode::NotYourMessage, "Not your message", false, false},
    {ErrorCode::ConnectionClosed, "Connection closed", false, true},
    {ErrorCode::InvalidRecipient, "Invalid recipient", false, false},
    {ErrorCode::InvalidRoom, "Invalid room name", false, true},
    {ErrorCode::InvalidContent, "Invalid content", false, false},
    {ErrorCode::InvalidPartial, "Invalid partial", false, false},
    {ErrorCode::NestedTooDeep, "Attributes nested too deeply", false, false},
    {ErrorCode::InvalidField, "Invalid field: ", true, false},
    {ErrorCode::InvalidInvite, "Invalid invite", false, true},
    {ErrorCode::NameTaken, "Name taken", false, true},
    {ErrorCode::InvalidName, "Invalid name", false, true},
    {ErrorCode::InvalidMessageId, "Invalid message id", false, false},
    {ErrorCode::AlreadyConnected, "Already connected", false, false},
    {ErrorCode::TooManyConnections, "Too many connections", false, true},
    {ErrorCode::TooManyEvents, "Too many events", false, true},
    {ErrorCode::AuthenticationTimeout, "Authentication timeout", false, true},
    {ErrorCode::ServerShuttingDown, "Server shutting down", false, true},
    {ErrorCode::NotStored, "Message not stored", false, false},
    {ErrorCode::UnknownEventId, "Unknown event id", false, false},
    {ErrorCode::EmptySearchQuery, "Empty search query", false, false},
    {ErrorCode::SearchQueryTooLong, "Search query too long", false, false},
    {ErrorCode::SearchNotAvailable, "Search not available", false, false},
    {ErrorCode::HistoryNotAvailable, "History not available", false, false},
    {ErrorCode::StoreUnavailable, "Storage unavailable, try another server", false, true},
    {ErrorCode::NotRegistered, "Registration failed", false, true},
    {ErrorCode::Unknown, "", false, false},
};
static_assert(std::size(kRows) == size_t(ErrorCode::Unknown) + 1);

constexpr bool inOrder()
{
    for (size_t i = 0; i < std::size(kRows); ++i) {
        if (size_t(kRows[i].code) != i)
            return false;
    }
    return true;
}
static_assert(inOrder(), "kRows must list the codes in the order of ErrorCode");

const Row &rowOf(ErrorCode code)
{
    return kRows[size_t(code)];
}

} // namespace

QString errorText(ErrorCode code, const QString &detail)
{
    const Row &row = rowOf(code);
    QString text = QString::fromLatin1(row.text);
    if (row.hasDetail)
        text += detail;
    return text;
}

ErrorCode errorCodeOf(const QString &text, QString *detail)
{
    if (text.isEmpty())
        return ErrorCode::None;
    for (const Row &row : kRows) {
        if (!*row.text)
            continue;
        const QLatin1String rowText(row.text);
        if (row.hasDetail ? text.startsWith(rowText) : text == rowText) {
            if (detail)
                *detail = row.hasDetail ? text.mid(rowText.size()) : QString();
            return row.code;
        }
    }
    return ErrorCode::Unknown;
}

bool errorCloses(ErrorCode code)
{
    return rowOf(code).closes;
}

} // namespace talker::protocol
