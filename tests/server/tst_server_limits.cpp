// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// Hostile clients: connections per address, event rate (throttle, then disconnect a
// flood), the authentication timeout, slow readers, failed token attempts.
#include "historyhelpers.h"
#include "sqliteinspector.h"
#include "testserver.h"
#include "wireclient.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QSqlQuery>
#include <QTest>

using namespace talker::test;

namespace {
/// Polls the server log (stderr) for `needle`.
bool waitForLog(const TestServer &server, const QByteArray &needle, int timeoutMs = 20000)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (server.log().contains(needle))
            return true;
        QTest::qWait(20);
    }
    return server.log().contains(needle);
}
} // namespace

class TestServerLimits : public QObject
{
    Q_OBJECT

private slots:
    void historyCapPrunesTheOldest()
    {
        TestServer server({QStringLiteral("--history-cap-events"), QStringLiteral("10"),
                           QStringLiteral("--history-cap-bytes"), QStringLiteral("6000")});
        QString alice, bob;
        QVERIFY(server.startWithUsers(
            {{QStringLiteral("alice"), &alice}, {QStringLiteral("bob"), &bob}}));
        WireClient a(server.port());
        QVERIFY(a.join(QStringLiteral("cap"), alice));
        // 1 join + 15 messages; "m1" is edited late, so its first row is among the
        // oldest while its edit is new: the message goes whole.
        QStringList texts;
        for (int i = 0; i < 15; ++i) {
            texts.append(QStringLiteral("m%1").arg(i));
            a.send(message(texts.last(), {{QStringLiteral("id"), QStringLiteral("id%1").arg(i)}}));
            QCOMPARE(a.waitFor(kMessage).value(kContent).toString(), texts.last());
            if (i == 8) {
                a.send(message(QStringLiteral("m1 edited"),
                               {{QStringLiteral("id"), QStringLiteral("id1")}}));
                QCOMPARE(a.waitFor(kMessage).value(kContent).toString(),
                         QStringLiteral("m1 edited"));
            }
        }
        // At most the newest 10 rows stay; the edit of m1 went with m1.
        WireClient b(server.port());
        QVERIFY(b.join(QStringLiteral("cap"), bob, {{QStringLiteral("history"), 100}}));
        const QStringList kept = contents(b.replay());
        QCOMPARE(kept, texts.mid(15 - kept.size()));
        QVERIFY2(kept.size() >= 8 && kept.size() <= 10, qPrintable(kept.join(QLatin1Char(' '))));
        // Paging agrees (bob's own join may have pruned one more meanwhile).
        b.sync();
        const HistoryAnswer page = history(b, QStringLiteral("id14"), 100);
        QVERIFY(page.complete());
        const QStringList paged = contents(page.events);
        QCOMPARE(paged, texts.mid(14 - paged.size(), paged.size()));
        QVERIFY(paged.size() >= kept.size() - 2);
        QCOMPARE(page.end.value(QStringLiteral("more")).toBool(), false);
        QVERIFY(resultContents(search(b, QStringLiteral("m1"))).isEmpty());
        QCOMPARE(resultContents(search(b, QStringLiteral("m14"))), QStringList{texts.last()});

        // A bytes cap: 20 lines of about 500 bytes keep at most 6000 bytes.
        const QString filler(450, QLatin1Char('x'));
        for (int i = 0; i < 20; ++i) {
            a.send(message(filler + QString::number(i)));
            QVERIFY(!a.waitFor(kMessage).isEmpty());
        }
        b.sync();
        SqliteInspector inspect(server.databasePath());
        QVERIFY(inspect.isOpen());
        // The writer imports the journal a few milliseconds after the send, and prunes.
        const auto rows = [&] {
            QSqlQuery q(inspect.db());
            const bool ok = q.exec(QStringLiteral("SELECT COUNT(*), TOTAL(length(line)) FROM "
                                                  "events WHERE room = 'cap'")) &&
                            q.next();
            return ok ? std::pair(q.value(0).toInt(), q.value(1).toDouble()) : std::pair(-1, 0.0);
        };
        const QString last = filler + QString::number(19);
        const auto importedAndPruned = [&] {
            const auto [count, bytes] = rows();
            return count > 0 && count <= 10 && bytes <= 6000 &&
                   inspect.number(QStringLiteral("SELECT COUNT(*) FROM events WHERE "
                                                 "content = '%1'")
                                      .arg(last)) == 1;
        };
        QVERIFY(QTest::qWaitFor(importedAndPruned));
        QVERIFY(rows().second > 4000);
        // Nothing derived outlives its rows. The search index follows within a
        // fraction of a second (the store writer indexes in batches).
        const qint64 messages = inspect.number(QStringLiteral("SELECT COUNT(*) FROM messages"));
        QVERIFY(messages > 0);
        QTRY_COMPARE(inspect.number(QStringLiteral("SELECT COUNT(*) FROM message_text")), messages);
        QCOMPARE(inspect.number(QStringLiteral("SELECT COUNT(*) FROM messages m WHERE NOT EXISTS "
                                               "(SELECT 1 FROM events e WHERE e.seq = m.seq)")),
                 0);
    }

    void connectionsPerAddress()
    {
        TestServer server({QStringLiteral("--max-connections-per-address"), QStringLiteral("3")});
        QVERIFY(server.start());
        const QString token = server.addUser(QStringLiteral("alice"));
        std::vector<std::unique_ptr<WireClient>> clients;
        for (int i = 0; i < 3; ++i) {
            clients.push_back(std::make_unique<WireClient>(server.port()));
            QVERIFY(clients.back()->join(QStringLiteral("r"), token));
        }
        WireClient fourth(server.port());
        QVERIFY(fourth.open());
        QList<QJsonObject> events;
        QVERIFY(fourth.waitClosed(&events));
        QCOMPARE(events, QList<QJsonObject>{errorEvent(QStringLiteral("Too many connections"))});
        // The others are unaffected.
        clients[0]->send(message(QStringLiteral("still fine")));
        QCOMPARE(clients[2]->waitFor(kMessage).value(kContent).toString(),
                 QStringLiteral("still fine"));
        // Another address is counted on its own (all of 127.0.0.0/8 is loopback).
        QSslSocket other;
        QVERIFY(other.bind(QHostAddress(QStringLiteral("127.0.0.2")), 0));
        other.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(other.waitForConnected(10000));
        other.write("{\"type\":\"connect\",\"room\":\"r\",\"token\":\"" + token.toUtf8() + "\"}\n");
        QVERIFY(other.waitForReadyRead(10000));
        QVERIFY(other.readLine().contains("\"connected\""));
        // Once one closes, a new connection from the first address is accepted again.
        clients[0]->send(QJsonObject{{kType, QStringLiteral("close")}});
        QVERIFY(clients[0]->waitClosed());
        bool accepted = false;
        const QDeadlineTimer deadline(20000);
        while (!accepted && !deadline.hasExpired()) {
            WireClient again(server.port());
            accepted = again.join(QStringLiteral("r"), token);
            if (!accepted)
                QTest::qWait(50);
        }
        QVERIFY(accepted);
    }

    void burstIsThrottledNotDropped()
    {
        TestServer server({QStringLiteral("--max-events-per-second"), QStringLiteral("20"),
                           QStringLiteral("--event-burst"), QStringLiteral("5")});
        QString alice, bob;
        QVERIFY(server.startWithUsers(
            {{QStringLiteral("alice"), &alice}, {QStringLiteral("bob"), &bob}}));
        WireClient a(server.port()), b(server.port());
        QVERIFY(joinAll(QStringLiteral("r"), {{&a, alice}, {&b, bob}}));
        QByteArray burst;
        for (int i = 0; i < 30; ++i)
            burst += "{\"type\":\"message\",\"content\":\"" + QByteArray::number(i) + "\"}\n";
        QElapsedTimer timer;
        timer.start();
        a.sendRaw(burst);
        for (int i = 0; i < 30; ++i)
            QCOMPARE(b.waitFor(kMessage).value(kContent).toString(), QString::number(i));
        // 25 events over the burst at 20/s cannot take less than about 1.2 s.
        QVERIFY2(timer.elapsed() >= 1000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(a.isOpen());
    }

    void floodIsDisconnectedOthersUnaffected()
    {
        TestServer server({QStringLiteral("--max-events-per-second"), QStringLiteral("20"),
                           QStringLiteral("--event-burst"), QStringLiteral("5"),
                           QStringLiteral("--max-line-size"), QStringLiteral("1024"),
                           QStringLiteral("--max-pending-input"), QStringLiteral("4096")});
        QString alice, bob, mallory;
        QVERIFY(server.startWithUsers({{QStringLiteral("alice"), &alice},
                                       {QStringLiteral("bob"), &bob},
                                       {QStringLiteral("mallory"), &mallory}}));
        WireClient a(server.port()), b(server.port()), m(server.port());
        QVERIFY(joinAll(QStringLiteral("r"), {{&a, alice}, {&b, bob}, {&m, mallory}}));
        QByteArray flood;
        for (int i = 0; i < 2000; ++i)
            flood += "{\"type\":\"message\",\"content\":\"spam\"}\n";
        m.sendRaw(flood);
        QList<QJsonObject> events;
        QVERIFY(m.waitClosed(&events));
        QVERIFY(!events.isEmpty());
        QCOMPARE(events.last(), errorEvent(QStringLiteral("Too many events")));
        // Alice and Bob carry on.
        a.send(message(QStringLiteral("after the flood")));
        QList<QJsonObject> skipped;
        QJsonObject got;
        do {
            got = b.waitFor(kMessage);
        } while (!got.isEmpty() && got.value(kContent) == QStringLiteral("spam"));
        QCOMPARE(got.value(kContent).toString(), QStringLiteral("after the flood"));
    }

    void unauthenticatedConnectionTimesOut()
    {
        TestServer server({QStringLiteral("--auth-timeout"), QStringLiteral("0.5")});
        QVERIFY(server.start());
        const QString token = server.addUser(QStringLiteral("alice"));
        WireClient silent(server.port());
        QVERIFY(silent.open());
        WireClient dribbling(server.port());
        QVERIFY(dribbling.open());
        dribbling.sendRaw("{\"type\":\"conn");
        WireClient good(server.port());
        QVERIFY(good.join(QStringLiteral("r"), token));
        for (WireClient *c : {&silent, &dribbling}) {
            QList<QJsonObject> events;
            QVERIFY(c->waitClosed(&events));
            QCOMPARE(events,
                     QList<QJsonObject>{errorEvent(QStringLiteral("Authentication timeout"))});
        }
        // An authenticated connection is not affected.
        good.send(message(QStringLiteral("ok")));
        QCOMPARE(good.waitFor(kMessage).value(kContent).toString(), QStringLiteral("ok"));
        QVERIFY(good.isOpen());
    }

    void defaultAuthTimeoutIsTenSeconds()
    {
        TestServer server;
        QVERIFY(server.start());
        WireClient silent(server.port());
        QVERIFY(silent.open());
        QElapsedTimer timer;
        timer.start();
        QList<QJsonObject> events;
        QVERIFY(silent.waitClosed(&events, 60000));
        QVERIFY2(timer.elapsed() >= 9000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(events, QList<QJsonObject>{errorEvent(QStringLiteral("Authentication timeout"))});
    }

    void slowReaderIsDropped()
    {
        TestServer server({QStringLiteral("--max-pending-output"), QStringLiteral("65536"),
                           QStringLiteral("--max-events-per-second"), QStringLiteral("0")});
        QString alice, bob, sloth;
        QVERIFY(server.startWithUsers({{QStringLiteral("alice"), &alice},
                                       {QStringLiteral("bob"), &bob},
                                       {QStringLiteral("sloth"), &sloth}}));
        WireClient a(server.port()), b(server.port()), slow(server.port());
        QVERIFY(joinAll(QStringLiteral("r"), {{&a, alice}, {&b, bob}, {&slow, sloth}}));
        a.sync();
        b.sync();
        // Alice talks in big messages; the slow one never reads. The kernel buffers
        // a few MB, then the server's queue for it grows past the limit.
        const QString big(60000, QLatin1Char('x'));
        int sent = 0;
        bool dropped = false;
        for (; sent < 2000 && !dropped; ++sent) {
            a.send(message(big + QString::number(sent)));
            QCOMPARE(a.waitFor(kMessage).value(kContent).toString(), big + QString::number(sent));
            QCOMPARE(b.waitFor(kMessage).value(kContent).toString(), big + QString::number(sent));
            dropped = server.log().contains("output backlog");
        }
        QVERIFY2(dropped, "the slow reader was never dropped");
        // Its socket gets closed; everyone else still chats.
        QVERIFY(slow.waitClosed(nullptr, 30000));
        a.send(message(QStringLiteral("after")));
        QCOMPARE(b.waitFor(kMessage).value(kContent).toString(), QStringLiteral("after"));
        // The others saw the slow one go idle (lost without close).
        QVERIFY(server.isRunning());
    }

    void bytesPerUserAreRateLimited()
    {
        // 500 kB from one user against 100 kB/s with a 200 kB burst: the last message
        // cannot be read before 3 s; nothing is refused (issue 11 item 4).
        TestServer server({QStringLiteral("--max-bytes-per-second"), QStringLiteral("100000"),
                           QStringLiteral("--byte-burst"), QStringLiteral("200000")});
        QString alice;
        QVERIFY(server.startWithUsers({{QStringLiteral("alice"), &alice}}));
        WireClient a(server.port());
        QVERIFY(a.join(QStringLiteral("bytes"), alice));
        QElapsedTimer timer;
        timer.start();
        const QString body(50000, QLatin1Char('b'));
        for (int i = 0; i < 10; ++i)
            a.send(message(QString::number(i) + body));
        for (int i = 0; i < 10; ++i)
            QCOMPARE(a.waitFor(kMessage).value(kContent).toString(), QString::number(i) + body);
        QVERIFY2(timer.elapsed() >= 2500, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(a.isOpen());
    }

    void failedTokensAreSlowedDown()
    {
        // Answers to failures wait; the right token never does: with a 2 s
        // authentication timeout it would time out if it waited behind the 4 s delay
        // the sixth failure would get (issue 11 item 6).
        TestServer server({QStringLiteral("--auth-failures"), QStringLiteral("3"),
                           QStringLiteral("--auth-failure-delay"), QStringLiteral("1"),
                           QStringLiteral("--auth-timeout"), QStringLiteral("2")});
        QVERIFY(server.start());
        const QString token = server.addUser(QStringLiteral("alice"));
        const auto attempt = [&](const QString &t, qint64 *elapsed) {
            WireClient c(server.port());
            if (!c.open())
                return false;
            QElapsedTimer timer;
            timer.start();
            const bool ok = c.join(QStringLiteral("r"), t);
            *elapsed = timer.elapsed();
            return ok;
        };
        qint64 ms = 0;
        for (int i = 0; i < 3; ++i)
            QVERIFY(!attempt(QStringLiteral("guess%1").arg(i), &ms));
        // The fourth and fifth wait at least 1 s and 2 s.
        QVERIFY(!attempt(QStringLiteral("guess3"), &ms));
        QVERIFY2(ms >= 900, qPrintable(QString::number(ms)));
        QVERIFY(!attempt(QStringLiteral("guess4"), &ms));
        QVERIFY2(ms >= 1800, qPrintable(QString::number(ms)));
        // The right token from that address is accepted at once.
        QVERIFY(attempt(token, &ms));
        QVERIFY(waitForLog(server, "authentication delayed"));
        QVERIFY(!server.log().contains(token.toUtf8()));
    }

    void parallelGuessesAreSlowedDownToo()
    {
        // Failures count when they are checked, so a burst of parallel guesses gets no
        // more quick answers than sequential ones; the right token still gets in.
        TestServer server({QStringLiteral("--auth-failures"), QStringLiteral("3"),
                           QStringLiteral("--auth-failure-delay"), QStringLiteral("20"),
                           QStringLiteral("--auth-timeout"), QStringLiteral("2")});
        QVERIFY(server.start());
        const QString token = server.addUser(QStringLiteral("alice"));
        std::vector<std::unique_ptr<WireClient>> guesses;
        for (int i = 0; i < 12; ++i) {
            guesses.push_back(std::make_unique<WireClient>(server.port()));
            QVERIFY(guesses.back()->open());
            guesses.back()->send(
                QJsonObject{{kType, QStringLiteral("connect")},
                            {QStringLiteral("room"), QStringLiteral("r")},
                            {QStringLiteral("token"), QStringLiteral("g%1").arg(i)}});
        }
        WireClient right(server.port());
        QVERIFY(right.join(QStringLiteral("r"), token));
        // Three failures are answered at once, in whatever order they were checked.
        std::vector<bool> done(guesses.size(), false);
        int answered = 0;
        const QDeadlineTimer deadline(10000);
        while (answered < 3 && !deadline.hasExpired()) {
            for (size_t i = 0; i < guesses.size(); ++i) {
                const QJsonObject e = done[i] ? QJsonObject() : guesses[i]->next(20);
                if (!e.isEmpty()) {
                    QCOMPARE(e, errorEvent(QStringLiteral("Authentication failed")));
                    done[i] = true;
                    ++answered;
                }
            }
        }
        QCOMPARE(answered, 3);
        // The other nine wait 20 s or more, holding their connections.
        for (size_t i = 0; i < guesses.size(); ++i) {
            if (done[i])
                continue;
            QVERIFY(guesses[i]->next(50).isEmpty());
            QVERIFY(guesses[i]->isOpen());
        }
    }
};

QTEST_GUILESS_MAIN(TestServerLimits)
#include "tst_server_limits.moc"
