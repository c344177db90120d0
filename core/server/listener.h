// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QSslConfiguration>
#include <QTcpServer>

class QTcpSocket;

namespace talker::server {

class Transport;

/// A QTcpServer that hands out ready sockets, QSslSockets when TLS is configured.
class Listener : public QTcpServer
{
    Q_OBJECT

public:
    explicit Listener(QObject *parent = nullptr);

    /// Loads a PEM certificate (chain) and private key; false with *error on failure.
    /// TLS 1.2 or later; TLS 1.2 only with forward-secret (ECDHE) suites.
    bool setTls(const QString &certificateFile, const QString &keyFile, QString *error);

signals:
    /// A new client socket, parentless; the receiver takes ownership.
    void socketReady(QTcpSocket *socket);
    /// A new plain-TCP client on Linux, already wrapped in an epoll-driven Transport
    /// (parentless; the receiver takes ownership). Used instead of socketReady there.
    void transportReady(talker::server::Transport *transport);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    QSslConfiguration m_tlsConfig;
    bool m_tls = false;
    bool m_epoll = false; ///< plain TCP through EpollTransport (Linux, unless TALKER_NO_EPOLL)
};

} // namespace talker::server
