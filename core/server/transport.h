// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <utility>

class QTcpSocket;

namespace talker::server {

/// The transport under a Connection: bytes in, bytes out. SocketTransport is the real one;
/// tests can drive a Connection through a fake Transport without any socket.
class Transport : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~Transport() override;

    /// Queues bytes for sending. Sharing the same QByteArray across transports is cheap.
    virtual void write(const QByteArray &bytes) = 0;
    /// Bytes queued but not yet handed to the network.
    virtual qint64 pendingOutput() const = 0;
    /// Sends what is queued, then closes.
    virtual void closeAfterFlush() = 0;
    /// Closes now, dropping what is queued.
    virtual void abort() = 0;
    /// The remote address, for per-address limits and logs.
    virtual QString address() const = 0;

    /// Asks for one drained() signal when queued output next goes out. A transport
    /// may signal every time; one that sends to thousands of sockets per pass signals
    /// only when asked, because nearly every Connection has nothing waiting.
    void wantDrained() { m_drainWanted = true; }

signals:
    /// Bytes arrived.
    void received(const QByteArray &bytes);
    /// Some queued output went out: there may be room for more.
    void drained();
    /// The transport is gone (remote close, error, or after close/abort). Emitted once.
    void closed();

protected:
    /// Emits drained() if it was asked for since the last one.
    void notifyDrained()
    {
        if (std::exchange(m_drainWanted, false))
            emit drained();
    }

private:
    bool m_drainWanted = false;
};

/// A Transport on a QTcpSocket (or QSslSocket), which it owns.
class SocketTransport : public Transport
{
    Q_OBJECT

public:
    explicit SocketTransport(QTcpSocket *socket, QObject *parent = nullptr);
    ~SocketTransport() override;

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
