// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// History: replay after last_event_id and history:N, the replay cap, private messages
// in replay, restarts with the same database, SIGKILL losing nothing stored.
#include "sqliteinspector.h"
#include "testserver.h"
#include "wireclient.h"

#include <QJsonArray>
#include <QTest>
#include <memory>

using namespace talker::test;

namespace {
QJsonObject opt(const char *key, const QJsonValue &value)
{
    return QJsonObject{{QString::fromLatin1(key), value}};
}

/// Sends messages and waits for each echo: once echoed, it is stored.
QList<QJsonObject> sendAll(WireClient &c, const QStringList &texts)
{
    QList<QJsonObject> echoes;
    for (const QString &t : texts) {
        c.send(message(t));
        echoes.append(c.waitFor(kMessage));
    }
    return echoes;
}

const char kRangeReplayOnly[] = "a cluster store replays whole (it cannot read by range): issue "
                                "11 item 2 is for the SQLite store";

/// The replays against the output bound: a server that lets 1 MiB of output wait per
/// connection (no byte rate limit), with alice and bob, alice in a room that she
/// fills with messages of 100 kB.
struct BoundedRoom
{
    TestServer server{{QStringLiteral("--max-pending-output"), QStringLiteral("1048576"),
                       QStringLiteral("--max-bytes-per-second"), QStringLiteral("0")}};
    QString room;
    QString alice;
    QString bob;
    std::unique_ptr<WireClient> a;
    QStringList texts; ///< what alice filled the room with

    /// Starts the server, alice joins `name` and sends `count` messages, each its
    /// number then 100 kB of `filler`.
    bool start(const QString &name, int count, QLatin1Char filler)
    {
        room = name;
        if (!server.startWithUsers(
                {{QStringLiteral("alice"), &alice}, {QStringLiteral("bob"), &bob}}))
            return false;
        a = std::make_unique<WireClient>(server.port());
        if (!a->join(room, alice))
            return false;
        bool synced = false;
        a->sync(&synced); // alice's own join read
        for (int i = 0; i < count; ++i)
            texts.append(QString::number(i) + QString(100 * 1000, filler));
        // Each echo means stored; the last one came, so did the others.
        return synced && sendAll(*a, texts).last().value(kContent).toString() == texts.last();
    }

    /// `b` connects as bob asking for the room's last 500 events; a `readBuffer`
    /// (bytes, 0 = unbounded) limits what its socket takes in.
    bool connectBob(WireClient &b, qint64 readBuffer = 0)
    {
        if (!b.open())
            return false;
        b.socket()->setReadBufferSize(readBuffer);
        b.send(QJsonObject{{kType, QStringLiteral("connect")},
                           {QStringLiteral("room"), room},
                           {QStringLiteral("token"), bob},
                           {QStringLiteral("history"), 500}});
        return true;
    }
};
} // namespace

class TestServerReplay : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.startWithUsers({{QStringLiteral("alice"), &m_alice},
                                         {QStringLiteral("bob"), &m_bob},
                                         {QStringLiteral("carol"), &m_carol}}));
    }

    void noReplayUnlessAsked()
    {
        WireClient a(m_server.port());
        QVERIFY(a.join(QStringLiteral("quiet"), m_alice));
        sendAll(a, {QStringLiteral("one")});
        WireClient b(m_server.port());
        QVERIFY(b.join(QStringLiteral("quiet"), m_bob));
        QCOMPARE(types(b.handshake()),
                 (QStringList{QStringLiteral("connected"), QStringLiteral("users")}));
    }

    void replayAfterLastEventId()
    {
        WireClient a(m_server.port());
        QVERIFY(a.join(QStringLiteral("after"), m_alice));
        auto b = std::make_unique<WireClient>(m_server.port());
        QVERIFY(b->join(QStringLiteral("after"), m_bob));
        sendAll(a, {QStringLiteral("m1"), QStringLiteral("m2")});
        QCOMPARE(b->waitFor(kMessage).value(kContent).toString(), QStringLiteral("m1"));
        const QJsonObject m2 = b->waitFor(kMessage);
        b->abort();
        sendAll(a, {QStringLiteral("m3"), QStringLiteral("m4"), QStringLiteral("m5")});
        b = std::make_unique<WireClient>(m_server.port());
        QVERIFY(b->join(QStringLiteral("after"), m_bob,
                        opt("last_event_id", m2.value(QStringLiteral("id")))));
        const QList<QJsonObject> replay = b->replay();
        QCOMPARE(contents(replay),
                 (QStringList{QStringLiteral("m3"), QStringLiteral("m4"), QStringLiteral("m5")}));
        QCOMPARE(b->handshake().first().value(kType).toString(), QStringLiteral("connected"));
        QCOMPARE(b->handshake().last().value(kType).toString(), QStringLiteral("users"));
        // Then live traffic.
        a.send(message(QStringLiteral("m6")));
        QCOMPARE(b->waitFor(kMessage).value(kContent).toString(), QStringLiteral("m6"));
    }

    void replayIncludesJoinAndLeave()
    {
        WireClient a(m_server.port());
        QVERIFY(a.join(QStringLiteral("presence-history"), m_alice));
        const QJsonObject first = sendAll(a, {QStringLiteral("p1")}).first();
        {
            WireClient c(m_server.port());
            QVERIFY(c.join(QStringLiteral("presence-history"), m_carol));
            c.send(QJsonObject{{kType, QStringLiteral("close")}});
            QVERIFY(c.waitClosed());
        }
        const QJsonObject leave = a.waitFor(QStringLiteral("leave"));
        QVERIFY(!leave.isEmpty());
        WireClient b(m_server.port());
        QVERIFY(b.join(QStringLiteral("presence-history"), m_bob,
                       opt("last_event_id", first.value(QStringLiteral("id")))));
        QCOMPARE(types(b.replay()), (QStringList{QStringLiteral("join"), QStringLiteral("leave")}));
        // A join or leave is a place to resume from too (found by its own index, not
        // through the messages).
        sendAll(a, {QStringLiteral("p2")});
        WireClient d(m_server.port());
        QVERIFY(d.join(QStringLiteral("presence-history"), m_carol,
                       opt("last_event_id", leave.value(QStringLiteral("id")))));
        QCOMPARE(types(d.replay()), (QStringList{QStringLiteral("join"), kMessage}));
        QCOMPARE(contents(d.replay()), QStringList{QStringLiteral("p2")});
    }

    void historyN()
    {
        WireClient a(m_server.port());
        QVERIFY(a.join(QStringLiteral("hist"), m_alice));
        sendAll(a, {QStringLiteral("h1"), QStringLiteral("h2"), QStringLiteral("h3"),
                    QStringLiteral("h4")});
        WireClient b(m_server.port());
        QVERIFY(b.join(QStringLiteral("hist"), m_bob, opt("history", 3)));
        QCOMPARE(contents(b.replay()),
                 (QStringList{QStringLiteral("h2"), QStringLiteral("h3"), QStringLiteral("h4")}));
        QCOMPARE(b.replay().size(), 3);
    }

    void unknownLastEventIdFallsBackToHistory()
    {
        WireClient a(m_server.port());
        QVERIFY(a.join(QStringLiteral("fallback"), m_alice));
        sendAll(a, {QStringLiteral("f1"), QStringLiteral("f2")});
        WireClient b(m_server.port());
        QJsonObject extra = opt("last_event_id", QStringLiteral("no-such-id"));
        extra.insert(QStringLiteral("history"), 1);
        QVERIFY(b.join(QStringLiteral("fallback"), m_bob, extra));
        QCOMPARE(contents(b.replay()), QStringList{QStringLiteral("f2")});
        WireClient c(m_server.port());
        QVERIFY(c.join(QStringLiteral("fallback"), m_carol,
                       opt("last_event_id", QStringLiteral("no-such-id"))));
        QVERIFY(c.replay().isEmpty());
    }

    void editShowsInReplay()
    {
        WireClient a(m_server.port());
        QVERIFY(a.join(QStringLiteral("edits"), m_alice));
        const QJsonObject mark = sendAll(a, {QStringLiteral("before")}).first();
        a.send(message(QStringLiteral("v1"), opt("id", QStringLiteral("e1"))));
        a.waitFor(kMessage);
        a.send(message(QStringLiteral("v2"), opt("id", QStringLiteral("e1"))));
        a.waitFor(kMessage);
        WireClient b(m_server.port());
        QVERIFY(b.join(QStringLiteral("edits"), m_bob,
                       opt("last_event_id", mark.value(QStringLiteral("id")))));
        const QList<QJsonObject> replay = b.replay();
        QCOMPARE(contents(replay), (QStringList{QStringLiteral("v1"), QStringLiteral("v2")}));
        QVERIFY(replay.last().contains(QStringLiteral("edited")));
    }

    void privateReplayedOnlyToItsUsers()
    {
        WireClient a(m_server.port()), b(m_server.port());
        QVERIFY(joinAll(QStringLiteral("pm-hist"), {{&a, m_alice}, {&b, m_bob}}));
        // The sender's copy first: sendAll() must wait for "public", not for it.
        a.send(message(QStringLiteral("secret"), opt("to", b.userId())));
        QCOMPARE(a.waitFor(kMessage).value(kContent).toString(), QStringLiteral("secret"));
        QVERIFY(!b.waitFor(kMessage).isEmpty());
        sendAll(a, {QStringLiteral("public")});
        WireClient c(m_server.port());
        QVERIFY(c.join(QStringLiteral("pm-hist"), m_carol, opt("history", 50)));
        QCOMPARE(contents(c.replay()), QStringList{QStringLiteral("public")});
        WireClient b2(m_server.port());
        QVERIFY(b2.join(QStringLiteral("pm-hist"), m_bob, opt("history", 50)));
        QCOMPARE(contents(b2.replay()),
                 (QStringList{QStringLiteral("secret"), QStringLiteral("public")}));
        WireClient a2(m_server.port());
        QVERIFY(a2.join(QStringLiteral("pm-hist"), m_alice, opt("history", 50)));
        QCOMPARE(contents(a2.replay()),
                 (QStringList{QStringLiteral("secret"), QStringLiteral("public")}));
    }

    void replayCap()
    {
        TestServer capped({QStringLiteral("--replay-cap"), QStringLiteral("5")});
        QVERIFY(capped.start());
        const QString token = capped.addUser(QStringLiteral("alice"));
        WireClient a(capped.port());
        QVERIFY(a.join(QStringLiteral("cap"), token));
        const QJsonObject mark = a.waitFor(QStringLiteral("join"));
        QStringList texts;
        for (int i = 0; i < 12; ++i)
            texts.append(QString::number(i));
        sendAll(a, texts);
        WireClient h(capped.port());
        QVERIFY(h.join(QStringLiteral("cap"), token, opt("history", 100)));
        QCOMPARE(contents(h.replay()), texts.mid(7));
        WireClient l(capped.port());
        QVERIFY(l.join(QStringLiteral("cap"), token,
                       opt("last_event_id", mark.value(QStringLiteral("id")))));
        QCOMPARE(contents(l.replay()), texts.mid(7));
    }

    void replayBiggerThanOutputBoundArrivesWhole()
    {
        // 3 MB of history against a 1 MiB output bound: the replay is streamed as the
        // socket drains, so a reader that reads gets all of it, then `users`, then live.
        BoundedRoom big;
        if (big.server.isCluster())
            QSKIP(kRangeReplayOnly);
        QVERIFY(big.start(QStringLiteral("big"), 30, QLatin1Char('x')));
        WireClient &a = *big.a;
        WireClient b(big.server.port());
        QVERIFY(big.connectBob(b));
        // Once bob has joined (his replay may still be streaming), alice goes on.
        QCOMPARE(a.waitFor(QStringLiteral("join"))
                     .value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("name")),
                 QStringLiteral("bob"));
        a.send(message(QStringLiteral("live during replay")));
        QList<QJsonObject> got;
        QJsonObject m = b.waitFor(kMessage, &got);
        // Read on until the live message: everything before it is the handshake.
        while (m.value(kContent).toString() != QStringLiteral("live during replay")) {
            QVERIFY2(!m.isEmpty(), "connection dropped or timed out during the replay");
            got.append(m);
            m = b.waitFor(kMessage, &got);
        }
        QCOMPARE(contents(got), big.texts);
        const QStringList order = types(got);
        QCOMPARE(order.first(), QStringLiteral("connected"));
        QVERIFY2(order.indexOf(QStringLiteral("users")) > order.lastIndexOf(kMessage),
                 qPrintable(order.join(u',')));
        QVERIFY(big.server.isRunning());
    }

    void slowReaderRuleStillAppliesDuringReplay()
    {
        // A reader that does not read at all while the room goes on is still dropped:
        // the live lines waiting behind its replay count against the bound.
        BoundedRoom stall;
        if (stall.server.isCluster())
            QSKIP(kRangeReplayOnly);
        QVERIFY(stall.start(QStringLiteral("stall"), 40, QLatin1Char('y')));
        WireClient &a = *stall.a;
        const QStringList &texts = stall.texts;
        WireClient b(stall.server.port());
        QVERIFY(stall.connectBob(b, 64 * 1024)); // and then never read
        QJsonObject join = a.waitFor(QStringLiteral("join"));
        QCOMPARE(join.value(QStringLiteral("user")).toObject().value(QStringLiteral("name")),
                 QStringLiteral("bob"));
        // 6 MB live: more than any socket buffer holds.
        QList<QJsonObject> seen;
        for (const QString &t : texts + texts.mid(20)) {
            a.send(message(t));
            a.waitFor(kMessage, &seen);
        }
        if (!types(seen).contains(QStringLiteral("idle")))
            seen.append(a.waitFor(QStringLiteral("idle")));
        QCOMPARE(types(seen), QStringList{QStringLiteral("idle")});
        QCOMPARE(
            seen.first().value(QStringLiteral("user")).toObject().value(QStringLiteral("name")),
            QStringLiteral("bob"));
    }

    void restartKeepsUsersAndHistory()
    {
        TestServer server;
        QVERIFY(server.start());
        const QString token = server.addUser(QStringLiteral("alice"));
        QStringList texts;
        {
            WireClient a(server.port());
            QVERIFY(a.join(QStringLiteral("durable"), token));
            for (int i = 0; i < 10; ++i)
                texts.append(QStringLiteral("before restart %1").arg(i));
            sendAll(a, texts);
            a.send(message(QStringLiteral("to edit"), opt("id", QStringLiteral("keep-1"))));
            a.waitFor(kMessage);
        }
        server.stop();
        QVERIFY(server.start());
        WireClient a(server.port());
        QVERIFY(a.join(QStringLiteral("durable"), token, opt("history", 100)));
        QCOMPARE(contents(a.replay()), texts + QStringList{QStringLiteral("to edit")});
        // Edits still work on a message from before the restart.
        a.send(
            message(QStringLiteral("edited after restart"), opt("id", QStringLiteral("keep-1"))));
        const QJsonObject edit = a.waitFor(kMessage);
        QCOMPARE(edit.value(kContent).toString(), QStringLiteral("edited after restart"));
        QVERIFY(edit.contains(QStringLiteral("edited")));
    }

    void presentAtCrashLeaveOnStart()
    {
        // Users present when the server was killed get a stored `leave` at the next
        // start, so history never shows join, join (issue 11 item 11).
        TestServer server;
        if (server.isCluster())
            QSKIP("the cluster keeps presence in NATS rosters, not in a local store");
        QString alice, bob;
        QVERIFY(server.startWithUsers(
            {{QStringLiteral("alice"), &alice}, {QStringLiteral("bob"), &bob}}));
        QString aliceId;
        {
            WireClient a(server.port());
            QVERIFY(a.join(QStringLiteral("crashed"), alice));
            aliceId = a.userId();
            a.waitFor(QStringLiteral("join"));
            server.kill();
        }
        QVERIFY(server.start(true));
        WireClient b(server.port());
        QVERIFY(b.join(QStringLiteral("crashed"), bob, opt("history", 50)));
        const QList<QJsonObject> replay = b.replay();
        QCOMPARE(types(replay), (QStringList{QStringLiteral("join"), QStringLiteral("leave")}));
        QCOMPARE(replay.last().value(QStringLiteral("user")).toString(), aliceId);
        QVERIFY(!replay.last().value(QStringLiteral("id")).toString().isEmpty());
        // Once only: another restart adds nothing for alice.
        server.stop();
        QVERIFY(server.start(true));
        WireClient again(server.port());
        QVERIFY(again.join(QStringLiteral("crashed"), alice, opt("history", 50)));
        const QStringList seen = types(again.replay());
        QCOMPARE(seen.count(QStringLiteral("leave")), 2); // alice once, bob at the stop
        QCOMPARE(seen.count(QStringLiteral("join")), 2);
    }

    void sigkillLosesNothingStored()
    {
        TestServer server;
        QVERIFY(server.start());
        const QString token = server.addUser(QStringLiteral("alice"));
        QStringList texts;
        for (int i = 0; i < 100; ++i)
            texts.append(QStringLiteral("kill test %1").arg(i));
        {
            WireClient a(server.port());
            QVERIFY(a.join(QStringLiteral("crash"), token));
            // Fire them all, then wait for every echo: each echo means it is stored.
            for (const QString &t : texts)
                a.send(message(t));
            for (int i = 0; i < texts.size(); ++i)
                QCOMPARE(a.waitFor(kMessage).value(kContent).toString(), texts[i]);
            server.kill();
        }
        if (!server.isCluster()) { // a cluster keeps no database on the node
            SqliteInspector check(server.databasePath());
            QVERIFY(check.isOpen());
            QCOMPARE(check.text(QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
            QCOMPARE(check.text(QStringLiteral("PRAGMA journal_mode")), QStringLiteral("wal"));
        }
        QVERIFY(server.start());
        WireClient a(server.port());
        QVERIFY(a.join(QStringLiteral("crash"), token, opt("history", 500)));
        QCOMPARE(contents(a.replay()), texts);
    }

private:
    TestServer m_server;
    QString m_alice, m_bob, m_carol;
};

QTEST_GUILESS_MAIN(TestServerReplay)
#include "tst_server_replay.moc"
