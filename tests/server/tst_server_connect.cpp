// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// Connecting: authentication, the connect handshake, users lists, several
// connections per user, and the rules for events before `connected`.
#include "testserver.h"
#include "wireclient.h"

#include <QJsonArray>
#include <QTest>

using namespace talker::test;

namespace {
QJsonObject connectEvent(const QJsonValue &room, const QString &token)
{
    return QJsonObject{{kType, QStringLiteral("connect")},
                       {QStringLiteral("room"), room},
                       {QStringLiteral("token"), token}};
}
} // namespace

class TestServerConnect : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.startWithUsers(
            {{QStringLiteral("alice"), &m_alice}, {QStringLiteral("bob"), &m_bob}}));
        QVERIFY(!m_alice.isEmpty());
        QVERIFY(!m_bob.isEmpty());
        QVERIFY(m_alice != m_bob);
    }

    void connectedThenUsersThenJoin()
    {
        WireClient a(m_server.port());
        QVERIFY(a.join(QStringLiteral("hs"), m_alice));
        const auto hs = a.handshake();
        QCOMPARE(hs.size(), 2);
        QCOMPARE(hs[0].value(kType).toString(), QStringLiteral("connected"));
        const QJsonObject user = hs[0].value(QStringLiteral("user")).toObject();
        QCOMPARE(user.value(QStringLiteral("name")).toString(), QStringLiteral("alice"));
        QVERIFY(!user.value(QStringLiteral("id")).toString().isEmpty());
        QCOMPARE(hs[1].value(kType).toString(), QStringLiteral("users"));
        const QJsonArray users = hs[1].value(QStringLiteral("users")).toArray();
        QCOMPARE(users.size(), 1);
        QCOMPARE(users[0].toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("alice"));
        QVERIFY(!users[0].toObject().contains(QStringLiteral("idle")));
        // Then its own join, with an id and a time.
        const QJsonObject join = a.next();
        QCOMPARE(join.value(kType).toString(), QStringLiteral("join"));
        QCOMPARE(join.value(QStringLiteral("user")).toObject(), user);
        QVERIFY(join.value(QStringLiteral("time")).toInteger() > 1600000000);
        QVERIFY(!join.value(QStringLiteral("id")).toString().isEmpty());
    }

    void joinGoesToEveryMember()
    {
        WireClient a(m_server.port());
        QVERIFY(a.join(QStringLiteral("members"), m_alice));
        QVERIFY(!a.waitFor(QStringLiteral("join")).isEmpty());
        WireClient b(m_server.port());
        QVERIFY(b.join(QStringLiteral("members"), m_bob));
        const QJsonArray users = b.handshake().last().value(QStringLiteral("users")).toArray();
        QCOMPARE(users.size(), 2);
        const QJsonObject join = a.waitFor(QStringLiteral("join"));
        QCOMPARE(
            join.value(QStringLiteral("user")).toObject().value(QStringLiteral("name")).toString(),
            QStringLiteral("bob"));
    }

    void secondConnectionNoSecondJoin()
    {
        WireClient a1(m_server.port());
        QVERIFY(a1.join(QStringLiteral("multi"), m_alice));
        QVERIFY(!a1.waitFor(QStringLiteral("join")).isEmpty());
        WireClient b(m_server.port());
        QVERIFY(b.join(QStringLiteral("multi"), m_bob));
        QVERIFY(!b.waitFor(QStringLiteral("join")).isEmpty());
        QVERIFY(!a1.waitFor(QStringLiteral("join")).isEmpty());

        WireClient a2(m_server.port());
        QVERIFY(a2.join(QStringLiteral("multi"), m_alice));
        // Its own users list, listing alice once.
        const QJsonArray users = a2.handshake().last().value(QStringLiteral("users")).toArray();
        QCOMPARE(users.size(), 2);
        bool ok = false;
        const auto seenByB = b.sync(&ok);
        QVERIFY(ok);
        QVERIFY2(!talker::test::types(seenByB).contains(QStringLiteral("join")),
                 qPrintable(talker::test::types(seenByB).join(QLatin1Char(','))));
        const auto seenByA2 = a2.sync(&ok);
        QVERIFY(ok);
        QVERIFY(!talker::test::types(seenByA2).contains(QStringLiteral("join")));

        // Both of alice's connections get a message.
        b.send(talker::test::message(QStringLiteral("to both")));
        QCOMPARE(a1.waitFor(QStringLiteral("message")).value(QStringLiteral("content")).toString(),
                 QStringLiteral("to both"));
        QCOMPARE(a2.waitFor(QStringLiteral("message")).value(QStringLiteral("content")).toString(),
                 QStringLiteral("to both"));
    }

    void wrongTokenFails_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("wrong token")
            << QByteArray(R"({"type":"connect","room":"x","token":"nope"})");
        QTest::newRow("no token") << QByteArray(R"({"type":"connect","room":"x"})");
        QTest::newRow("empty token") << QByteArray(R"({"type":"connect","room":"x","token":""})");
        QTest::newRow("numeric token") << QByteArray(R"({"type":"connect","room":"x","token":12})");
    }
    void wrongTokenFails()
    {
        QFETCH(QByteArray, line);
        WireClient c(m_server.port());
        QVERIFY(c.open());
        c.sendRaw(line + '\n');
        QList<QJsonObject> events;
        QVERIFY(c.waitClosed(&events));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0], (QJsonObject{{kType, QStringLiteral("error")},
                                         {QStringLiteral("message"),
                                          QStringLiteral("Authentication failed")}}));
    }

    void emptyRoomFails()
    {
        WireClient c(m_server.port());
        QVERIFY(c.open());
        c.send(connectEvent(QString(), m_alice));
        QList<QJsonObject> events;
        QVERIFY(c.waitClosed(&events));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].value(QStringLiteral("message")).toString(),
                 QStringLiteral("Authentication failed"));
    }

    void numericRoomIsItsDecimalString()
    {
        WireClient a(m_server.port());
        QVERIFY(a.open());
        a.send(connectEvent(42, m_alice));
        QVERIFY(!a.waitFor(QStringLiteral("users")).isEmpty());
        WireClient b(m_server.port());
        QVERIFY(b.join(QStringLiteral("42"), m_bob));
        // Same room: after her own join, alice sees bob's.
        QCOMPARE(a.waitFor(QStringLiteral("join"))
                     .value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("name")),
                 QStringLiteral("alice"));
        QCOMPARE(a.waitFor(QStringLiteral("join"))
                     .value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("name")),
                 QStringLiteral("bob"));
    }

    void claimedUserHashIgnored()
    {
        WireClient c(m_server.port());
        QVERIFY(
            c.join(QStringLiteral("claims"), m_bob,
                   QJsonObject{{QStringLiteral("user"),
                                QJsonObject{{QStringLiteral("id"), QStringLiteral("1")},
                                            {QStringLiteral("name"), QStringLiteral("alice")}}}}));
        QCOMPARE(c.user().value(QStringLiteral("name")).toString(), QStringLiteral("bob"));
        c.send(talker::test::message(
            QStringLiteral("hi"),
            QJsonObject{{QStringLiteral("user"),
                         QJsonObject{{QStringLiteral("id"), QStringLiteral("1")},
                                     {QStringLiteral("name"), QStringLiteral("alice")}}}}));
        const QJsonObject m = c.waitFor(QStringLiteral("message"));
        QCOMPARE(m.value(QStringLiteral("user")).toObject(), c.user());
    }

    void eventsBeforeConnect_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("message") << QByteArray(R"({"type":"message","content":"hi"})");
        QTest::newRow("ping") << QByteArray(R"({"type":"ping"})");
        QTest::newRow("close") << QByteArray(R"({"type":"close"})");
        QTest::newRow("unknown") << QByteArray(R"({"type":"foo"})");
        QTest::newRow("missing type") << QByteArray(R"({"room":"x"})");
    }
    void eventsBeforeConnect()
    {
        QFETCH(QByteArray, line);
        WireClient c(m_server.port());
        QVERIFY(c.open());
        c.sendRaw(line + "\n{\"type\":\"connect\",\"room\":\"x\",\"token\":\"" + m_alice.toUtf8() +
                  "\"}\n");
        QList<QJsonObject> events;
        QVERIFY(c.waitClosed(&events));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0], (QJsonObject{{kType, QStringLiteral("error")},
                                         {QStringLiteral("message"),
                                          QStringLiteral("Not connected to a channel")}}));
    }

    void connectTwiceIsAnError()
    {
        WireClient c(m_server.port());
        QVERIFY(c.join(QStringLiteral("twice"), m_alice));
        c.send(connectEvent(QStringLiteral("other"), m_alice));
        const QJsonObject error = c.waitFor(QStringLiteral("error"));
        QCOMPARE(error.value(QStringLiteral("message")).toString(),
                 QStringLiteral("Already connected"));
        bool ok = false;
        c.sync(&ok);
        QVERIFY(ok);
    }

    void pingGetsPong()
    {
        WireClient c(m_server.port());
        QVERIFY(c.join(QStringLiteral("ping"), m_alice));
        c.sendRaw(R"({"type":"ping"})"
                  "\n");
        QCOMPARE(c.waitFor(QStringLiteral("pong")), (QJsonObject{{kType, QStringLiteral("pong")}}));
    }

    void removedUserCannotConnect()
    {
        const QString token = m_server.addUser(QStringLiteral("carol"));
        QVERIFY(!token.isEmpty());
        {
            WireClient c(m_server.port());
            QVERIFY(c.join(QStringLiteral("r"), token));
        }
        int code = -1;
        m_server.runCommand(
            {QStringLiteral("user"), QStringLiteral("remove"), QStringLiteral("carol")}, &code);
        QCOMPARE(code, 0);
        WireClient c(m_server.port());
        QVERIFY(!c.join(QStringLiteral("r"), token));
        QVERIFY(c.waitClosed());
    }

    void resetTokenReplacesOldOne()
    {
        const QString old = m_server.addUser(QStringLiteral("dave"));
        int code = -1;
        const QByteArray out = m_server.runCommand(
            {QStringLiteral("user"), QStringLiteral("reset-token"), QStringLiteral("dave")}, &code);
        QCOMPARE(code, 0);
        const QString fresh = QString::fromUtf8(out.trimmed().split('\n').last().trimmed());
        QVERIFY(!fresh.isEmpty());
        QVERIFY(fresh != old);
        WireClient bad(m_server.port());
        QVERIFY(!bad.join(QStringLiteral("r"), old));
        WireClient good(m_server.port());
        QVERIFY(good.join(QStringLiteral("r"), fresh));
        QCOMPARE(good.user().value(QStringLiteral("name")).toString(), QStringLiteral("dave"));
    }

    void tokensNeverLogged()
    {
        QVERIFY(!m_server.log().contains(m_alice.toUtf8()));
        QVERIFY(!m_server.log().contains(m_bob.toUtf8()));
    }

private:
    TestServer m_server{{QStringLiteral("--auth-failures"), QStringLiteral("1000")}};
    QString m_alice;
    QString m_bob;
};

QTEST_GUILESS_MAIN(TestServerConnect)
#include "tst_server_connect.moc"
