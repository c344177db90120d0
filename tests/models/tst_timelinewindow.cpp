// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Timeline as a window that slides both ways over a real HistoryCache, seen through
// MessageModel under QAbstractItemModelTester: paging up through 10,000 messages and
// back down keeps the row count bounded, shows every message once and in order, keeps
// the user's unconfirmed messages, loses no live message that arrived while the window
// was away from the live end, and "jump to latest" returns to it.
#include "client/historycache.h"
#include "client/timeline.h"
#include "models/messagemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace talker;
using namespace talker::client;
using namespace talker::models;
using Tester = QAbstractItemModelTester;

namespace {
const QString kKey = QStringLiteral("room:Main");
constexpr int Total = 10000;
constexpr int Window = 200;
constexpr int Bound = Window + Window / 8; // the window plus one trimming chunk

Message numbered(int n)
{
    Message m;
    m.id = QStringLiteral("id%1").arg(n);
    m.authorId = QStringLiteral("2");
    m.authorName = QStringLiteral("bob");
    m.text = QString::number(n);
    m.time = 1700000000 + n;
    return m;
}

/// The numbers of the confirmed rows, which must be consecutive (nothing skipped or
/// doubled); returns false on a hole.
bool consecutive(const Timeline &t, int *first = nullptr, int *last = nullptr)
{
    int previous = -1;
    for (int row = 0; row < t.count(); ++row) {
        if (t.at(row).delivery != Message::Delivery::Sent)
            continue;
        const int n = t.at(row).text.toInt();
        if (previous >= 0 && n != previous + 1)
            return false;
        if (previous < 0 && first)
            *first = n;
        previous = n;
    }
    if (last)
        *last = previous;
    return true;
}
} // namespace

class TestTimelineWindow : public QObject
{
    Q_OBJECT

    std::unique_ptr<HistoryCache> m_cache;

private slots:
    void init()
    {
        m_cache = std::make_unique<HistoryCache>(QStringLiteral(":memory:"));
        for (int n = 0; n < Total; ++n)
            m_cache->storeMessage(kKey, numbered(n));
        m_cache->waitForWrites();
    }

    void slidesBothWaysWithinTheWindow()
    {
        Timeline timeline(kKey);
        timeline.setCache(m_cache.get());
        timeline.setWindowSize(Window);
        timeline.reset(m_cache->latest(kKey, Window));
        MessageModel model;
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        model.setTimeline(&timeline);
        QSignalSpy liveEnd(&timeline, &Timeline::atLiveEndChanged);

        // Up to the first message: never more rows than the window allows.
        int maxRows = 0;
        while (timeline.canFetchOlder() && timeline.fetchOlder(50) > 0) {
            maxRows = qMax(maxRows, model.rowCount());
            QVERIFY(consecutive(timeline));
        }
        QVERIFY(maxRows <= Bound);
        QCOMPARE(timeline.at(0).text, QStringLiteral("0"));
        QVERIFY(!timeline.atLiveEnd());
        QVERIFY(liveEnd.size() >= 1);

        // A live message while away: not shown, but the preview follows it.
        const Message live = numbered(Total);
        m_cache->storeMessage(kKey, live); // what Room does with every live message
        QSignalSpy newest(&timeline, &Timeline::newestChanged);
        const int rows = model.rowCount();
        timeline.append(live);
        QCOMPARE(model.rowCount(), rows);
        QCOMPARE(newest.size(), 1);
        QCOMPARE(timeline.newest().id, live.id);

        // Back down to the live end: bounded again, nothing lost, the live one last.
        int steps = 0;
        while (!timeline.atLiveEnd() && steps++ < Total) {
            QVERIFY(timeline.fetchNewer(50) > 0 || timeline.atLiveEnd());
            QVERIFY(model.rowCount() <= Bound);
            QVERIFY(consecutive(timeline));
        }
        QVERIFY(timeline.atLiveEnd());
        QCOMPARE(timeline.last().id, live.id);
        QCOMPARE(timeline.newest().id, live.id);
        // At the live end live messages are shown again, and the oldest rows go.
        for (int n = Total + 1; n < Total + 3 * Window; ++n) {
            m_cache->storeMessage(kKey, numbered(n));
            timeline.append(numbered(n));
            QVERIFY(model.rowCount() <= Bound);
        }
        int last = 0;
        QVERIFY(consecutive(timeline, nullptr, &last));
        QCOMPARE(last, Total + 3 * Window - 1);
    }

    void theFirstPageKeepsTheLiveWindow()
    {
        Timeline timeline(kKey);
        timeline.setCache(m_cache.get());
        timeline.setWindowSize(Window);
        timeline.reset(m_cache->latest(kKey, 1)); // a chat not shown yet: its newest only
        QCOMPARE(timeline.fetchFirstPage(Window - 1), Window - 1);
        QCOMPARE(timeline.count(), Window);
        QVERIFY(timeline.atLiveEnd());
        QVERIFY(consecutive(timeline));
        // Live messages: bounded as at the live end, not with a scrolled-up page's room.
        for (int n = Total; n < Total + 2 * Window; ++n) {
            m_cache->storeMessage(kKey, numbered(n));
            timeline.append(numbered(n));
            QVERIFY2(timeline.count() <= Bound, qPrintable(QString::number(timeline.count())));
        }
        int last = 0;
        QVERIFY(consecutive(timeline, nullptr, &last));
        QCOMPARE(last, Total + 2 * Window - 1);
    }

    void unconfirmedMessagesStayAndJumpToLatestReturns()
    {
        Timeline timeline(kKey);
        timeline.setCache(m_cache.get());
        timeline.setWindowSize(Window);
        timeline.reset(m_cache->latest(kKey, Window));
        MessageModel model;
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        model.setTimeline(&timeline);
        Message pending = numbered(-1);
        pending.id = QStringLiteral("mine");
        pending.text = QStringLiteral("typed offline");
        pending.isOwn = true;
        pending.time = 1700000000 + Total + 5;
        pending.delivery = Message::Delivery::Pending;
        timeline.append(pending);
        for (int i = 0; i < 20; ++i)
            timeline.fetchOlder(50);
        QVERIFY(!timeline.atLiveEnd());
        QVERIFY(model.rowCount() <= Bound + 1);
        // the pending message is not in the cache: it stays at the bottom of the window
        QCOMPARE(timeline.last().id, pending.id);
        QCOMPARE(timeline.newest().id, pending.id); // still the preview
        int first = 0;
        QVERIFY(consecutive(timeline, &first));
        QVERIFY(first < Total - 1000);

        timeline.showLatest();
        QVERIFY(timeline.atLiveEnd());
        int last = 0;
        QVERIFY(consecutive(timeline, nullptr, &last));
        QCOMPARE(last, Total - 1);
        QCOMPARE(timeline.last().id, pending.id);
        QVERIFY(model.rowCount() <= Bound + 1);
        // Its confirmation moves it among the confirmed messages, at the end.
        pending.delivery = Message::Delivery::Sent;
        timeline.replace(timeline.indexOf(pending.id), pending);
        QCOMPARE(timeline.last().id, pending.id);
        QCOMPARE(timeline.newest().id, pending.id);
    }

    void aJumpWindowIsAwayFromTheLiveEnd()
    {
        Timeline timeline(kKey);
        timeline.setCache(m_cache.get());
        timeline.setWindowSize(Window);
        timeline.reset(m_cache->latest(kKey, Window));
        const QString target = numbered(100).id;
        timeline.showWindow(
            m_cache->before(kKey, target, 50) + m_cache->after(kKey, target, 51, true), false);
        QVERIFY(!timeline.atLiveEnd());
        QCOMPARE(timeline.count(), 101);
        QCOMPARE(timeline.newest().id, numbered(Total - 1).id); // the preview stays
        m_cache->storeMessage(kKey, numbered(Total));           // what Room does with a live one
        timeline.append(numbered(Total));
        QCOMPARE(timeline.count(), 101);
        QVERIFY(!timeline.contains(numbered(Total).id));
        QCOMPARE(timeline.newest().id, numbered(Total).id);
        timeline.showLatest();
        QVERIFY(timeline.atLiveEnd());
        QCOMPARE(timeline.last().id, numbered(Total).id);
        QCOMPARE(timeline.fetchNewer(), 0); // a no-op at the live end
    }
};

QTEST_GUILESS_MAIN(TestTimelineWindow)
#include "tst_timelinewindow.moc"
