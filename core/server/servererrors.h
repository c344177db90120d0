#pragma once

#include <QByteArray>
#include <QString>

/// Error texts the server adds to the protocol's own (protocol/protocolerror.h).
namespace talker::server::errors {

/// A client-chosen message id that is not 1-64 characters of [A-Za-z0-9_-].
QString invalidMessageId();
/// `connect` on a connection that is already in a room.
QString alreadyConnected();
/// Too many connections from one address (then close).
QString tooManyConnections();
/// A connection kept sending faster than its rate limit (then close).
QString tooManyEvents();
/// No `connect` within the authentication timeout (then close).
QString authenticationTimeout();
/// The server is shutting down (then close).
QString serverShuttingDown();
/// The store could not save a message: nothing was broadcast; retry later.
QString notStored();
/// The "Message not stored" error line, carrying the message's `id`.
QByteArray notStoredLine(const QString &messageId);

} // namespace talker::server::errors
