// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QJsonObject>
#include <QList>
#include <QSslSocket>
#include <QString>
#include <initializer_list>
#include <memory>
#include <utility>

namespace talker::test {

/// A raw protocol client for black-box server tests: a real socket, blocking waits
/// with generous timeouts, one parsed JSON object per received line.
class WireClient
{
public:
    static constexpr int Timeout = 15000;

    explicit WireClient(quint16 port, bool tls = false);
    ~WireClient();

    /// Opens the TCP (or TLS, accepting any certificate) connection.
    bool open();
    /// open() + connect + wait for `connected` and `users`. Everything received
    /// meanwhile (connected, replay, users) is kept in handshake().
    bool join(const QString &room, const QString &token, const QJsonObject &extra = {});

    void send(const QJsonObject &event);
    void sendRaw(const QByteArray &bytes);

    /// The next received event; an empty object on timeout or close.
    QJsonObject next(int timeoutMs = Timeout);
    /// Reads until an event of `type` arrives; the others go to *skipped.
    QJsonObject waitFor(const QString &type, QList<QJsonObject> *skipped = nullptr,
                        int timeoutMs = Timeout);
    /// Sends a ping and returns everything that arrived before its pong (the server
    /// handles a connection's events in order, so this is a barrier).
    QList<QJsonObject> sync(bool *ok = nullptr);
    /// Waits until the server closes the connection; the events before go to *events.
    bool waitClosed(QList<QJsonObject> *events = nullptr, int timeoutMs = Timeout);
    bool isOpen() const;
    /// Half-closes (shutdown SHUT_WR) without closing the read side.
    void shutdownWrite();
    void abort();

    QList<QJsonObject> handshake() const { return m_handshake; }
    /// The events between `connected` and `users` of the handshake: the replay.
    QList<QJsonObject> replay() const;
    /// The `user` object of `connected`.
    QJsonObject user() const { return m_user; }
    QString userId() const { return m_user.value(QLatin1String("id")).toString(); }
    QAbstractSocket::SocketError error() const { return m_socket->error(); }
    QSslSocket *socket() { return m_socket.get(); }

private:
    bool fill(int timeoutMs);

    quint16 m_port;
    bool m_tls;
    std::unique_ptr<QSslSocket> m_socket;
    QByteArray m_buffer;
    QList<QJsonObject> m_handshake;
    QJsonObject m_user;
    bool m_closed = false;
};

/// Keys and types the wire tests use everywhere.
inline const QString kType = QStringLiteral("type");
inline const QString kMessage = QStringLiteral("message");
inline const QString kContent = QStringLiteral("content");

/// Joins each client to `room` with its token, in the given order (so each one sees
/// the earlier ones in its `users`). False as soon as one join fails.
bool joinAll(const QString &room, std::initializer_list<std::pair<WireClient *, QString>> members);

/// `{"type":"message","content":...}` with optional extra fields.
QJsonObject message(const QString &content, const QJsonObject &extra = {});
/// `{"type":"error","message":text}`, with `"id":id` when `id` is set (an error about
/// one message).
QJsonObject errorEvent(const QString &text, const QString &id = QString());
/// The contents of the `message` events among `events`, in order.
QStringList contents(const QList<QJsonObject> &events);
/// The list of `type`s, for readable failure output.
QStringList types(const QList<QJsonObject> &events);

} // namespace talker::test
