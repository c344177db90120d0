// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "soakchecker.h"

#include "protocol/codec.h"
#include "protocol/framedecoder.h"

#include <QDeadlineTimer>
#include <QHostAddress>
#include <QTcpSocket>

namespace talker::soak {

bool SoakChecker::readHistory(quint16 port, const QString &token, const QString &room,
                              QList<StoredMessage> *out, QString *error)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(10000)) {
        *error = QStringLiteral("checker cannot connect: %1").arg(socket.errorString());
        return false;
    }
    protocol::ConnectEvent connect;
    connect.room = room;
    connect.token = token;
    connect.history = 1 << 20;
    socket.write(protocol::encode(connect));

    protocol::FrameDecoder decoder(64 * 1024 * 1024);
    const QDeadlineTimer deadline(60000);
    bool connected = false;
    while (!deadline.hasExpired()) {
        if (!socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())))) {
            *error = QStringLiteral("checker: server closed or timed out");
            return false;
        }
        decoder.append(socket.readAll());
        QByteArray frame;
        while (decoder.next(&frame) == protocol::FrameDecoder::Status::Frame) {
            protocol::DecodeResult r = protocol::decode(frame);
            if (!r.ok())
                continue;
            if (std::holds_alternative<protocol::ConnectedEvent>(*r.event)) {
                connected = true;
            } else if (std::holds_alternative<protocol::UsersEvent>(*r.event)) {
                socket.write(protocol::encode(protocol::CloseEvent{}));
                socket.waitForBytesWritten(2000);
                return connected;
            } else if (const auto *m = std::get_if<protocol::MessageEvent>(&*r.event)) {
                if (!m->isPrivate && !m->deleted)
                    out->append(StoredMessage{m->id, m->content});
            } else if (const auto *e = std::get_if<protocol::ErrorEvent>(&*r.event)) {
                *error = QStringLiteral("checker: server error: %1").arg(e->message);
                return false;
            }
        }
    }
    *error = QStringLiteral("checker: no users event within 60 s");
    return false;
}

} // namespace talker::soak
