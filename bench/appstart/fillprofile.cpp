// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// talker-bench-fillprofile: writes an app profile with ROOMS joined rooms and MESSAGES
// cached messages in total, through the client library's own registry and cache.
//
//     talker-bench-fillprofile DIR ROOMS MESSAGES PORT
#include "client/account.h"
#include "client/accountconfig.h"
#include "client/accountregistry.h"
#include "client/historycache.h"
#include "client/message.h"

#include <QCoreApplication>
#include <QDateTime>
#include <cstdio>

using namespace talker::client;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        std::fprintf(stderr, "usage: talker-bench-fillprofile DIR ROOMS MESSAGES PORT\n");
        return 64;
    }
    const QString dir = args.at(1);
    const int rooms = args.at(2).toInt();
    const int messages = args.at(3).toInt();
    AccountRegistry registry(dir);
    AccountConfig config;
    config.id = QStringLiteral("bench");
    config.host = QStringLiteral("127.0.0.1");
    config.port = quint16(args.at(4).toUInt());
    config.userName = QStringLiteral("alice");
    config.userId = QStringLiteral("1");
    Account *account = registry.addAccount(config);
    if (!account || rooms <= 0) {
        std::fprintf(stderr, "fillprofile: cannot create the account\n");
        return 1;
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QString text = QStringLiteral("A cached message of about a hundred characters, "
                                        "like the ones people type in a busy room. #");
    for (int r = 0; r < rooms; ++r) {
        const QString room = QStringLiteral("room%1").arg(r);
        account->joinRoom(room);
        const int count = messages / rooms + (r < messages % rooms ? 1 : 0);
        for (int i = 0; i < count; ++i) {
            Message m;
            m.id = QStringLiteral("m%1-%2").arg(r).arg(i);
            m.authorId = QString::number(2 + i % 7);
            m.authorName = QStringLiteral("user%1").arg(2 + i % 7);
            m.text = text + QString::number(i);
            m.time = now - (count - i) * 10;
            account->cache()->storeMessage(QStringLiteral("room:") + room, m);
        }
    }
    account->cache()->flush();
    if (!registry.save()) {
        std::fprintf(stderr, "fillprofile: cannot save the registry\n");
        return 1;
    }
    std::printf("profile %s: %d rooms, %d messages\n", qPrintable(dir), rooms, messages);
    return 0;
}
