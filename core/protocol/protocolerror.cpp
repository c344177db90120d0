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
        return true;
    default:
        return false;
    }
}

} // namespace talker::protocol
