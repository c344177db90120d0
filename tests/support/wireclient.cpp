// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "wireclient.h"

#include <QDeadlineTimer>
#include <QHostAddress>
#include <QJsonDocument>

#ifdef Q_OS_WIN
#include <winsock2.h>
#define SHUT_WR SD_SEND
#else
#include <sys/socket.h>
#endif

namespace talker::test {

WireClient::WireClient(quint16 port, bool tls)
    : m_port(port)
    , m_tls(tls)
    , m_socket(std::make_unique<QSslSocket>())
{}

WireClient::~WireClient() = default;

bool WireClient::open()
{
    if (m_tls) {
        m_socket->setPeerVerifyMode(QSslSocket::VerifyNone);
        m_socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_port);
        return m_socket->waitForEncrypted(Timeout);
    }
    m_socket->connectToHost(QHostAddress::LocalHost, m_port);
    return m_socket->waitForConnected(Timeout);
}

bool WireClient::join(const QString &room, const QString &token, const QJsonObject &extra)
{
    if (m_socket->state() != QAbstractSocket::ConnectedState && !open())
        return false;
    QJsonObject connect = extra;
    connect.insert(QStringLiteral("type"), QStringLiteral("connect"));
    connect.insert(QStringLiteral("room"), room);
    connect.insert(QStringLiteral("token"), token);
    send(connect);
    m_handshake.clear();
    for (;;) {
        const QJsonObject event = next();
        if (event.isEmpty())
            return false;
        m_handshake.append(event);
        const QString type = event.value(QLatin1String("type")).toString();
        if (type == QLatin1String("connected"))
            m_user = event.value(QLatin1String("user")).toObject();
        else if (type == QLatin1String("users"))
            return !m_user.isEmpty();
        else if (type == QLatin1String("error") && m_user.isEmpty())
            return false;
    }
}

void WireClient::send(const QJsonObject &event)
{
    sendRaw(QJsonDocument(event).toJson(QJsonDocument::Compact) + '\n');
}

void WireClient::sendRaw(const QByteArray &bytes)
{
    m_socket->write(bytes);
    m_socket->flush();
    while (m_socket->bytesToWrite() > 0 && m_socket->state() == QAbstractSocket::ConnectedState) {
        if (!m_socket->waitForBytesWritten(Timeout))
            break;
    }
}

bool WireClient::fill(int timeoutMs)
{
    if (m_socket->bytesAvailable() > 0) {
        m_buffer += m_socket->readAll();
        return true;
    }
    if (m_closed || m_socket->state() != QAbstractSocket::ConnectedState) {
        m_closed = true;
        return false;
    }
    if (!m_socket->waitForReadyRead(timeoutMs)) {
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            m_closed = true;
        m_buffer += m_socket->readAll();
        return false;
    }
    m_buffer += m_socket->readAll();
    return true;
}

QJsonObject WireClient::next(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        const int nl = m_buffer.indexOf('\n');
        if (nl >= 0) {
            const QByteArray line = m_buffer.left(nl);
            m_buffer.remove(0, nl + 1);
            const QJsonDocument doc = QJsonDocument::fromJson(line);
            if (!doc.isObject()) {
                qWarning("WireClient: server sent a line that is not a JSON object: %s",
                         line.constData());
                return QJsonObject{{QStringLiteral("type"), QStringLiteral("<not json>")}};
            }
            return doc.object();
        }
        if (deadline.hasExpired())
            return QJsonObject();
        const bool got = fill(int(qMax<qint64>(1, deadline.remainingTime())));
        if (!got && (m_closed || deadline.hasExpired()) && m_buffer.indexOf('\n') < 0)
            return QJsonObject();
    }
}

QJsonObject WireClient::waitFor(const QString &type, QList<QJsonObject> *skipped, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        const QJsonObject event = next(int(qMax<qint64>(1, deadline.remainingTime())));
        if (event.isEmpty())
            return event;
        if (event.value(QLatin1String("type")).toString() == type)
            return event;
        if (skipped)
            skipped->append(event);
    }
    return QJsonObject();
}

QList<QJsonObject> WireClient::sync(bool *ok)
{
    QList<QJsonObject> events;
    send(QJsonObject{{QStringLiteral("type"), QStringLiteral("ping")}});
    const QJsonObject pong = waitFor(QStringLiteral("pong"), &events);
    if (ok)
        *ok = !pong.isEmpty();
    return events;
}

bool WireClient::waitClosed(QList<QJsonObject> *events, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        const QJsonObject event = next(int(qMax<qint64>(1, deadline.remainingTime())));
        if (!event.isEmpty()) {
            if (events)
                events->append(event);
            continue;
        }
        if (m_closed)
            return true;
    }
    return false;
}

QList<QJsonObject> WireClient::replay() const
{
    if (m_handshake.size() < 2)
        return {};
    return m_handshake.mid(1, m_handshake.size() - 2);
}

bool WireClient::isOpen() const
{
    return !m_closed && m_socket->state() == QAbstractSocket::ConnectedState;
}

void WireClient::shutdownWrite()
{
    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
}

void WireClient::abort()
{
    m_socket->abort();
    m_closed = true;
}

bool joinAll(const QString &room, std::initializer_list<std::pair<WireClient *, QString>> members)
{
    for (const auto &[client, token] : members) {
        if (!client->join(room, token))
            return false;
    }
    return true;
}

QJsonObject message(const QString &content, const QJsonObject &extra)
{
    QJsonObject m = extra;
    m.insert(QStringLiteral("type"), QStringLiteral("message"));
    m.insert(QStringLiteral("content"), content);
    return m;
}

QJsonObject errorEvent(const QString &text, const QString &id)
{
    QJsonObject e{{kType, QStringLiteral("error")}, {kMessage, text}};
    if (!id.isEmpty())
        e.insert(QStringLiteral("id"), id);
    return e;
}

QStringList contents(const QList<QJsonObject> &events)
{
    QStringList list;
    for (const QJsonObject &e : events) {
        if (e.value(kType) == kMessage)
            list.append(e.value(kContent).toString());
    }
    return list;
}

QStringList types(const QList<QJsonObject> &events)
{
    QStringList list;
    for (const QJsonObject &e : events)
        list.append(e.value(QLatin1String("type")).toString());
    return list;
}

} // namespace talker::test
