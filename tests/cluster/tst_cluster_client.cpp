// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The client core against a cluster: an account with several addresses
// (`talker://h1:p1,h2:p2/Room`) loses its node to SIGKILL and goes on at the next
// address with last_event_id, missing nothing and doubling nothing.
#include "client/account.h"
#include "client/accountconfig.h"
#include "client/accountregistry.h"
#include "client/room.h"
#include "client/timeline.h"
#include "natscluster.h"
#include "testserver.h"
#include "wireclient.h"

#include <QDeadlineTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace talker;
using namespace talker::test;

namespace {
QStringList texts(const client::Timeline *timeline)
{
    QStringList out;
    for (int i = 0; i < timeline->count(); ++i)
        out.append(timeline->at(i).text);
    return out;
}
} // namespace

class TestClusterClient : public QObject
{
    Q_OBJECT

private slots:
    void accountAddressesParse()
    {
        client::AccountConfig c;
        QVERIFY(c.setAddresses(QStringLiteral("a.example:8501, b.example,[::1]:9"), 8500));
        QCOMPARE(c.host, QStringLiteral("a.example"));
        QCOMPARE(int(c.port), 8501);
        QCOMPARE(c.fallbacks,
                 (QStringList{QStringLiteral("b.example:8500"), QStringLiteral("[::1]:9")}));
        QCOMPARE(c.addressText(), QStringLiteral("a.example:8501,b.example:8500,[::1]:9"));
        QCOMPARE(c.addresses().size(), 3);
        QCOMPARE(c.addresses().at(2).host, QStringLiteral("::1"));
        QString error;
        QVERIFY(!c.setAddresses(QStringLiteral("a:1,b:notaport"), 8500, &error));
        QVERIFY(error.contains(QStringLiteral("b:notaport")));
        QCOMPARE(c.host, QStringLiteral("a.example")); // unchanged on error
    }

    void registryKeepsEveryNode()
    {
        // What the connect form's host field and a cluster link hand to the registry.
        QTemporaryDir dir;
        {
            client::AccountRegistry registry(dir.path());
            client::Account *a =
                registry.addServer(QStringLiteral("n1.example:8501,n2.example:8502"), 8500, false);
            QVERIFY(a);
            QCOMPARE(a->host(), QStringLiteral("n1.example"));
            QCOMPARE(a->port(), 8501);
            QCOMPARE(a->config().fallbacks, QStringList{QStringLiteral("n2.example:8502")});
            QCOMPARE(registry.findAccount(QStringLiteral("n1.example:8501,n2.example:8502"), 8500),
                     a);
            QVERIFY(!registry.addServer(QStringLiteral("n1.example:1,bad:port"), 8500, false));
            QVERIFY(registry.save());
        }
        client::AccountRegistry again(dir.path());
        QVERIFY(again.load());
        client::Account *a = again.findAccount(QStringLiteral("n1.example"), 8501);
        QVERIFY(a);
        QCOMPARE(a->config().fallbacks, QStringList{QStringLiteral("n2.example:8502")});
    }

    void failoverToTheNextNode()
    {
        const QString reason = NatsCluster::unavailableReason();
        if (!reason.isEmpty())
            QSKIP(qPrintable(reason));
        TestServer cluster(3, 1);
        QString alice, bob;
        QVERIFY(cluster.startWithUsers(
            {{QStringLiteral("alice"), &alice}, {QStringLiteral("bob"), &bob}}));
        QTemporaryDir cache;
        client::AccountConfig config;
        config.id = QStringLiteral("alice");
        QVERIFY(config.setAddresses(QStringLiteral("127.0.0.1:%1,127.0.0.1:%2")
                                        .arg(cluster.nodePort(0))
                                        .arg(cluster.nodePort(1)),
                                    8500));
        client::Account account(config, cache.filePath(QStringLiteral("alice.db")));
        client::SessionSettings settings;
        settings.backoffInitialMs = 100;
        settings.backoffMaxMs = 500;
        account.setSessionSettings(settings);
        client::Room *room = account.joinRoom(QStringLiteral("failover"));
        account.setToken(alice);
        QTRY_VERIFY_WITH_TIMEOUT(room->isConnected(), 20000);

        WireClient b(cluster.nodePort(2));
        QVERIFY(b.join(QStringLiteral("failover"), bob));
        QStringList sent;
        for (int i = 0; i < 5; ++i) {
            sent.append(QStringLiteral("before %1").arg(i));
            b.send(message(sent.last()));
        }
        QTRY_COMPARE_WITH_TIMEOUT(texts(room->timeline()), sent, 20000);

        cluster.killNode(0); // Alice's node
        for (int i = 0; i < 5; ++i) {
            sent.append(QStringLiteral("while away %1").arg(i));
            b.send(message(sent.last()));
        }
        QTRY_COMPARE_WITH_TIMEOUT(texts(room->timeline()), sent, 30000);
        QVERIFY(room->isConnected());
        // And she talks through the second node.
        QVERIFY(!room->sendMessage(QStringLiteral("from alice")).isEmpty());
        // Alice's client lives in this thread's event loop: wait without blocking it.
        QJsonObject got;
        const QDeadlineTimer deadline(20000);
        while (got.value(kContent).toString() != QLatin1String("from alice") &&
               !deadline.hasExpired()) {
            QTest::qWait(20);
            got = b.next(10);
        }
        QCOMPARE(got.value(kContent).toString(), QStringLiteral("from alice"));
    }
};

QTEST_GUILESS_MAIN(TestClusterClient)
#include "tst_cluster_client.moc"
