// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/transport.h"

#include <QTcpSocket>
#include <QTimer>

namespace talker::server {

Transport::~Transport() = default;

SocketTransport::SocketTransport(QTcpSocket *socket, QObject *parent)
    : Transport(parent)
    , m_socket(socket)
{
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    QHostAddress address = m_socket->peerAddress();
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    m_address = isV4 ? QHostAddress(v4).toString() : address.toString();
    connect(m_socket, &QTcpSocket::readyRead, this, &SocketTransport::readAvailable);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &Transport::drained);
    connect(m_socket, &QTcpSocket::disconnected, this, &SocketTransport::finish,
            Qt::QueuedConnection);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            QMetaObject::invokeMethod(this, &SocketTransport::finish, Qt::QueuedConnection);
    });
}

SocketTransport::~SocketTransport() = default;

void SocketTransport::readAvailable()
{
    if (m_closed)
        return;
    const QByteArray bytes = m_socket->readAll();
    if (!bytes.isEmpty())
        emit received(bytes);
}

void SocketTransport::write(const QByteArray &bytes)
{
    if (!m_closed && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->write(bytes);
}

qint64 SocketTransport::pendingOutput() const
{
    return m_socket->bytesToWrite();
}

void SocketTransport::closeAfterFlush()
{
    if (m_closed)
        return;
    m_socket->disconnectFromHost();
    // A client that never reads must not keep the socket forever.
    QTimer::singleShot(5000, this, [this] { abort(); });
}

void SocketTransport::abort()
{
    if (m_closed)
        return;
    m_socket->abort();
    QMetaObject::invokeMethod(this, &SocketTransport::finish, Qt::QueuedConnection);
}

void SocketTransport::finish()
{
    if (m_closed)
        return;
    // Bytes that arrived just before the close still count (a half-closed client).
    if (m_socket->bytesAvailable() > 0)
        readAvailable();
    m_closed = true;
    emit closed();
}

} // namespace talker::server
