// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace talker::test {

/// A scripted stand-in for a server: accepts connections on loopback, records every
/// line a client writes, and sends whatever bytes the test tells it to (Quassel style).
/// Used for the bad-server cases the real server never produces.
class ScriptedServer : public QObject
{
public:
    ScriptedServer()
    {
        m_server.listen(QHostAddress::LocalHost);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                m_sockets.append(s);
                m_received.append(QList<QByteArray>());
                const int index = int(m_sockets.size()) - 1;
                QObject::connect(s, &QIODevice::readyRead, this, [this, s, index] {
                    m_buffers[index] += s->readAll();
                    int nl;
                    while ((nl = m_buffers[index].indexOf('\n')) >= 0) {
                        m_received[index].append(m_buffers[index].left(nl));
                        m_buffers[index].remove(0, nl + 1);
                    }
                });
                m_buffers.append(QByteArray());
            }
        });
    }

    quint16 port() const { return m_server.serverPort(); }
    int connectionCount() const { return int(m_sockets.size()); }
    /// The newest connection (null before the first).
    QTcpSocket *last() const
    {
        return m_sockets.isEmpty() ? nullptr : m_sockets.constLast().data();
    }
    /// Lines received on the newest connection.
    QList<QByteArray> lines() const
    {
        return m_received.isEmpty() ? QList<QByteArray>() : m_received.constLast();
    }
    /// True when the newest connection received a line containing `part`.
    bool received(const QByteArray &part) const
    {
        for (const QByteArray &line : lines()) {
            if (line.contains(part))
                return true;
        }
        return false;
    }
    int countReceived(const QByteArray &part) const
    {
        int n = 0;
        for (const QByteArray &line : lines())
            n += line.contains(part) ? 1 : 0;
        return n;
    }
    void send(const QByteArray &bytes)
    {
        if (QTcpSocket *s = last()) {
            s->write(bytes);
            s->flush();
        }
    }
    void closeLast()
    {
        if (QTcpSocket *s = last())
            s->close();
    }
    void stopListening() { m_server.close(); }

private:
    QTcpServer m_server;
    QList<QPointer<QTcpSocket>> m_sockets;
    QList<QList<QByteArray>> m_received;
    QList<QByteArray> m_buffers;
};

} // namespace talker::test
