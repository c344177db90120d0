// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QObject>
#include <functional>

class QTcpServer;
class QTcpSocket;

namespace talker::server {

/// A minimal HTTP/1.0 endpoint for operators: `GET /metrics` (Prometheus text format)
/// and `GET /healthz` (200 "ok" when the store or NATS is reachable, else 503), so a
/// TCP load balancer can take a sick node out. Anything else is 404.
class MetricsEndpoint : public QObject
{
    Q_OBJECT

public:
    using Render = std::function<QByteArray()>;
    using Healthy = std::function<bool()>;
    MetricsEndpoint(Render render, Healthy healthy, QObject *parent = nullptr);

    bool listen(const QHostAddress &address, quint16 port);
    quint16 port() const;
    QString errorString() const;

private:
    void serve(QTcpSocket *socket);

    Render m_render;
    Healthy m_healthy;
    QTcpServer *m_server;
};

} // namespace talker::server
