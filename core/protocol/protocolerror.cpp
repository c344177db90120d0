// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "protocol/protocolerror.h"

namespace talker::protocol {

QString errorText(ErrorCode code, const QString &detail)
{
    switch (code) {
    case ErrorCode::None:
        return QString();
    case ErrorCode::InvalidJson:
        return QStringLiteral("Invalid JSON");
    case ErrorCode::UnknownType:
        return QStringLiteral("Unknown event type: ") + detail;
    case ErrorCode::TooLarge:
        return QStringLiteral("Event too large");
    case ErrorCode::AuthenticationFailed:
        return QStringLiteral("Authentication failed");
    case ErrorCode::NotConnected:
        return QStringLiteral("Not connected to a channel");
    case ErrorCode::NoSuchUser:
        return QStringLiteral("No such user in room");
    case ErrorCode::NotYourMessage:
        return QStringLiteral("Not your message");
    case ErrorCode::ConnectionClosed:
        return QStringLiteral("Connection closed");
    case ErrorCode::InvalidRecipient:
        return QStringLiteral("Invalid recipient");
    case ErrorCode::InvalidRoom:
        return QStringLiteral("Invalid room name");
    case ErrorCode::InvalidContent:
        return QStringLiteral("Invalid content");
    case ErrorCode::InvalidPartial:
        return QStringLiteral("Invalid partial");
    case ErrorCode::NestedTooDeep:
        return QStringLiteral("Attributes nested too deeply");
    case ErrorCode::InvalidField:
        return QStringLiteral("Invalid field: ") + detail;
    case ErrorCode::InvalidInvite:
        return QStringLiteral("Invalid invite");
    case ErrorCode::NameTaken:
        return QStringLiteral("Name taken");
    case ErrorCode::InvalidName:
        return QStringLiteral("Invalid name");
    }
    return QString();
}

bool errorCloses(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidJson:
    case ErrorCode::TooLarge:
    case ErrorCode::AuthenticationFailed:
    case ErrorCode::NotConnected:
    case ErrorCode::ConnectionClosed:
    case ErrorCode::InvalidRoom:
    case ErrorCode::InvalidInvite:
    case ErrorCode::NameTaken:
    case ErrorCode::InvalidName:
        return true;
    default:
        return false;
    }
}

} // namespace talker::protocol
