// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// The second client of the end-to-end test: joins a room as another user, waits until
// the target user is present, sends it a private message, and exits 0 once the
// server has echoed the message back (so it was delivered).
//
//   talker-e2e-bob PORT TOKEN ROOM TO_NAME TEXT
#include "protocol/codec.h"
#include "protocol/framedecoder.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QTcpSocket>
#include <QTimer>
#include <cstdio>

using namespace talker::protocol;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 6) {
        std::fprintf(stderr, "usage: talker-e2e-bob PORT TOKEN ROOM TO_NAME TEXT\n");
        return 2;
    }
    const quint16 port = quint16(args.at(1).toUInt());
    const QString token = args.at(2), room = args.at(3), to = args.at(4), text = args.at(5);

    QTcpSocket socket;
    FrameDecoder decoder;
    bool sent = false;
    int exitCode = 1;
    auto sendPrivate = [&] {
        if (sent)
            return;
        sent = true;
        // A public message first, so the room has something to show in the screenshot.
        MessageEvent hello;
        hello.content = QStringLiteral(
            "Morning! The **build** is green again, details at https://ci.example.org/talker");
        socket.write(encode(Event(hello)));
        MessageEvent second; // two, so that arrows have somewhere to go
        second.content = QStringLiteral("Release notes are up too.");
        socket.write(encode(Event(second)));
        MessageEvent message;
        message.content = text;
        message.to = to;
        socket.write(encode(Event(message)));
        std::printf("bob: sent private message to %s\n", qPrintable(to));
    };
    QObject::connect(&socket, &QTcpSocket::connected, [&] {
        ConnectEvent connect;
        connect.room = room;
        connect.token = token;
        socket.write(encode(Event(connect)));
    });
    QObject::connect(&socket, &QTcpSocket::readyRead, [&] {
        decoder.append(socket.readAll());
        QByteArray frame;
        while (decoder.next(&frame) == FrameDecoder::Status::Frame) {
            const DecodeResult result = decode(frame);
            if (!result.ok())
                continue;
            const Event &event = *result.event;
            if (const auto *users = std::get_if<UsersEvent>(&event)) {
                for (const User &user : users->users) {
                    if (user.name == to)
                        sendPrivate();
                }
            } else if (const auto *presence = std::get_if<PresenceEvent>(&event)) {
                if (presence->kind == PresenceEvent::Kind::Join && presence->user.name == to)
                    sendPrivate();
            } else if (const auto *message = std::get_if<MessageEvent>(&event)) {
                if (sent && message->content == text) {
                    exitCode = 0;
                    socket.write(encode(Event(CloseEvent{})));
                    socket.flush();
                    QTimer::singleShot(200, &app, &QCoreApplication::quit);
                }
            } else if (const auto *error = std::get_if<ErrorEvent>(&event)) {
                std::fprintf(stderr, "bob: server error: %s\n", qPrintable(error->message));
            }
        }
    });
    QTimer ping;
    QObject::connect(&ping, &QTimer::timeout, [&] { socket.write(encode(Event(PingEvent{}))); });
    ping.start(10000);
    QTimer::singleShot(90000, &app, [&] {
        std::fprintf(stderr, "bob: timed out (target present: %s)\n", sent ? "yes" : "no");
        app.quit();
    });
    socket.connectToHost(QHostAddress::LocalHost, port);
    app.exec();
    return exitCode;
}
