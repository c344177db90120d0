// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "client/sendfailure.h"

#include "client/outbox.h"

#include <QCoreApplication>

namespace talker::client {

namespace {
// lupdate files tr() calls in this namespace under the context "talker::client",
// so translate under that same context (tst_translations checks German is found).
QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("talker::client", text, nullptr, n);
}
} // namespace

QString sendFailureText(protocol::ErrorCode code, const QString &serverText, const QString &room,
                        const QString &recipient)
{
    using protocol::ErrorCode;
    switch (code) {
    case ErrorCode::NoSuchUser:
        return recipient.isEmpty() ? tr("They aren't in #%1").arg(room)
                                   : tr("%1 isn't in #%2").arg(recipient, room);
    case ErrorCode::NotYourMessage:
        return tr("Someone else's message has this id");
    case ErrorCode::InvalidMessageId:
        return tr("The server refused its id");
    case ErrorCode::InvalidRecipient:
        return tr("No valid recipient");
    case ErrorCode::InvalidContent:
    case ErrorCode::InvalidPartial:
    case ErrorCode::NestedTooDeep:
        return tr("The server refused its content (%1)").arg(serverText);
    case ErrorCode::TooLarge:
        return tr("Too long for the server");
    default:
        return serverText.isEmpty() ? tr("Not sent") : tr("Not sent: %1").arg(serverText);
    }
}

QString unconfirmedText(int attempts)
{
    // Spelled out so that lupdate sees the count and offers plural forms.
    return QCoreApplication::translate("talker::client", "Not confirmed after %n tries", nullptr,
                                       attempts);
}

QString failureText(const OutboxEntry &entry)
{
    if (!entry.failed)
        return QString();
    switch (entry.failure) {
    case OutboxEntry::Failure::Refused:
        return sendFailureText(protocol::errorCodeOf(entry.failError), entry.failError, entry.room,
                               entry.failRecipient);
    case OutboxEntry::Failure::Unconfirmed:
        return unconfirmedText(entry.attempts);
    case OutboxEntry::Failure::Unknown:
        break;
    }
    return QString();
}

} // namespace talker::client
