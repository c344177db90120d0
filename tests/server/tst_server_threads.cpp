// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// Rooms sharded over several threads: each room keeps its own order and members,
// one user can be in rooms on different threads, shutdown closes every shard, and the
// room threads run in short CPU slices.
#include "server/cpuslice.h"
#include "testserver.h"
#include "wireclient.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTest>
#include <thread>

#ifdef Q_OS_LINUX
#include <sched.h>
#endif

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

    void roomThreadsAskForShortCpuSlices()
    {
        // Each room thread runs in short slices; the store writer keeps the kernel's.
        if (!QFile::exists(QStringLiteral("/proc/thread-self/sched")))
            QSKIP("no /proc/PID/task/TID/sched here");
        if (sliceOf(QStringLiteral("/proc/thread-self/sched")) < 0)
            QSKIP("this kernel does not show se.slice (older than EEVDF)");
        if (!requestsAreHonoured())
            QSKIP("this kernel does not take a slice request (older than 6.12)");
        QStringList roomThreads;
        QDir tasks(QStringLiteral("/proc/%1/task").arg(m_server.pid()));
        qint64 writerSlice = 0;
        for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            const QString name = readFile(tasks.filePath(tid + QStringLiteral("/comm"))).trimmed();
            const qint64 slice = sliceOf(tasks.filePath(tid + QStringLiteral("/sched")));
            if (name == QLatin1String("talker-store"))
                writerSlice = slice;
            else if (name == QLatin1String("talker-server") ||
                     name.startsWith(QLatin1String("talker-rooms"))) {
                QCOMPARE(slice, qint64(talker::server::kRoomThreadSliceUs) * 1000);
                roomThreads << name;
            }
        }
        QCOMPARE(roomThreads.size(), 4); // --threads 4: the main thread and three more
        QVERIFY2(writerSlice > qint64(talker::server::kRoomThreadSliceUs) * 1000,
                 qPrintable(QString::number(writerSlice)));
    }

    void aChosenSchedulingPolicyIsKept()
    {
        // A thread that the administrator put under another policy (here SCHED_BATCH,
        // as `chrt -b` would) is left under it.
#ifndef Q_OS_LINUX
        QSKIP("Linux's scheduling policies");
#else
        int policyAfter = -1;
        bool requested = true;
        std::thread probe([&] {
            sched_param param{};
            if (sched_setscheduler(0, SCHED_BATCH, &param) != 0)
                return;
            requested = talker::server::requestShortCpuSlices();
            policyAfter = sched_getscheduler(0);
        });
        probe.join();
        if (policyAfter < 0)
            QSKIP("cannot set SCHED_BATCH here");
        QVERIFY(!requested);
        QCOMPARE(policyAfter, SCHED_BATCH);
#endif
    }

private:
    static QString readFile(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll()) : QString();
    }
    /// The `se.slice` line of a /proc sched file, in nanoseconds; -1 without one.
    static qint64 sliceOf(const QString &schedFile)
    {
        for (const QString &line : readFile(schedFile).split(QLatin1Char('\n'))) {
            if (line.startsWith(QLatin1String("se.slice")))
                return line.section(QLatin1Char(':'), 1).trimmed().toLongLong();
        }
        return -1;
    }
    /// Whether a thread that asks for a short slice gets it here.
    static bool requestsAreHonoured()
    {
        qint64 slice = -1;
        std::thread probe([&] {
            if (talker::server::requestShortCpuSlices())
                slice = sliceOf(QStringLiteral("/proc/thread-self/sched"));
        });
        probe.join();
        return slice == qint64(talker::server::kRoomThreadSliceUs) * 1000;
    }

    TestServer m_server{{QStringLiteral("--threads"), QStringLiteral("4"),
                         QStringLiteral("--idle-timeout"), QStringLiteral("600")}};
    QString m_alice, m_bob;
};

QTEST_GUILESS_MAIN(TestServerThreads)
#include "tst_server_threads.moc"
