// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// `search` [ext]: words, prefixes and phrases over the rooms the user is in; edits
// found by their latest text, retractions never; private messages only for their two
// users; paging with `before` through 10,000 hits; the 256 KiB line limit; bad
// requests; indexing in the background, with no search; and the index built by the
// migration of a database made before it existed.
#include "historyhelpers.h"
#include "sqliteinspector.h"
#include "testserver.h"

#include <QFile>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace talker::test;

class TestServerSearch : public QObject
{
    Q_OBJECT

private:
    QString say(WireClient &c, const QString &text, const QJsonObject &extra = {})
    {
        c.send(message(text, extra));
        return idOf(c.waitFor(kMessage));
    }

private slots:
    void initTestCase()
    {
        m_server.extraArgs() << QStringLiteral("--max-events-per-second") << QStringLiteral("0");
        QVERIFY(m_server.startWithUsers({{QStringLiteral("alice"), &m_alice},
                                         {QStringLiteral("bob"), &m_bob},
                                         {QStringLiteral("carol"), &m_carol}}));
    }

    void wordsPrefixesAndPhrases()
    {
        WireClient a(m_server.port());
        QVERIFY(a.join(QStringLiteral("words"), m_alice));
        say(a, QStringLiteral("the quick brown fox"));
        say(a, QStringLiteral("Talking about Talker"));
        say(a, QStringLiteral("brown quick dog"));
        QCOMPARE(resultContents(search(a, QStringLiteral("quick brown"))),
                 (QStringList{QStringLiteral("brown quick dog"),
                              QStringLiteral("the quick brown fox")}));
        QCOMPARE(resultContents(search(a, QStringLiteral("\"quick brown\""))),
                 QStringList{QStringLiteral("the quick brown fox")});
        QCOMPARE(resultContents(search(a, QStringLiteral("talk*"))),
                 QStringList{QStringLiteral("Talking about Talker")});
        QCOMPARE(resultContents(search(a, QStringLiteral("talk"))), QStringList{});
        // Operators and stray punctuation are plain text, never a syntax error.
        QCOMPARE(resultContents(search(a, QStringLiteral("fox AND ( -"))), QStringList{});
        const QJsonObject r = search(a, QStringLiteral("fox"));
        QCOMPARE(r.value(QStringLiteral("query")).toString(), QStringLiteral("fox"));
        QCOMPARE(r.value(QStringLiteral("more")).toBool(), false);
        const QJsonObject hit = r.value(QStringLiteral("results")).toArray().first().toObject();
        QCOMPARE(hit.value(QStringLiteral("room")).toString(), QStringLiteral("words"));
        QCOMPARE(hit.value(QStringLiteral("event")).toObject().value(QStringLiteral("user")),
                 QJsonValue(a.user()));
    }

    void editsAtLatestTextRetractionsNever()
    {
        WireClient a(m_server.port());
        QVERIFY(a.join(QStringLiteral("edits"), m_alice));
        const QJsonObject idE{{QStringLiteral("id"), QStringLiteral("s-edit")}};
        const QJsonObject idR{{QStringLiteral("id"), QStringLiteral("s-gone")}};
        say(a, QStringLiteral("walrus original"), idE);
        say(a, QStringLiteral("narwhal replacement"), idE);
        say(a, QStringLiteral("walrus retracted"), idR);
        say(a, QString(), idR);
        QCOMPARE(resultContents(search(a, QStringLiteral("walrus"))), QStringList{});
        const QJsonObject r = search(a, QStringLiteral("narwhal"));
        QCOMPARE(resultContents(r), QStringList{QStringLiteral("narwhal replacement")});
        const QJsonObject event = r.value(QStringLiteral("results"))
                                      .toArray()
                                      .first()
                                      .toObject()
                                      .value(QStringLiteral("event"))
                                      .toObject();
        QCOMPARE(idOf(event), QStringLiteral("s-edit"));
        QVERIFY(event.contains(QStringLiteral("edited")));
    }

    void privacyAndRoomsTheUserIsIn()
    {
        WireClient a(m_server.port());
        WireClient b(m_server.port());
        WireClient c(m_server.port());
        QVERIFY(joinAll(QStringLiteral("private"), {{&a, m_alice}, {&b, m_bob}, {&c, m_carol}}));
        say(a, QStringLiteral("zebra whisper"), {{QStringLiteral("to"), b.userId()}});
        say(a, QStringLiteral("zebra shout"));
        WireClient elsewhere(m_server.port());
        QVERIFY(elsewhere.join(QStringLiteral("bobs-den"), m_bob));
        const QString denId = say(elsewhere, QStringLiteral("zebra den"));
        const QStringList shoutAndWhisper{QStringLiteral("zebra shout"),
                                          QStringLiteral("zebra whisper")};
        QCOMPARE(resultContents(search(a, QStringLiteral("zebra"))), shoutAndWhisper);
        QCOMPARE(resultContents(search(c, QStringLiteral("zebra"))),
                 QStringList{QStringLiteral("zebra shout")});
        // Bob searches both his rooms, from either connection.
        const QStringList all{QStringLiteral("zebra den"), QStringLiteral("zebra shout"),
                              QStringLiteral("zebra whisper")};
        QCOMPARE(resultContents(search(b, QStringLiteral("zebra"))), all);
        QCOMPARE(resultContents(search(elsewhere, QStringLiteral("zebra"))), all);
        // A cursor is looked up in the searcher's rooms only: carol cannot tell an id
        // in bob's den from one that does not exist.
        c.send(QJsonObject{{kType, QStringLiteral("search")},
                           {QStringLiteral("query"), QStringLiteral("zebra")},
                           {QStringLiteral("before"), denId}});
        QCOMPARE(c.waitFor(QStringLiteral("error")),
                 errorEvent(QStringLiteral("Unknown event id")));
        // Once bob has left his den, it is no longer searched.
        elsewhere.send(QJsonObject{{kType, QStringLiteral("close")}});
        QVERIFY(elsewhere.waitClosed());
        QCOMPARE(resultContents(search(b, QStringLiteral("zebra"))), shoutAndWhisper);
    }

    void pagesThroughTenThousandHits()
    {
        WireClient a(m_server.port());
        QVERIFY(a.join(QStringLiteral("many"), m_alice));
        for (int i = 0; i < 10000; ++i)
            a.send(message(QStringLiteral("needle %1").arg(i)));
        for (int i = 0; i < 10000; ++i)
            QVERIFY(!a.waitFor(kMessage).isEmpty());
        QSet<QString> seen;
        QString before;
        int pages = 0;
        for (bool more = true; more; ++pages) {
            const QJsonObject r = search(a, QStringLiteral("needle"), 500, before);
            const QJsonArray results = r.value(QStringLiteral("results")).toArray();
            QVERIFY(!results.isEmpty());
            for (const QJsonValue &v : results) {
                const QJsonObject event = v.toObject().value(QStringLiteral("event")).toObject();
                QVERIFY2(!seen.contains(idOf(event)), "a hit came twice");
                seen.insert(idOf(event));
                before = idOf(event);
            }
            more = r.value(QStringLiteral("more")).toBool();
        }
        QCOMPARE(seen.size(), 10000);
        QCOMPARE(pages, 20);
    }

    void resultsStayUnderTheLineLimit()
    {
        WireClient a(m_server.port());
        QVERIFY(a.join(QStringLiteral("large"), m_alice));
        const QString filler(100 * 1024, QLatin1Char('x'));
        for (int i = 0; i < 4; ++i)
            say(a, QStringLiteral("haystack %1 ").arg(i) + filler);
        a.send(QJsonObject{{kType, QStringLiteral("search")},
                           {QStringLiteral("query"), QStringLiteral("haystack")}});
        // Read the raw line to measure it.
        const QJsonObject r = a.waitFor(QStringLiteral("search_results"));
        const QJsonArray results = r.value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 2);
        QCOMPARE(r.value(QStringLiteral("more")).toBool(), true);
        const QByteArray line = QJsonDocument(r).toJson(QJsonDocument::Compact);
        QVERIFY(line.size() < 256 * 1024);
        // The next page continues where this one stopped.
        const QString last =
            idOf(results.last().toObject().value(QStringLiteral("event")).toObject());
        QCOMPARE(search(a, QStringLiteral("haystack"), 0, last)
                     .value(QStringLiteral("results"))
                     .toArray()
                     .size(),
                 2);
    }

    void badRequests_data()
    {
        QTest::addColumn<QJsonObject>("request");
        QTest::addColumn<QString>("error");
        const QString search = QStringLiteral("search");
        const QString query = QStringLiteral("query");
        QTest::newRow("empty") << QJsonObject{{kType, search}, {query, QString()}}
                               << QStringLiteral("Empty search query");
        QTest::newRow("no word") << QJsonObject{{kType, search},
                                                {query, QStringLiteral(" * \"\" ")}}
                                 << QStringLiteral("Empty search query");
        QTest::newRow("too long") << QJsonObject{{kType, search},
                                                 {query, QString(257, QLatin1Char('a'))}}
                                  << QStringLiteral("Search query too long");
        QTest::newRow("missing") << QJsonObject{{kType, search}}
                                 << QStringLiteral("Invalid field: query");
        QTest::newRow("number") << QJsonObject{{kType, search}, {query, 5}}
                                << QStringLiteral("Invalid field: query");
        QTest::newRow("limit") << QJsonObject{{kType, search},
                                              {query, QStringLiteral("a")},
                                              {QStringLiteral("limit"), -1}}
                               << QStringLiteral("Invalid field: limit");
        QTest::newRow("before") << QJsonObject{{kType, search},
                                               {query, QStringLiteral("a")},
                                               {QStringLiteral("before"), QStringLiteral("nope")}}
                                << QStringLiteral("Unknown event id");
    }

    void badRequests()
    {
        QFETCH(QJsonObject, request);
        QFETCH(QString, error);
        WireClient a(m_server.port());
        QVERIFY(a.join(QStringLiteral("bad"), m_alice));
        a.send(request);
        QCOMPARE(a.waitFor(QStringLiteral("error")), errorEvent(error));
        bool ok = false;
        a.sync(&ok);
        QVERIFY2(ok, "the connection should stay open");
    }

    void indexedInTheBackgroundWithoutASearch()
    {
        WireClient a(m_server.port());
        QVERIFY(a.join(QStringLiteral("quiet"), m_alice));
        say(a, QStringLiteral("nobody searched for this"));
        say(a, QStringLiteral("nor for this"));
        SqliteInspector inspect(m_server.databasePath());
        QVERIFY(inspect.isOpen());
        // The store writer imports what the room threads journaled and indexes it,
        // within a second. (The echo comes before the import: waiting until the indexed
        // seq is the newest stored one could pass before the two are even stored.)
        QTRY_COMPARE(inspect.number(QStringLiteral(
                         "SELECT COUNT(*) FROM message_text WHERE message_text MATCH 'this'")),
                     2);
        QCOMPARE(inspect.number(QStringLiteral(
                     "SELECT (SELECT MAX(seq) FROM events) - indexed_seq FROM search_progress")),
                 0);
    }

    void migratesADatabaseMadeBeforeTheIndex()
    {
        TestServer old;
        QVERIFY(QFile::copy(QStringLiteral(TALKER_FIXTURES "/v0.db"), old.databasePath()));
        QFile::setPermissions(old.databasePath(), QFile::ReadOwner | QFile::WriteOwner);
        int code = -1;
        const QString alice =
            QString::fromUtf8(old.runCommand({QStringLiteral("user"), QStringLiteral("reset-token"),
                                              QStringLiteral("alice")},
                                             &code)
                                  .trimmed()
                                  .split('\n')
                                  .last());
        QCOMPARE(code, 0);
        const QString bob =
            QString::fromUtf8(old.runCommand({QStringLiteral("user"), QStringLiteral("reset-token"),
                                              QStringLiteral("bob")},
                                             &code)
                                  .trimmed()
                                  .split('\n')
                                  .last());
        QVERIFY(old.start());
        WireClient a(old.port());
        QVERIFY(a.join(QStringLiteral("Main"), alice));
        QCOMPARE(resultContents(search(a, QStringLiteral("rocks"))),
                 QStringList{QStringLiteral("talker rolls and rocks")});
        QCOMPARE(resultContents(search(a, QStringLiteral("forgotten"))), QStringList{});
        QCOMPARE(resultContents(search(a, QStringLiteral("plan"))),
                 (QStringList{QStringLiteral("reply from bob about the plan"),
                              QStringLiteral("private plan for bob")}));
        // Bob is still a member of "Other" (the migration read the stored joins): his
        // search covers it without joining it again.
        WireClient b(old.port());
        QVERIFY(b.join(QStringLiteral("Main"), bob));
        QCOMPARE(resultContents(search(b, QStringLiteral("plan"))),
                 (QStringList{QStringLiteral("other room plan"),
                              QStringLiteral("reply from bob about the plan"),
                              QStringLiteral("private plan for bob")}));
        // Paging the migrated history shows the edited message once, in its new text.
        a.send(message(QStringLiteral("after the upgrade")));
        const HistoryAnswer page = history(a, idOf(a.waitFor(kMessage)));
        QVERIFY(page.complete());
        QCOMPARE(contents(page.events),
                 (QStringList{QStringLiteral("hello world from alice"),
                              QStringLiteral("talker rolls and rocks"), QString(),
                              QStringLiteral("private plan for bob"),
                              QStringLiteral("reply from bob about the plan"),
                              QStringLiteral("carol was here")}));
        // New messages are indexed too (a search catches the index up).
        QCOMPARE(resultContents(search(a, QStringLiteral("upgrade"))),
                 QStringList{QStringLiteral("after the upgrade")});
    }

private:
    TestServer m_server;
    QString m_alice;
    QString m_bob;
    QString m_carol;
};

QTEST_GUILESS_MAIN(TestServerSearch)
#include "tst_server_search.moc"
