// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/metricsendpoint.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace talker::server {

namespace {
constexpr int kMaxRequest = 8192;
constexpr int kRequestTimeoutMs = 5000;

QByteArray response(const QByteArray &status, const QByteArray &type, const QByteArray &body)
{
    return "HTTP/1.0 " + status + "\r\nContent-Type: " + type +
           "\r\nContent-Length: " + QByteArray::number(body.size()) +
           "\r\nConnection: close\r\n\r\n" + body;
}
} // namespace

MetricsEndpoint::MetricsEndpoint(Render render, Healthy healthy, QObject *parent)
    : QObject(parent)
    , m_render(std::move(render))
    , m_healthy(std::move(healthy))
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection())
            serve(socket);
    });
}

bool MetricsEndpoint::listen(const QHostAddress &address, quint16 port)
{
    return m_server->listen(address, port);
}

quint16 MetricsEndpoint::port() const
{
    return m_server->serverPort();
}

QString MetricsEndpoint::errorString() const
{
    return m_server->errorString();
}

void MetricsEndpoint::serve(QTcpSocket *socket)
{
    socket->setParent(this);
    // A scraper that never finishes its request is cut off.
    QTimer::singleShot(kRequestTimeoutMs, socket, &QTcpSocket::abort);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
        if (socket->bytesAvailable() > kMaxRequest) {
            socket->abort();
            return;
        }
        if (!socket->canReadLine())
            return;
        const QList<QByteArray> request = socket->readLine().trimmed().split(' ');
        const QByteArray path = request.value(1).split('?').first();
        QByteArray reply;
        if (request.value(0) != "GET") {
            reply = response("405 Method Not Allowed", "text/plain", "GET only\n");
        } else if (path == "/metrics") {
            reply = response("200 OK", "text/plain; version=0.0.4; charset=utf-8", m_render());
        } else if (path == "/healthz") {
            reply = m_healthy()
                        ? response("200 OK", "text/plain", "ok\n")
                        : response("503 Service Unavailable", "text/plain", "store unreachable\n");
        } else {
            reply = response("404 Not Found", "text/plain", "try /metrics or /healthz\n");
        }
        socket->write(reply);
        socket->disconnectFromHost();
    });
}

} // namespace talker::server
