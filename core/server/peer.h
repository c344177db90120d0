// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

class QTcpSocket;

namespace talker::server {

/// The transport under a Connection: bytes in, bytes out. SocketPeer is the real one;
/// tests can drive a Connection through a fake Peer without any socket.
class Peer : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~Peer() override;

    /// Queues bytes for sending. Sharing the same QByteArray across peers is cheap.
    virtual void write(const QByteArray &bytes) = 0;
    /// Bytes queued but not yet handed to the network.
    virtual qint64 pendingOutput() const = 0;
    /// Sends what is queued, then closes.
    virtual void closeAfterFlush() = 0;
    /// Closes now, dropping what is queued.
    virtual void abort() = 0;
    /// The remote address, for per-address limits and logs.
    virtual QString address() const = 0;

signals:
    /// Bytes arrived.
    void received(const QByteArray &bytes);
    /// Some queued output went out: there may be room for more.
    void drained();
    /// The transport is gone (remote close, error, or after close/abort). Emitted once.
    void closed();
};

/// A Peer on a QTcpSocket (or QSslSocket), which it owns.
class SocketPeer : public Peer
{
    Q_OBJECT

public:
    explicit SocketPeer(QTcpSocket *socket, QObject *parent = nullptr);
    ~SocketPeer() override;

    void write(const QByteArray &bytes) override;
    qint64 pendingOutput() const override;
    void closeAfterFlush() override;
    void abort() override;
    QString address() const override { return m_address; }

private:
    void readAvailable();
    void finish();

    QTcpSocket *m_socket;
    QString m_address;
    bool m_closed = false;
};

} // namespace talker::server
