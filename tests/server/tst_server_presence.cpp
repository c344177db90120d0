// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// Presence: join, idle (silence or lost connections), back, leave (close or leave
// timeout, with "Connection closed"), several connections per user.
#include "natscluster.h"
#include "testserver.h"
#include "wireclient.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QTest>

using namespace talker::test;

namespace {
const QString kUser = QStringLiteral("user");

QStringList timeoutArgs(const char *idle, const char *leave)
{
    return {QStringLiteral("--idle-timeout"), QString::fromLatin1(idle),
            QStringLiteral("--leave-timeout"), QString::fromLatin1(leave)};
}

QString userIdOf(const QJsonObject &event)
{
    const QJsonValue u = event.value(kUser);
    return u.isObject() ? u.toObject().value(QStringLiteral("id")).toString() : u.toString();
}

/// Waits for a presence event of `type` about `userId`, pinging every 100 ms so that
/// the observer itself never goes idle.
QJsonObject waitPresence(WireClient &observer, const QString &type, const QString &userId,
                         int timeoutMs = 20000)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        observer.send(QJsonObject{{kType, QStringLiteral("ping")}});
        const QJsonObject e = observer.next(100);
        if (e.value(kType).toString() == type && userIdOf(e) == userId)
            return e;
        if (e.isEmpty() && !observer.isOpen())
            break;
    }
    return QJsonObject();
}

/// The users list entry for `userId` in a `users` event.
QJsonObject entryFor(const QJsonObject &users, const QString &userId)
{
    for (const QJsonValue &v : users.value(QStringLiteral("users")).toArray()) {
        if (v.toObject().value(QStringLiteral("id")).toString() == userId)
            return v.toObject();
    }
    return QJsonObject();
}
} // namespace

class TestServerPresence : public QObject
{
    Q_OBJECT

private:
    bool startWith(TestServer &server, const QStringList &args)
    {
        server.extraArgs() = args;
        return server.startWithUsers(
            {{QStringLiteral("alice"), &m_alice}, {QStringLiteral("bob"), &m_bob}});
    }

private slots:
    void silentUserGoesIdleAndComesBackOnPing()
    {
        TestServer server;
        QVERIFY(startWith(server, timeoutArgs("0.5", "60")));
        WireClient a(server.port()), b(server.port());
        // Bob watches first (his own idle does not matter): under load, a join of his
        // after alice's idle would not see it.
        QVERIFY(joinAll(QStringLiteral("r"), {{&b, m_bob}, {&a, m_alice}}));
        // Alice says nothing: idle.
        const QJsonObject idle = waitPresence(b, QStringLiteral("idle"), a.userId());
        QVERIFY(!idle.isEmpty());
        QCOMPARE(idle.value(kUser).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("alice"));
        QVERIFY(idle.value(QStringLiteral("time")).toInteger() > 0);
        // A ping brings her back.
        a.send(QJsonObject{{kType, QStringLiteral("ping")}});
        QVERIFY(!waitPresence(b, QStringLiteral("back"), a.userId()).isEmpty());
        QVERIFY(!a.waitFor(QStringLiteral("back")).isEmpty());
    }

    void idleWhileNatsIsAwayIsReportedWhenItIsBack()
    {
        // Cluster form: a node's report that NATS did not answer is made again; nobody
        // else would report its user idle (or back).
        if (!qEnvironmentVariableIsSet("TALKER_TEST_CLUSTER"))
            QSKIP("cluster form only");
        TestServer server;
        QVERIFY(startWith(server, timeoutArgs("0.5", "60")));
        WireClient a(server.port()), b(server.port());
        QVERIFY(joinAll(QStringLiteral("r"), {{&b, m_bob}, {&a, m_alice}}));
        for (int i = 0; i < server.nats()->size(); ++i)
            server.nats()->kill(i);
        // Longer than the idle timeout plus a NATS request's timeout (2 s): alice's node
        // finds her idle while NATS is away, and its report gets no answer.
        QTest::qWait(5000);
        QVERIFY(server.nats()->start());
        QVERIFY(!waitPresence(b, QStringLiteral("idle"), a.userId()).isEmpty());
        a.send(QJsonObject{{kType, QStringLiteral("ping")}});
        QVERIFY(!waitPresence(b, QStringLiteral("back"), a.userId()).isEmpty());
    }

    void idleUserSendingMessageComesBack()
    {
        TestServer server;
        QVERIFY(startWith(server, timeoutArgs("0.5", "60")));
        WireClient a(server.port()), b(server.port());
        // Bob watches first (his own idle does not matter): under load, a join of his
        // after alice's idle would not see it.
        QVERIFY(joinAll(QStringLiteral("r"), {{&b, m_bob}, {&a, m_alice}}));
        QVERIFY(!waitPresence(b, QStringLiteral("idle"), a.userId()).isEmpty());
        a.send(message(QStringLiteral("I'm here")));
        QList<QJsonObject> before;
        QVERIFY(!b.waitFor(QStringLiteral("message"), &before).isEmpty());
        bool sawBack = false;
        for (const QJsonObject &e : before)
            sawBack |= e.value(kType) == QStringLiteral("back") && userIdOf(e) == a.userId();
        QVERIFY2(sawBack, qPrintable(types(before).join(QLatin1Char(','))));
    }

    void idleUserLeavesAfterLeaveTimeoutWithConnectionClosed()
    {
        TestServer server;
        QVERIFY(startWith(server, timeoutArgs("0.3", "0.5")));
        WireClient a(server.port()), b(server.port());
        QVERIFY(joinAll(QStringLiteral("r"), {{&a, m_alice}, {&b, m_bob}}));
        const QJsonObject leave = waitPresence(b, QStringLiteral("leave"), a.userId());
        QVERIFY(!leave.isEmpty());
        QCOMPARE(leave.value(kUser), QJsonValue(a.userId())); // just the id
        QVERIFY(!leave.value(QStringLiteral("id")).toString().isEmpty());
        // Alice's connection was told and closed.
        QList<QJsonObject> events;
        QVERIFY(a.waitClosed(&events));
        QVERIFY(!events.isEmpty());
        QCOMPARE(events.last(), errorEvent(QStringLiteral("Connection closed")));
    }

    void lostConnectionGoesIdleThenBackOnReconnect()
    {
        TestServer server;
        QVERIFY(startWith(server, timeoutArgs("60", "60")));
        auto a = std::make_unique<WireClient>(server.port());
        QVERIFY(a->join(QStringLiteral("r"), m_alice));
        const QString aliceId = a->userId();
        WireClient b(server.port());
        QVERIFY(b.join(QStringLiteral("r"), m_bob));
        a->abort();
        QVERIFY(!waitPresence(b, QStringLiteral("idle"), aliceId).isEmpty());
        // A newcomer sees her listed as idle.
        WireClient b2(server.port());
        QVERIFY(b2.join(QStringLiteral("r"), m_bob));
        QCOMPARE(entryFor(b2.handshake().last(), aliceId).value(QStringLiteral("idle")),
                 QJsonValue(true));
        // She reconnects: back, not join.
        a = std::make_unique<WireClient>(server.port());
        QVERIFY(a->join(QStringLiteral("r"), m_alice));
        QVERIFY(!entryFor(a->handshake().last(), aliceId).contains(QStringLiteral("idle")));
        QList<QJsonObject> before;
        const QJsonObject back = b.waitFor(QStringLiteral("back"), &before);
        QCOMPARE(userIdOf(back), aliceId);
        QVERIFY(!types(before).contains(QStringLiteral("join")));
    }

    void lostConnectionLeavesAfterLeaveTimeout()
    {
        TestServer server;
        QVERIFY(startWith(server, timeoutArgs("60", "0.5")));
        WireClient a(server.port()), b(server.port());
        QVERIFY(joinAll(QStringLiteral("r"), {{&a, m_alice}, {&b, m_bob}}));
        a.abort();
        QList<QJsonObject> before;
        const QJsonObject leave = b.waitFor(QStringLiteral("leave"), &before);
        QCOMPARE(userIdOf(leave), a.userId());
        QVERIFY(types(before).contains(QStringLiteral("idle")));
    }

    void closeSendsLeaveThenCloses()
    {
        TestServer server;
        QVERIFY(startWith(server, timeoutArgs("60", "60")));
        WireClient a(server.port()), b(server.port());
        QVERIFY(joinAll(QStringLiteral("r"), {{&a, m_alice}, {&b, m_bob}}));
        a.send(QJsonObject{{kType, QStringLiteral("close")}});
        QList<QJsonObject> events;
        QVERIFY(a.waitClosed(&events));
        QVERIFY(types(events).contains(QStringLiteral("leave")));
        const QJsonObject leave = b.waitFor(QStringLiteral("leave"));
        QCOMPARE(leave.value(kUser), QJsonValue(a.userId()));
        // She is gone from the users list.
        WireClient b2(server.port());
        QVERIFY(b2.join(QStringLiteral("r"), m_bob));
        QVERIFY(entryFor(b2.handshake().last(), a.userId()).isEmpty());
    }

    void closeOfOneOfTwoConnectionsIsNoLeave()
    {
        TestServer server;
        QVERIFY(startWith(server, timeoutArgs("60", "60")));
        WireClient a1(server.port()), a2(server.port()), b(server.port());
        QVERIFY(joinAll(QStringLiteral("r"), {{&a1, m_alice}, {&a2, m_alice}, {&b, m_bob}}));
        a1.send(QJsonObject{{kType, QStringLiteral("close")}});
        QList<QJsonObject> events;
        QVERIFY(a1.waitClosed(&events));
        QVERIFY(!types(events).contains(QStringLiteral("leave")));
        const QStringList seen = types(b.sync());
        QVERIFY(!seen.contains(QStringLiteral("leave")));
        QVERIFY(!seen.contains(QStringLiteral("idle")));
        b.send(message(QStringLiteral("still there?")));
        QCOMPARE(a2.waitFor(QStringLiteral("message")).value(QStringLiteral("content")).toString(),
                 QStringLiteral("still there?"));
        // Closing the last one is a leave.
        a2.send(QJsonObject{{kType, QStringLiteral("close")}});
        QCOMPARE(userIdOf(b.waitFor(QStringLiteral("leave"))), a2.userId());
    }

    void losingOneOfTwoConnectionsIsNoIdle()
    {
        TestServer server;
        QVERIFY(startWith(server, timeoutArgs("60", "60")));
        WireClient a1(server.port()), a2(server.port()), b(server.port());
        QVERIFY(joinAll(QStringLiteral("r"), {{&a1, m_alice}, {&a2, m_alice}, {&b, m_bob}}));
        a1.abort();
        // Then lose the second one too: exactly one idle follows, after both are gone.
        a2.abort();
        QList<QJsonObject> before;
        const QJsonObject idle = b.waitFor(QStringLiteral("idle"), &before);
        QCOMPARE(userIdOf(idle), a1.userId());
        const QList<QJsonObject> after = b.sync();
        QVERIFY(!types(after).contains(QStringLiteral("idle")));
    }

private:
    QString m_alice, m_bob;
};

QTEST_GUILESS_MAIN(TestServerPresence)
#include "tst_server_presence.moc"
