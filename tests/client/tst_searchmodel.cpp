// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// SearchModel against the real talker-server: the cache's hits at once, the server's
// as they come (a room the app has not joined, found only by the server), each
// message once, matches marked, and the server's "Search not available" case left to
// the local results.
#include "client/account.h"
#include "client/accountregistry.h"
#include "client/historypager.h"
#include "client/room.h"
#include "client/timeline.h"
#include "models/searchmodel.h"
#include "testserver.h"
#include "wireclient.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace talker;
using talker::models::SearchModel;
using talker::test::TestServer;
using talker::test::WireClient;

namespace {
constexpr int Timeout = 15000;
}

class TestSearchModel : public QObject
{
    Q_OBJECT

private slots:
    void localAtOnceServerAsTheyCome()
    {
        TestServer server;
        QString alice;
        QString bob;
        QVERIFY(server.startWithUsers(
            {{QStringLiteral("alice"), &alice}, {QStringLiteral("bob"), &bob}}));
        // Alice is in "archive" (joined before, never left) but the app only opens "main".
        WireClient aliceElsewhere(server.port());
        QVERIFY(aliceElsewhere.join(QStringLiteral("archive"), alice));
        WireClient b(server.port());
        QVERIFY(b.join(QStringLiteral("archive"), bob));
        b.send(talker::test::message(QStringLiteral("zeppelin in the archive")));
        QVERIFY(!b.waitFor(talker::test::kMessage).isEmpty());

        QTemporaryDir dir;
        client::AccountRegistry registry(dir.path());
        client::AccountConfig config;
        config.port = server.port();
        client::Account *account = registry.addAccount(config);
        account->joinRoom(QStringLiteral("main"));
        account->setToken(alice);
        client::Room *main = account->room(QStringLiteral("main"));
        QTRY_VERIFY_WITH_TIMEOUT(main->isConnected(), Timeout);
        WireClient bobMain(server.port());
        QVERIFY(bobMain.join(QStringLiteral("main"), bob));
        bobMain.send(talker::test::message(QStringLiteral("a zeppelin & <b>friends</b>")));
        QTRY_VERIFY_WITH_TIMEOUT(main->timeline()->count() > 0, Timeout);

        SearchModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRegistry(&registry);
        model.setQuery(QStringLiteral("zeppelin"));
        // The cached message is there at once; the server is still being asked.
        QCOMPARE(model.count(), 1);
        QVERIFY(model.searching());
        QCOMPARE(model.get(0).value(QStringLiteral("chatName")).toString(), QStringLiteral("main"));
        QCOMPARE(model.get(0).value(QStringLiteral("markedText")).toString(),
                 QStringLiteral("a <b>zeppelin</b> &amp; &lt;b&gt;friends&lt;/b&gt;"));
        QCOMPARE(model.get(0).value(QStringLiteral("fromServer")).toBool(), false);
        QVERIFY(model.pagerFor(0) == main->pager());
        // The server adds the archive's message, and not the cached one again.
        QTRY_VERIFY_WITH_TIMEOUT(!model.searching(), Timeout);
        QCOMPARE(model.count(), 2);
        QStringList chats;
        for (int row = 0; row < model.count(); ++row)
            chats.append(model.get(row).value(QStringLiteral("chatName")).toString());
        chats.sort();
        QCOMPARE(chats, (QStringList{QStringLiteral("archive"), QStringLiteral("main")}));
        for (int row = 0; row < model.count(); ++row) {
            const bool archive = model.get(row).value(QStringLiteral("chatKey")).toString() ==
                                 QLatin1String("room:archive");
            QCOMPARE(model.get(row).value(QStringLiteral("fromServer")).toBool(), archive);
        }

        // No word, no rows and no request.
        model.setQuery(QStringLiteral("  "));
        QCOMPARE(model.count(), 0);
        QVERIFY(!model.searching());
        // Nothing found anywhere: an empty model once the server answered.
        model.setQuery(QStringLiteral("nonexistentword"));
        QTRY_VERIFY_WITH_TIMEOUT(!model.searching(), Timeout);
        QCOMPARE(model.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSearchModel)
#include "tst_searchmodel.moc"
