// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// `history before` [ext]: paging through 10,000 events with nothing missed or doubled,
// the bracket staying atomic while live traffic goes on, edits in their latest state,
// private messages, the replay cap, and bad requests that keep the connection open.
#include "historyhelpers.h"
#include "testserver.h"

#include <QSet>
#include <QTest>

using namespace talker::test;

class TestServerHistory : public QObject
{
    Q_OBJECT

private:
    /// Sends all texts at once, then waits for every echo (they are stored by then).
    QList<QJsonObject> sendAll(WireClient &c, const QStringList &texts)
    {
        for (const QString &t : texts)
            c.send(message(t));
        QList<QJsonObject> echoes;
        while (echoes.size() < texts.size()) {
            const QJsonObject m = c.waitFor(kMessage);
            if (m.isEmpty())
                break;
            echoes.append(m);
        }
        return echoes;
    }

    static QStringList numbered(const QString &prefix, int count)
    {
        QStringList out;
        for (int i = 0; i < count; ++i)
            out.append(prefix + QString::number(i));
        return out;
    }

private slots:
    void initTestCase()
    {
        m_server.extraArgs() << QStringLiteral("--max-events-per-second") << QStringLiteral("0");
        QVERIFY(m_server.startWithUsers({{QStringLiteral("alice"), &m_alice},
                                         {QStringLiteral("bob"), &m_bob},
                                         {QStringLiteral("carol"), &m_carol}}));
    }

    void pagesThroughTenThousandEvents()
    {
        WireClient a(m_server.port());
        QVERIFY(a.join(QStringLiteral("big"), m_alice));
        // A cluster pages by reading the stream from the room's start (docs/cluster.md):
        // fewer events keep its form quick.
        const int count = m_server.isCluster() ? 2000 : 10000;
        const QStringList sent = numbered(QStringLiteral("m"), count);
        const QList<QJsonObject> echoes = sendAll(a, sent);
        QCOMPARE(echoes.size(), sent.size());
        a.send(message(QStringLiteral("newest")));
        const QString newest = idOf(a.waitFor(kMessage));

        WireClient b(m_server.port());
        QVERIFY(b.join(QStringLiteral("big"), m_bob));
        QStringList seen;
        QSet<QString> ids;
        QString before = newest;
        int pages = 0;
        for (bool more = true; more; ++pages) {
            const HistoryAnswer page = history(b, before, 500);
            QVERIFY(page.complete());
            QCOMPARE(page.start.value(QStringLiteral("before")).toString(), before);
            QCOMPARE(page.end.value(QStringLiteral("before")).toString(), before);
            QCOMPARE(page.end.value(QStringLiteral("count")).toInt(), page.events.size());
            QVERIFY(!page.events.isEmpty());
            QStringList texts;
            for (const QJsonObject &e : page.events) {
                QVERIFY2(!ids.contains(idOf(e)), "an event came twice");
                ids.insert(idOf(e));
                if (e.value(kType).toString() == kMessage)
                    texts.append(e.value(kContent).toString());
            }
            seen = texts + seen; // pages go back in time; each page is oldest first
            before = idOf(page.events.first());
            more = page.end.value(QStringLiteral("more")).toBool();
        }
        QCOMPARE(seen, sent);
        QCOMPARE(pages, (count + 1 + 499) / 500); // the messages and alice's join, 500 a page
    }

    void bracketIsAtomicWhileLiveTrafficGoesOn()
    {
        WireClient a(m_server.port());
        WireClient b(m_server.port());
        QVERIFY(joinAll(QStringLiteral("busy"), {{&a, m_alice}, {&b, m_bob}}));
        const QList<QJsonObject> old = sendAll(a, numbered(QStringLiteral("old "), 600));
        QCOMPARE(old.size(), 600);
        // b reads all 600 live: in the cluster form they reach b's node through the bus,
        // so a pong there (sync) does not mean that they have all arrived; one that had
        // not would come after history_end.
        for (int i = 0; i < 600; ++i) {
            QCOMPARE(b.waitFor(kMessage, nullptr).value(kContent).toString(),
                     QStringLiteral("old %1").arg(i));
        }
        bool ok = false;
        b.sync(&ok); // b has read everything so far
        QVERIFY(ok);
        // The page (500 lines, well over one socket window) and live messages race. The
        // live ones are sent once the bracket has begun: sent from another socket any
        // earlier, the server may read them first, and then they rightly come first.
        b.send(historyRequest(idOf(old.last()), 500));
        QList<QJsonObject> before;
        QVERIFY(!b.waitFor(QStringLiteral("history_start"), &before).isEmpty());
        QVERIFY(before.isEmpty());
        for (const QString &t : numbered(QStringLiteral("live "), 50))
            a.send(message(t));
        HistoryAnswer page;
        for (QJsonObject o = b.next(); !o.isEmpty(); o = b.next()) {
            if (o.value(kType).toString() == QLatin1String("history_end")) {
                page.end = o;
                break;
            }
            page.events.append(o);
        }
        QVERIFY(!page.end.isEmpty());
        QCOMPARE(page.events.size(), 500);
        for (const QJsonObject &e : page.events)
            QVERIFY2(e.value(kContent).toString().startsWith(QLatin1String("old")),
                     "a live event was written inside the history bracket");
        QCOMPARE(page.events.last().value(kContent).toString(), QStringLiteral("old 598"));
        // Every live message still arrives, after history_end.
        QStringList live;
        while (live.size() < 50) {
            const QJsonObject m = b.waitFor(kMessage);
            QVERIFY(!m.isEmpty());
            live.append(m.value(kContent).toString());
        }
        QCOMPARE(live, numbered(QStringLiteral("live "), 50));
    }

    void editsShowTheirLatestStateOnce()
    {
        WireClient a(m_server.port());
        QVERIFY(a.join(QStringLiteral("edits"), m_alice));
        sendAll(a, {QStringLiteral("first")});
        a.send(message(QStringLiteral("draft"), {{QStringLiteral("id"), QStringLiteral("e1")}}));
        a.waitFor(kMessage);
        a.send(message(QStringLiteral("gone"), {{QStringLiteral("id"), QStringLiteral("e2")}}));
        a.waitFor(kMessage);
        sendAll(a, {QStringLiteral("between")});
        a.send(message(QStringLiteral("final"), {{QStringLiteral("id"), QStringLiteral("e1")}}));
        QVERIFY(a.waitFor(kMessage).contains(QStringLiteral("edited")));
        a.send(message(QString(), {{QStringLiteral("id"), QStringLiteral("e2")}}));
        QVERIFY(a.waitFor(kMessage).value(QStringLiteral("deleted")).toBool());
        const QString last = idOf(sendAll(a, {QStringLiteral("last")}).first());

        const HistoryAnswer page = history(a, last);
        QVERIFY(page.complete());
        QList<QJsonObject> messages;
        for (const QJsonObject &e : page.events) {
            if (e.value(kType).toString() == kMessage)
                messages.append(e);
        }
        QCOMPARE(contents(messages), (QStringList{QStringLiteral("first"), QStringLiteral("final"),
                                                  QStringLiteral(""), QStringLiteral("between")}));
        QVERIFY(messages.at(1).contains(QStringLiteral("edited")));
        QCOMPARE(idOf(messages.at(1)), QStringLiteral("e1"));
        QVERIFY(messages.at(2).value(QStringLiteral("deleted")).toBool());
        QCOMPARE(page.end.value(QStringLiteral("more")).toBool(), false);
        QCOMPARE(page.events.first().value(kType).toString(), QStringLiteral("join"));
    }

    void privateMessagesOnlyForTheirTwoUsers()
    {
        WireClient a(m_server.port());
        WireClient b(m_server.port());
        WireClient c(m_server.port());
        QVERIFY(joinAll(QStringLiteral("secrets"), {{&a, m_alice}, {&b, m_bob}, {&c, m_carol}}));
        a.send(message(QStringLiteral("for bob"), {{QStringLiteral("to"), b.userId()}}));
        a.waitFor(kMessage);
        QCOMPARE(b.waitFor(kMessage).value(kContent).toString(), QStringLiteral("for bob"));
        const QString last = idOf(sendAll(a, {QStringLiteral("public")}).first());
        QCOMPARE(contents(history(a, last).events), QStringList{QStringLiteral("for bob")});
        QCOMPARE(contents(history(b, last).events), QStringList{QStringLiteral("for bob")});
        const HistoryAnswer carols = history(c, last);
        QVERIFY(carols.complete());
        QCOMPARE(contents(carols.events), QStringList{});
        QCOMPARE(carols.end.value(QStringLiteral("count")).toInt(), carols.events.size());
    }

    void badRequestsAreNamedAndKeepTheConnection_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown id") << QByteArray(R"({"type":"history","before":"nope"})")
                                    << QStringLiteral("Unknown event id");
        QTest::newRow("no before") << QByteArray(R"({"type":"history","limit":5})")
                                   << QStringLiteral("Invalid field: before");
        QTest::newRow("empty before") << QByteArray(R"({"type":"history","before":""})")
                                      << QStringLiteral("Invalid field: before");
        QTest::newRow("object before") << QByteArray(R"({"type":"history","before":{}})")
                                       << QStringLiteral("Invalid field: before");
        QTest::newRow("text limit") << QByteArray(R"({"type":"history","before":"x","limit":"5"})")
                                    << QStringLiteral("Invalid field: limit");
        QTest::newRow("zero limit") << QByteArray(R"({"type":"history","before":"x","limit":0})")
                                    << QStringLiteral("Invalid field: limit");
        QTest::newRow("fraction") << QByteArray(R"({"type":"history","before":"x","limit":2.5})")
                                  << QStringLiteral("Invalid field: limit");
    }

    void badRequestsAreNamedAndKeepTheConnection()
    {
        QFETCH(QByteArray, request);
        QFETCH(QString, error);
        WireClient a(m_server.port());
        QVERIFY(a.join(QStringLiteral("bad"), m_alice));
        a.sendRaw(request + '\n');
        QCOMPARE(a.waitFor(QStringLiteral("error")), errorEvent(error));
        bool ok = false;
        a.sync(&ok);
        QVERIFY2(ok, "the connection should stay open");
    }

    void limitIsCappedByReplayCap()
    {
        TestServer capped({QStringLiteral("--replay-cap"), QStringLiteral("5"),
                           QStringLiteral("--max-events-per-second"), QStringLiteral("0")});
        QString alice;
        QVERIFY(capped.startWithUsers({{QStringLiteral("alice"), &alice}}));
        WireClient a(capped.port());
        QVERIFY(a.join(QStringLiteral("cap"), alice));
        const QList<QJsonObject> echoes = sendAll(a, numbered(QStringLiteral("c"), 20));
        QCOMPARE(echoes.size(), 20);
        const HistoryAnswer page = history(a, idOf(echoes.last()), 100);
        QVERIFY(page.complete());
        QCOMPARE(contents(page.events),
                 (QStringList{QStringLiteral("c14"), QStringLiteral("c15"), QStringLiteral("c16"),
                              QStringLiteral("c17"), QStringLiteral("c18")}));
        QCOMPARE(page.end.value(QStringLiteral("count")).toInt(), 5);
        QCOMPARE(page.end.value(QStringLiteral("more")).toBool(), true);
        // Without a limit, the default page is capped the same way.
        QCOMPARE(history(a, idOf(echoes.last())).events.size(), 5);
    }

private:
    TestServer m_server;
    QString m_alice;
    QString m_bob;
    QString m_carol;
};

QTEST_GUILESS_MAIN(TestServerHistory)
#include "tst_server_history.moc"
