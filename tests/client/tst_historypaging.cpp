// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The client side of history paging against the real talker-server: a Timeline pages
// back through the cache and then the server until the beginning, every page lands in
// the cache (found offline by the cache's search afterwards), overlapping pages and
// live traffic never show a message twice, jumpTo() finds a message the cache did
// not have, and a reconnect that missed more than the replay holds fills the hole
// from the server instead of jumping over it.
#include "client/historycache.h"
#include "client/historypager.h"
#include "client/session.h"
#include "client/timeline.h"
#include "testserver.h"
#include "wireclient.h"

#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace talker;
using namespace talker::client;
using talker::test::TestServer;
using talker::test::WireClient;

namespace {
constexpr int Timeout = 15000;
const QString kRoom = QStringLiteral("paging");
const QString kKey = QStringLiteral("room:paging");

QStringList texts(const Timeline &t)
{
    QStringList out;
    for (int i = 0; i < t.count(); ++i)
        out.append(t.at(i).text);
    return out;
}

/// What a Room does with live and replayed messages, reduced to the timeline.
struct Client
{
    Client(quint16 port, const QString &token, int firstHistory, const QString &room = kRoom)
        : session(AccountConfig{}, room)
        , cache(QStringLiteral(":memory:"))
        , timeline(QStringLiteral("room:") + room)
        , pager(&session, &timeline, &cache)
    {
        AccountConfig account;
        account.port = port;
        session.setAccount(account);
        session.setToken(token);
        SessionSettings settings;
        settings.historyOnFirstJoin = firstHistory;
        session.setSettings(settings);
        timeline.setCache(&cache);
        timeline.setWindowSize(100000);
        QObject::connect(&session, &Session::messageReceived, &session,
                         [this](const protocol::MessageEvent &e) {
                             Message m;
                             m.id = e.id;
                             m.text = e.content;
                             m.authorId = e.user.id;
                             m.time = e.time;
                             cache.storeMessage(timeline.key(), m);
                             if (!timeline.contains(m.id))
                                 timeline.append(m);
                         });
        session.open();
    }

    Session session;
    HistoryCache cache;
    Timeline timeline;
    HistoryPager pager;
};
} // namespace

class TestHistoryPaging : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_server.extraArgs() << QStringLiteral("--max-events-per-second") << QStringLiteral("0")
                             << QStringLiteral("--replay-cap") << QStringLiteral("100");
        QVERIFY(m_server.startWithUsers(
            {{QStringLiteral("alice"), &m_alice}, {QStringLiteral("bob"), &m_bob}}));
        WireClient a(m_server.port());
        QVERIFY(a.join(kRoom, m_alice));
        for (int i = 0; i < 300; ++i) {
            m_sent.append(QStringLiteral("msg %1").arg(i));
            a.send(talker::test::message(m_sent.last()));
        }
        for (int i = 0; i < 300; ++i)
            m_ids.append(a.waitFor(talker::test::kMessage).value(QStringLiteral("id")).toString());
    }

    void pagesBackToTheBeginningThroughTheCache()
    {
        Client c(m_server.port(), m_bob, 20);
        QTRY_COMPARE_WITH_TIMEOUT(c.timeline.count(), 20, Timeout);
        QVERIFY(!c.pager.atBeginning());
        QSignalSpy loading(&c.pager, &HistoryPager::loadingChanged);
        for (int round = 0; round < 20 && !c.pager.atBeginning(); ++round) {
            const int before = c.timeline.count();
            c.pager.fetchOlder();
            QTRY_VERIFY_WITH_TIMEOUT(!c.pager.loading() && c.timeline.count() > before, Timeout);
        }
        QVERIFY(c.pager.atBeginning());
        QVERIFY(loading.size() >= 2); // a loading row was shown while waiting
        QCOMPARE(texts(c.timeline), m_sent);
        // At the beginning, asking again does nothing.
        c.pager.fetchOlder();
        QVERIFY(!c.pager.loading());

        // A page that overlaps what is shown (and live traffic) adds nothing twice.
        QVERIFY(c.session.requestHistory(m_ids.at(150), 100));
        WireClient a(m_server.port());
        QVERIFY(a.join(kRoom, m_alice));
        a.send(talker::test::message(QStringLiteral("live one")));
        QTRY_COMPARE_WITH_TIMEOUT(c.timeline.count(), 301, Timeout);
        QTest::qWait(200);
        QCOMPARE(texts(c.timeline), m_sent + QStringList{QStringLiteral("live one")});

        // Every page went into the cache: a fresh timeline pages locally, and the
        // cache's search finds old messages with the server gone.
        Timeline again(kKey);
        again.setCache(&c.cache);
        again.setWindowSize(100000);
        while (again.fetchOlder(100) > 0) {
        }
        QCOMPARE(again.count(), 301);
        c.session.close();
        const QList<CacheIndex::Hit> hits = c.cache.search(QStringLiteral("\"msg 7\""), 10);
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.first().key, kKey);
        QCOMPARE(hits.first().message.id, m_ids.at(7));
        QCOMPARE(c.cache.search(QStringLiteral("msg"), 1000).size(), 300);
    }

    void jumpToAMessageTheCacheDoesNotHave()
    {
        Client c(m_server.port(), m_bob, 10);
        QTRY_VERIFY_WITH_TIMEOUT(c.timeline.count() >= 3, Timeout);
        QVERIFY(!c.timeline.contains(m_ids.at(5)));
        QSignalSpy jumped(&c.pager, &HistoryPager::jumped);
        c.pager.jumpTo(m_ids.at(5));
        QTRY_COMPARE_WITH_TIMEOUT(jumped.size(), 1, Timeout);
        QCOMPARE(jumped.first().first().toString(), m_ids.at(5));
        QVERIFY(c.timeline.contains(m_ids.at(5)));
        const int row = c.timeline.indexOf(m_ids.at(5));
        QCOMPARE(c.timeline.at(row).text, QStringLiteral("msg 5"));
        QCOMPARE(c.timeline.at(row + 1).text, QStringLiteral("msg 6"));
        // Unknown ids fail cleanly.
        QSignalSpy failed(&c.pager, &HistoryPager::jumpFailed);
        c.pager.jumpTo(QStringLiteral("no-such-id"), 3);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, Timeout);
    }

    void aHoleAfterAReconnectIsFilledNotSkipped()
    {
        const QString room = QStringLiteral("holes");
        const QString key = QStringLiteral("room:holes");
        WireClient a(m_server.port());
        QVERIFY(a.join(room, m_alice));
        QStringList sent;
        auto say = [&](int from, int to) {
            for (int i = from; i < to; ++i) {
                sent.append(QStringLiteral("hole %1").arg(i));
                a.send(talker::test::message(sent.last()));
            }
            for (int i = from; i < to; ++i)
                a.waitFor(talker::test::kMessage);
        };
        say(0, 30);
        Client c(m_server.port(), m_bob, 20, room);
        QTRY_COMPARE_WITH_TIMEOUT(c.timeline.count(), 20, Timeout);
        const QString lastSeen = c.timeline.last().id;
        c.session.close();
        // 250 more while bob is away: the replay (capped at 100) leaves 150 out
        say(30, 280);
        c.session.setLastEventId(lastSeen);
        c.session.open();
        QTRY_COMPARE_WITH_TIMEOUT(c.timeline.last().text, sent.last(), Timeout);
        // the pager checked the page below the replay and found the hole
        QTRY_VERIFY_WITH_TIMEOUT(!c.pager.loading() && c.cache.gaps(key).size() == 1, Timeout);
        // nothing below the hole is shown (the replay's 100 events may include bob's
        // own join, so it starts at 180 or 181)
        QVERIFY2(c.timeline.at(0).text.mid(5).toInt() >= 180, qPrintable(c.timeline.at(0).text));
        // Paging up fills it from the server, then goes on below it: every message
        // once, in order.
        for (int round = 0; round < 40 && !c.pager.atBeginning(); ++round) {
            const int before = c.timeline.count();
            c.pager.fetchOlder();
            QTRY_VERIFY_WITH_TIMEOUT(!c.pager.loading(), Timeout);
            QVERIFY2(c.timeline.count() > before || c.pager.atBeginning(),
                     qPrintable(texts(c.timeline).first()));
        }
        QCOMPARE(texts(c.timeline), sent);
        QVERIFY(c.cache.gaps(key).isEmpty());
        // and the cache holds them in order for the next time
        Timeline again(key);
        again.setCache(&c.cache);
        again.setWindowSize(100000);
        while (again.fetchOlder(100) > 0) {
        }
        QCOMPARE(texts(again), sent);
    }

private:
    TestServer m_server;
    QString m_alice;
    QString m_bob;
    QStringList m_sent;
    QStringList m_ids;
};

QTEST_GUILESS_MAIN(TestHistoryPaging)
#include "tst_historypaging.moc"
