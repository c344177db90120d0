#include "server/servererrors.h"

#include "protocol/codec.h"

namespace talker::server::errors {

QString invalidMessageId()
{
    return QStringLiteral("Invalid message id");
}

QString alreadyConnected()
{
    return QStringLiteral("Already connected");
}

QString tooManyConnections()
{
    return QStringLiteral("Too many connections");
}

QString tooManyEvents()
{
    return QStringLiteral("Too many events");
}

QString authenticationTimeout()
{
    return QStringLiteral("Authentication timeout");
}

QString serverShuttingDown()
{
    return QStringLiteral("Server shutting down");
}

QString notStored()
{
    return QStringLiteral("Message not stored");
}

QByteArray notStoredLine(const QString &messageId)
{
    return protocol::encodeObject(QJsonObject{{QStringLiteral("type"), QStringLiteral("error")},
                                              {QStringLiteral("message"), notStored()},
                                              {QStringLiteral("id"), messageId}});
}

} // namespace talker::server::errors
