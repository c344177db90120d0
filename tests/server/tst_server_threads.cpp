// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// Rooms sharded over several threads: each room keeps its own order and members,
// one user can be in rooms on different threads, shutdown closes every shard.
#include "testserver.h"
#include "wireclient.h"

#include <QJsonArray>
#include <QTest>

using namespace talker::test;

namespace {
constexpr int kRooms = 8;
} // namespace

class TestServerThreads : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.startWithUsers(
            {{QStringLiteral("alice"), &m_alice}, {QStringLiteral("bob"), &m_bob}}));
    }

    void roomsStayApartAndInOrder()
    {
        std::vector<std::unique_ptr<WireClient>> senders, receivers;
        for (int r = 0; r < kRooms; ++r) {
            const QString room = QStringLiteral("room-%1").arg(r);
            senders.push_back(std::make_unique<WireClient>(m_server.port()));
            QVERIFY(senders.back()->join(room, m_alice));
            receivers.push_back(std::make_unique<WireClient>(m_server.port()));
            QVERIFY(receivers.back()->join(room, m_bob));
            // Each receiver sees only its own room's two members.
            QCOMPARE(receivers.back()
                         ->handshake()
                         .last()
                         .value(QStringLiteral("users"))
                         .toArray()
                         .size(),
                     2);
        }
        // Everyone talks at once.
        for (int i = 0; i < 50; ++i) {
            for (int r = 0; r < kRooms; ++r)
                senders[size_t(r)]->send(message(QStringLiteral("%1:%2").arg(r).arg(i)));
        }
        for (int r = 0; r < kRooms; ++r) {
            for (int i = 0; i < 50; ++i) {
                QCOMPARE(receivers[size_t(r)]->waitFor(kMessage).value(kContent).toString(),
                         QStringLiteral("%1:%2").arg(r).arg(i));
            }
            QVERIFY(!types(receivers[size_t(r)]->sync()).contains(kMessage));
        }
    }

    void oneUserInRoomsOnDifferentThreads()
    {
        std::vector<std::unique_ptr<WireClient>> mine;
        for (int r = 0; r < kRooms; ++r) {
            mine.push_back(std::make_unique<WireClient>(m_server.port()));
            QVERIFY(mine.back()->join(QStringLiteral("multi-%1").arg(r), m_alice));
        }
        WireClient bob(m_server.port());
        QVERIFY(bob.join(QStringLiteral("multi-3"), m_bob));
        bob.send(message(QStringLiteral("only in 3")));
        QCOMPARE(bob.waitFor(kMessage).value(kContent).toString(), QStringLiteral("only in 3"));
        QCOMPARE(mine[3]->waitFor(kMessage).value(kContent).toString(),
                 QStringLiteral("only in 3"));
        for (int r = 0; r < kRooms; ++r) {
            if (r != 3)
                QVERIFY(!types(mine[size_t(r)]->sync()).contains(kMessage));
        }
        // A private message by name works within the room's thread.
        mine[3]->send(
            message(QStringLiteral("psst"), {{QStringLiteral("to"), QStringLiteral("bob")}}));
        QCOMPARE(bob.waitFor(kMessage).value(QStringLiteral("private")), QJsonValue(true));
    }

    void shutdownClosesEveryShard()
    {
        std::vector<std::unique_ptr<WireClient>> clients;
        for (int r = 0; r < kRooms; ++r) {
            clients.push_back(std::make_unique<WireClient>(m_server.port()));
            QVERIFY(clients.back()->join(QStringLiteral("bye-%1").arg(r), m_alice));
        }
        m_server.stop();
        for (auto &c : clients)
            QVERIFY(c->waitClosed());
        // Restart: the history of every room is there.
        QVERIFY(m_server.start());
        for (int r = 0; r < kRooms; ++r) {
            WireClient c(m_server.port());
            QVERIFY(c.join(QStringLiteral("room-%1").arg(r), m_bob,
                           {{QStringLiteral("history"), 100}}));
            QCOMPARE(contents(c.handshake()).size(), 50);
        }
    }

private:
    TestServer m_server{{QStringLiteral("--threads"), QStringLiteral("4"),
                         QStringLiteral("--idle-timeout"), QStringLiteral("600")}};
    QString m_alice, m_bob;
};

QTEST_GUILESS_MAIN(TestServerThreads)
#include "tst_server_threads.moc"
