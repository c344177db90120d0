// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// In-process tests without sockets: a Connection driven through a fake Transport, plus
// the rate limiter and the failed-token throttle.
#include "server/ackqueue.h"
#include "server/auththrottle.h"
#include "server/connection.h"
#include "server/groupcommitwindow.h"
#include "server/hub.h"
#include "server/ratelimiter.h"
#include "server/room.h"
#include "server/roomplacement.h"
#include "server/server.h"
#include "server/serveradmin.h"
#include "server/transport.h"
#include "store/sqlitestore.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace talker::server;

namespace {

/// A Transport that records what the server writes.
class FakeTransport : public Transport
{
public:
    void write(const QByteArray &bytes) override
    {
        written += bytes;
        if (growPending)
            pending += bytes.size();
        writes.append(bytes); // shares the bytes: constData() tells whose buffer it is
    }
    qint64 pendingOutput() const override { return pending; }
    void closeAfterFlush() override { closedGracefully = true; }
    void abort() override { aborted = true; }
    QString address() const override { return QStringLiteral("10.0.0.1"); }

    void feed(const QByteArray &bytes) { emit received(bytes); }
    QList<QJsonObject> take()
    {
        QList<QJsonObject> events;
        for (const QByteArray &line : written.split('\n')) {
            if (!line.isEmpty())
                events.append(QJsonDocument::fromJson(line).object());
        }
        written.clear();
        return events;
    }

    QByteArray written;
    QList<QByteArray> writes;
    qint64 pending = 0;
    bool growPending = false; ///< written bytes count as unsent until `pending` is reset
    bool closedGracefully = false;
    bool aborted = false;
};

/// A store like a cluster store: no search index, no paging.
class PlainStore : public talker::store::SqliteStore
{
public:
    bool canSearch() const override { return false; }
    talker::store::HistoryPage historyBefore(const QString &, const QString &, const QString &,
                                             int) override
    {
        return {};
    }
};

QStringList typesOf(const QList<QJsonObject> &events)
{
    QStringList list;
    for (const QJsonObject &e : events)
        list.append(e.value(QLatin1String("type")).toString());
    return list;
}

} // namespace

class TestServerUnits : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_store = std::make_unique<talker::store::SqliteStore>();
        QVERIFY(m_store->open(m_dir->filePath(QStringLiteral("u.db"))));
        ServerAdmin admin(m_store.get());
        m_token = admin.addUser(QStringLiteral("alice"));
        QVERIFY(!m_token.isEmpty());
        ServerConfig config;
        config.maxPendingOutput = 1000;
        m_hub = std::make_unique<Hub>(config, m_store.get());
    }

    void roomsAreSpreadEvenlyOverThreads()
    {
        // Ten rooms over two threads: five each, whatever their names hash to.
        RoomPlacement placement(2);
        QList<int> rooms(2, 0);
        for (int r = 0; r < 10; ++r)
            rooms[placement.shardOf(QStringLiteral("room-%1").arg(r))] += 1;
        QCOMPARE(rooms, (QList<int>{5, 5}));
        // A room stays where it is.
        const int shard = placement.shardOf(QStringLiteral("room-3"));
        for (int i = 0; i < 5; ++i)
            QCOMPARE(placement.shardOf(QStringLiteral("room-3")), shard);
        // Past what it remembers, a new room is placed by its name, as stably.
        RoomPlacement small(3, 2);
        small.shardOf(QStringLiteral("a"));
        small.shardOf(QStringLiteral("b"));
        const int hashed = small.shardOf(QStringLiteral("c"));
        QVERIFY(hashed >= 0 && hashed < 3);
        QCOMPARE(small.shardOf(QStringLiteral("c")), hashed);
        QCOMPARE(small.shardOf(QStringLiteral("a")), 0);
        QCOMPARE(small.shardOf(QStringLiteral("b")), 1);
    }
    void cleanup()
    {
        m_hub.reset();
        m_store.reset();
        m_dir.reset();
    }

    void handshakeAndBackToBackFrames()
    {
        auto *transport = new FakeTransport;
        auto *c = new Connection(transport, m_hub.get(), m_hub.get());
        transport->feed("{\"type\":\"connect\",\"room\":\"r\",\"token\":\"" + m_token.toUtf8() +
                        "\"}{\"type\":\"ping\"}\r\n{\"type\":\"message\",\"content\":\"x\"}");
        QCOMPARE(c->state(), Connection::State::Connected);
        QCOMPARE(typesOf(transport->take()),
                 (QStringList{QStringLiteral("connected"), QStringLiteral("users"),
                              QStringLiteral("join"), QStringLiteral("pong")}));
        // The message waits for its store batch, which commits at the end of the pass.
        QTRY_VERIFY(!transport->written.isEmpty());
        QCOMPARE(typesOf(transport->take()), QStringList{QStringLiteral("message")});
        // Several messages of one pass are stored together, then delivered in order.
        transport->feed(
            "{\"type\":\"message\",\"content\":\"a\"}\n{\"type\":\"message\",\"content\":\"b\"}\n");
        QVERIFY(transport->written.isEmpty());
        m_hub->flushStore();
        const auto both = transport->take();
        QCOMPARE(both.size(), 2);
        QCOMPARE(both[0].value(QLatin1String("content")).toString(), QStringLiteral("a"));
        QCOMPARE(both[1].value(QLatin1String("content")).toString(), QStringLiteral("b"));
        QCOMPARE(m_store->lastEvents(QStringLiteral("r"), QString(), 2).size(), 2);
        QVERIFY(m_hub->room(QStringLiteral("r")));
        QCOMPARE(m_hub->room(QStringLiteral("r"))->connectionCount(), 1);
    }

    void oneStoreBatchIsOneSharedBufferPerRoom()
    {
        const QString bobToken = ServerAdmin(m_store.get()).addUser(QStringLiteral("bob"));
        auto *alice = new FakeTransport;
        auto *bob = new FakeTransport;
        new Connection(alice, m_hub.get(), m_hub.get());
        new Connection(bob, m_hub.get(), m_hub.get());
        alice->feed("{\"type\":\"connect\",\"room\":\"r\",\"token\":\"" + m_token.toUtf8() +
                    "\"}\n");
        bob->feed("{\"type\":\"connect\",\"room\":\"r\",\"token\":\"" + bobToken.toUtf8() +
                  "\"}\n");
        alice->take();
        bob->take();
        alice->writes.clear();
        bob->writes.clear();

        // Three public messages of one pass: one buffer, the same bytes for both.
        alice->feed("{\"type\":\"message\",\"content\":\"a\"}\n{\"type\":\"message\",\"content\":"
                    "\"b\"}\n{\"type\":\"message\",\"content\":\"c\"}\n");
        m_hub->flushStore();
        QCOMPARE(alice->writes.size(), 1);
        QCOMPARE(bob->writes.size(), 1);
        QCOMPARE(bob->writes[0].constData(), alice->writes[0].constData());
        QCOMPARE(bob->writes[0].count('\n'), 3);
        alice->take();
        bob->take();

        // A private message between public ones keeps its place for both sides.
        alice->feed("{\"type\":\"message\",\"content\":\"d\"}\n{\"type\":\"message\",\"to\":"
                    "\"bob\",\"content\":\"p\"}\n{\"type\":\"message\",\"content\":\"e\"}\n");
        m_hub->flushStore();
        const auto contents = [](FakeTransport *transport) {
            QStringList list;
            for (const QJsonObject &e : transport->take())
                list.append(e.value(QLatin1String("content")).toString());
            return list;
        };
        const QStringList order{QStringLiteral("d"), QStringLiteral("p"), QStringLiteral("e")};
        QCOMPARE(contents(alice), order);
        QCOMPARE(contents(bob), order);
    }

    void authenticationFailureCloses()
    {
        auto *transport = new FakeTransport;
        new Connection(transport, m_hub.get(), m_hub.get());
        transport->feed("{\"type\":\"connect\",\"room\":\"r\",\"token\":\"wrong\"}\n");
        const auto events = transport->take();
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].value(QLatin1String("message")).toString(),
                 QStringLiteral("Authentication failed"));
        QVERIFY(transport->closedGracefully);
    }

    void slowReaderIsAbortedAndGoesIdle()
    {
        auto *slowTransport = new FakeTransport;
        auto *slow = new Connection(slowTransport, m_hub.get(), m_hub.get());
        slowTransport->feed("{\"type\":\"connect\",\"room\":\"r\",\"token\":\"" + m_token.toUtf8() +
                            "\"}\n");
        QCOMPARE(slow->state(), Connection::State::Connected);
        slowTransport->pending = 5000; // over the 1000-byte limit from now on
        slowTransport->feed("{\"type\":\"ping\"}\n");
        QCOMPARE(slow->state(), Connection::State::Closing);
        QVERIFY(!slowTransport->aborted); // deferred, never inside a broadcast
        QTRY_VERIFY(slowTransport->aborted);
        QCOMPARE(m_hub->room(QStringLiteral("r"))->connectionCount(), 0);
        QSignalSpy finished(slow, &Connection::finished);
        emit slowTransport->closed();
        QCOMPARE(finished.size(), 1);
    }

    void historyIsWrittenAsTheSocketDrains()
    {
        Hub hub(ServerConfig{}, m_store.get());
        auto *transport = new FakeTransport;
        auto *c = new Connection(transport, &hub, &hub);
        transport->feed("{\"type\":\"connect\",\"room\":\"h\",\"token\":\"" + m_token.toUtf8() +
                        "\"}\n");
        QCOMPARE(c->state(), Connection::State::Connected);
        const QByteArray text(1000, 'x');
        for (int i = 0; i < 100; ++i)
            transport->feed("{\"type\":\"message\",\"content\":\"" + text + "\"}\n");
        transport->feed("{\"type\":\"message\",\"id\":\"last\",\"content\":\"end\"}\n");
        hub.flushStore();
        transport->take();
        transport->growPending = true;
        transport->feed("{\"type\":\"history\",\"before\":\"last\",\"limit\":100}\n");
        // Only about one socket window is read from the store and written so far.
        QList<QJsonObject> events = transport->take();
        QCOMPARE(events.first().value(QLatin1String("type")).toString(),
                 QStringLiteral("history_start"));
        QVERIFY(events.size() > 10);
        QVERIFY(events.size() < 60);
        // A ping (and its pong) waits behind the whole page.
        transport->feed("{\"type\":\"ping\"}\n");
        QVERIFY(transport->written.isEmpty());
        for (int round = 0; round < 20 && !transport->written.contains("pong"); ++round) {
            transport->pending = 0;
            emit transport->drained();
            events += transport->take();
        }
        QStringList types = typesOf(events);
        QCOMPARE(types.size(), 1 + 100 + 1 + 1);
        QCOMPARE(types.count(QStringLiteral("message")), 100);
        QCOMPARE(types.at(101), QStringLiteral("history_end"));
        QCOMPARE(types.last(), QStringLiteral("pong"));
        emit transport->closed();
    }

    void storeWithoutSearchAnswersClearly()
    {
        PlainStore store;
        QVERIFY(store.open(m_dir->filePath(QStringLiteral("plain.db"))));
        const QString token = ServerAdmin(&store).addUser(QStringLiteral("bob"));
        Hub hub(ServerConfig{}, &store);
        auto *transport = new FakeTransport;
        new Connection(transport, &hub, &hub);
        transport->feed("{\"type\":\"connect\",\"room\":\"p\",\"token\":\"" + token.toUtf8() +
                        "\"}\n");
        transport->take();
        transport->feed("{\"type\":\"search\",\"query\":\"x\"}\n{\"type\":\"history\",\"before\":"
                        "\"x\"}\n{\"type\":\"ping\"}\n");
        const QList<QJsonObject> events = transport->take();
        QCOMPARE(events.size(), 3);
        QCOMPARE(events[0].value(QLatin1String("message")).toString(),
                 QStringLiteral("Search not available"));
        QCOMPARE(events[1].value(QLatin1String("message")).toString(),
                 QStringLiteral("History not available"));
        QCOMPARE(typesOf(events).last(), QStringLiteral("pong"));
        emit transport->closed();
    }

    void ackQueueCompletesInOrder()
    {
        // Writes complete in the order they were queued whatever the order of the
        // answers, steps wait for the writes before them, and what a step queues takes
        // its place before what was queued behind it.
        AckQueue queue;
        QStringList log;
        const auto logWrite = [&log](const QString &name) {
            return [&log, name](bool stored, const talker::store::StoredEvent &) {
                log.append(name + (stored ? QStringLiteral(" stored") : QStringLiteral(" failed")));
            };
        };
        queue.after([&log] { log.append(QStringLiteral("now")); });
        const quint64 a = queue.pushWrite(QStringLiteral("a"), logWrite(QStringLiteral("a")));
        quint64 c = 0;
        queue.after([&] {
            log.append(QStringLiteral("step"));
            c = queue.pushWrite(QStringLiteral("c"), logWrite(QStringLiteral("c")));
            queue.after([&log] { log.append(QStringLiteral("after c")); });
        });
        const quint64 b = queue.pushWrite(QStringLiteral("b"), logWrite(QStringLiteral("b")));
        QVERIFY(queue.writing(QStringLiteral("a")));
        QVERIFY(!queue.writing(QStringLiteral("c")));
        QVERIFY(queue.stepWaiting());
        queue.ack(b, true, {});
        QCOMPARE(log, QStringList{QStringLiteral("now")});
        queue.ack(a, false, {});
        QCOMPARE(log, (QStringList{QStringLiteral("now"), QStringLiteral("a failed"),
                                   QStringLiteral("step")}));
        QVERIFY(c != 0);
        queue.ack(c, true, {});
        QCOMPARE(log, (QStringList{QStringLiteral("now"), QStringLiteral("a failed"),
                                   QStringLiteral("step"), QStringLiteral("c stored"),
                                   QStringLiteral("after c"), QStringLiteral("b stored")}));
        QVERIFY(queue.isEmpty());
    }

    void rateLimiter()
    {
        RateLimiter limiter(10, 3); // 10/s, bursts of 3
        QVERIFY(limiter.take(0));
        QVERIFY(limiter.take(0));
        QVERIFY(limiter.take(0));
        QVERIFY(!limiter.take(0));
        QVERIFY(limiter.waitMs(0) > 0);
        QVERIFY(limiter.waitMs(0) <= 101);
        QVERIFY(limiter.take(100)); // one token per 100 ms
        QVERIFY(!limiter.take(100));
        QVERIFY(limiter.take(10000));
        RateLimiter off;
        QVERIFY(!off.enabled());
        for (int i = 0; i < 1000; ++i)
            QVERIFY(off.take(0));
    }

    void groupCommitWindowFollowsCommitTimes()
    {
        constexpr qint64 ms = 1'000'000;
        GroupCommitWindow window(GroupCommitWindow::kAuto);
        QCOMPARE(window.waitMs(0), 0); // nothing measured yet: at once
        for (int i = 0; i < 50; ++i)
            window.noteCommit(ms / 10); // 0.1 ms commits: waiting cannot pay
        QCOMPARE(window.windowNs(), ms / 20);
        QCOMPARE(window.waitMs(0), 0);
        window.noteCommit(40 * ms); // one slow commit: an eighth of the way
        QVERIFY(window.windowNs() > 2 * ms && window.windowNs() < 3 * ms);
        for (int i = 0; i < 50; ++i)
            window.noteCommit(4 * ms); // slow commits: half of that, 2 ms
        QVERIFY(qAbs(window.windowNs() - 2 * ms) < ms / 10);
        QCOMPARE(window.waitMs(0), 2); // whole milliseconds, never past the window
        QCOMPARE(window.waitMs(ms), 1);
        QCOMPARE(window.waitMs(3 * ms / 2), 0); // under a millisecond: at once
        for (int i = 0; i < 50; ++i)
            window.noteCommit(100 * ms);
        QCOMPARE(window.windowNs(), 3 * ms); // capped
        QCOMPARE(window.waitMs(0), 3);

        GroupCommitWindow fixed(500); // --group-commit 500 whatever commits take
        fixed.noteCommit(ms / 10);
        QCOMPARE(fixed.windowNs(), 500 * ms);
        QCOMPARE(fixed.waitMs(100 * ms), 400);
        GroupCommitWindow off(0);
        off.noteCommit(100 * ms);
        QCOMPARE(off.waitMs(0), 0);
    }

    void authThrottle()
    {
        // The answer to each failure beyond the allowed ones waits, doubling.
        AuthThrottle throttle(2, 1000, 60000);
        const QString a = QStringLiteral("1.2.3.4");
        QCOMPARE(throttle.recordFailure(a, 0), 0);
        QCOMPARE(throttle.recordFailure(a, 0), 0);
        QCOMPARE(throttle.recordFailure(a, 10), 1000);
        QCOMPARE(throttle.recordFailure(a, 20), 2000);
        for (int i = 0; i < 20; ++i)
            throttle.recordFailure(a, 30);
        QCOMPARE(throttle.recordFailure(a, 40), 30000); // capped
        QCOMPARE(throttle.recordFailure(QStringLiteral("5.6.7.8"), 40), 0);
        QCOMPARE(throttle.recordFailure(a, 70000), 0); // forgotten after the window
    }

    void inProcessServerWithAdmin()
    {
        ServerConfig config;
        config.port = 0;
        config.databasePath = m_dir->filePath(QStringLiteral("inproc.db"));
        Server server(config);
        QVERIFY2(server.listen(), qPrintable(server.errorString()));
        QVERIFY(server.port() > 0);
        ServerAdmin admin(server.store());
        const QString token = admin.addUser(QStringLiteral("me"));
        QVERIFY(!token.isEmpty());
        QVERIFY(admin.addUser(QStringLiteral("me")).isEmpty());
        QVERIFY(!admin.lastError().isEmpty());
        QVERIFY(admin.createRoom(QStringLiteral("Demo"), QStringLiteral("me"),
                                 QStringLiteral("Welcome!")));
        QVERIFY(admin.createRoom(QStringLiteral("Demo"), QStringLiteral("me"),
                                 QStringLiteral("Welcome!")));
        QCOMPARE(admin.rooms(), QStringList{QStringLiteral("Demo")});
        const auto history = server.store()->lastEvents(QStringLiteral("Demo"), QString(), 10);
        QCOMPARE(history.size(), 1); // the welcome is stored once
        QVERIFY(history[0].line.contains("Welcome!"));
        server.close();
        QVERIFY(!server.isListening());
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<talker::store::SqliteStore> m_store;
    std::unique_ptr<Hub> m_hub;
    QString m_token;
};

QTEST_GUILESS_MAIN(TestServerUnits)
#include "tst_server_units.moc"
