// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// Bad input: every malformed or hostile byte stream gets the protocol's error text
// (closing where the protocol says so), others keep being served, nothing is lost.
#include "testserver.h"
#include "wireclient.h"

#include <QRandomGenerator>
#include <QTest>

using namespace talker::test;

class TestServerBadInput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.startWithUsers(
            {{QStringLiteral("alice"), &m_alice}, {QStringLiteral("bob"), &m_bob}}));
        m_observer = std::make_unique<WireClient>(m_server.port());
        QVERIFY(m_observer->join(QStringLiteral("bad"), m_bob));
    }

    void closingErrors_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("text");
        const QString invalid = QStringLiteral("Invalid JSON");
        QTest::newRow("malformed") << QByteArray("{\"type\":\"message\",\n") << invalid;
        QTest::newRow("not json") << QByteArray("hello\n") << invalid;
        QTest::newRow("array") << QByteArray("[1,2,3]\n") << invalid;
        QTest::newRow("string") << QByteArray("\"message\"\n") << invalid;
        QTest::newRow("number") << QByteArray("42\n") << invalid;
        QTest::newRow("null") << QByteArray("null\n") << invalid;
        QByteArray garbage(300, '\0');
        for (int i = 0; i < garbage.size(); ++i)
            garbage[i] = char(QRandomGenerator::global()->bounded(256));
        garbage.replace('\n', 'x');
        QTest::newRow("binary garbage")
            << QByteArray("\xff\xfe\x00\x01" + garbage + "\n") << invalid;
        QTest::newRow("too large")
            << QByteArray("{\"type\":\"message\",\"content\":\"") + QByteArray(5000, 'a') + "\"}\n"
            << QStringLiteral("Event too large");
        QTest::newRow("never a newline")
            << QByteArray("{\"type\":\"message\",\"content\":\"") + QByteArray(5000, 'b')
            << QStringLiteral("Event too large");
    }
    void closingErrors()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, text);
        WireClient c(m_server.port());
        QVERIFY(c.join(QStringLiteral("bad"), m_alice));
        c.sendRaw(bytes);
        QList<QJsonObject> events;
        QVERIFY(c.waitClosed(&events));
        QVERIFY(!events.isEmpty());
        QCOMPARE(events.last(), errorEvent(text));
        checkOthersUnaffected();
    }

    void unknownTypesKeepTheConnection_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("text");
        QTest::newRow("unknown") << QByteArray(R"({"type":"foo"})")
                                 << QStringLiteral("Unknown event type: \"foo\"");
        QTest::newRow("missing") << QByteArray(R"({"content":"x"})")
                                 << QStringLiteral("Unknown event type: null");
        QTest::newRow("number") << QByteArray(R"({"type":5})")
                                << QStringLiteral("Unknown event type: 5");
        QTest::newRow("object") << QByteArray(R"({"type":{"a":1}})")
                                << QStringLiteral("Unknown event type: {\"a\":1}");
        QTest::newRow("server-only join") << QByteArray(R"({"type":"join","user":{"id":"1"}})")
                                          << QStringLiteral("Unknown event type: \"join\"");
        QTest::newRow("server-only users") << QByteArray(R"({"type":"users","users":[]})")
                                           << QStringLiteral("Unknown event type: \"users\"");
    }
    void unknownTypesKeepTheConnection()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, text);
        WireClient c(m_server.port());
        QVERIFY(c.join(QStringLiteral("bad"), m_alice));
        c.sendRaw(line + '\n');
        QCOMPARE(c.waitFor(QStringLiteral("error")), errorEvent(text));
        c.send(message(QStringLiteral("still open")));
        QCOMPARE(c.waitFor(kMessage).value(QStringLiteral("content")).toString(),
                 QStringLiteral("still open"));
    }

    void framingVariants()
    {
        WireClient c(m_server.port());
        QVERIFY(c.join(QStringLiteral("bad"), m_alice));
        c.sendRaw("{\"type\":\"message\",\"content\":\"crlf\"}\r\n"
                  "\n\r\n"
                  "{\"type\":\"message\",\"content\":\"b2b-1\"}{\"type\":\"message\",\"content\":"
                  "\"b2b-2\"}"
                  "{\"type\":\"message\",\"content\":\"{not a brace}\"}\n");
        // Split across writes.
        c.sendRaw("{\"type\":\"mess");
        c.sendRaw("age\",\"content\":\"split\"}\n");
        QStringList got;
        for (int i = 0; i < 5; ++i)
            got.append(c.waitFor(kMessage).value(QStringLiteral("content")).toString());
        QCOMPARE(got, (QStringList{QStringLiteral("crlf"), QStringLiteral("b2b-1"),
                                   QStringLiteral("b2b-2"), QStringLiteral("{not a brace}"),
                                   QStringLiteral("split")}));
    }

    void halfClosedSocketStillDelivers()
    {
        WireClient c(m_server.port());
        QVERIFY(c.join(QStringLiteral("bad"), m_alice));
        c.sync();
        m_observer->sync();
        c.send(message(QStringLiteral("last words")));
        c.shutdownWrite();
        const QJsonObject m = m_observer->waitFor(kMessage);
        QCOMPARE(m.value(QStringLiteral("content")).toString(), QStringLiteral("last words"));
        QVERIFY(c.waitClosed());
    }

    void nothingStoredIsLost()
    {
        // Everything that was echoed above is in the history, in order.
        WireClient c(m_server.port());
        QVERIFY(
            c.join(QStringLiteral("bad"), m_bob, QJsonObject{{QStringLiteral("history"), 500}}));
        const QStringList got = contents(c.handshake());
        QVERIFY(!m_sent.isEmpty());
        for (const QString &s : std::as_const(m_sent))
            QVERIFY2(got.contains(s), qPrintable(s));
        QVERIFY(got.contains(QStringLiteral("last words")));
        QVERIFY(m_server.isRunning());
    }

private:
    /// A fresh message from a well-behaved client reaches the observer.
    void checkOthersUnaffected()
    {
        WireClient good(m_server.port());
        QVERIFY(good.join(QStringLiteral("bad"), m_alice));
        const QString text = QStringLiteral("fine %1").arg(m_sent.size());
        good.send(message(text));
        QCOMPARE(m_observer->waitFor(kMessage).value(QStringLiteral("content")).toString(), text);
        m_sent.append(text);
    }

    TestServer m_server{{QStringLiteral("--max-line-size"), QStringLiteral("4096"),
                         QStringLiteral("--idle-timeout"), QStringLiteral("600")}};
    QString m_alice, m_bob;
    std::unique_ptr<WireClient> m_observer;
    QStringList m_sent;
};

QTEST_GUILESS_MAIN(TestServerBadInput)
#include "tst_server_badinput.moc"
