// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// `--metrics HOST:PORT`: Prometheus text at /metrics and a health check at /healthz,
// scraped over real HTTP from the real server (single node, and with
// TALKER_TEST_CLUSTER=3 from every node of a cluster, labelled by node).
#include "metricsscrape.h"
#include "testserver.h"
#include "wireclient.h"

#include <QRegularExpression>
#include <QTest>

using namespace talker::test;

class TestServerMetrics : public QObject
{
    Q_OBJECT

private slots:
    void scrapeMetricsAndHealth()
    {
        TestServer server({QStringLiteral("--metrics"), QStringLiteral("127.0.0.1:0")});
        QString alice;
        QVERIFY(server.startWithUsers({{QStringLiteral("alice"), &alice}}));
        QVERIFY(server.metricsPort() != 0);

        const HttpReply health = httpGet(server.metricsPort(), "/healthz");
        QCOMPARE(health.status, 200);
        QCOMPARE(health.body, QByteArray("ok\n"));
        QCOMPARE(httpGet(server.metricsPort(), "/nothing").status, 404);

        // Everything below goes to node 0 (the scraped one) in the cluster form.
        WireClient a(server.nodeCount() ? server.nodePort(0) : server.port());
        QVERIFY(
            a.join(QStringLiteral("metrics"), alice, QJsonObject{{QStringLiteral("history"), 5}}));
        a.send(message(QStringLiteral("one")));
        a.send(message(QStringLiteral("two")));
        QCOMPARE(a.waitFor(kMessage).value(kContent).toString(), QStringLiteral("one"));
        QCOMPARE(a.waitFor(kMessage).value(kContent).toString(), QStringLiteral("two"));
        WireClient bad(server.nodeCount() ? server.nodePort(0) : server.port());
        QVERIFY(bad.open());
        bad.send(QJsonObject{{kType, QStringLiteral("connect")},
                             {QStringLiteral("room"), QStringLiteral("metrics")},
                             {QStringLiteral("token"), QStringLiteral("wrong")}});
        QVERIFY(!bad.waitFor(QStringLiteral("error")).isEmpty());

        const HttpReply scrape = httpGet(server.metricsPort(), "/metrics");
        QCOMPARE(scrape.status, 200);
        const QByteArray &m = scrape.body;
        QVERIFY2(sample(m, "talker_up") == 1, m.constData());
        QVERIFY(sample(m, "talker_connections") >= 1);
        QCOMPARE(sample(m, "talker_authenticated_connections"), 1.0);
        QCOMPARE(sample(m, "talker_rooms"), 1.0);
        QCOMPARE(sample(m, "talker_events_in_total", "type=\"message\""), 2.0);
        QCOMPARE(sample(m, "talker_events_in_total", "type=\"connect\""), 2.0);
        // One message echoed to one receiver, twice; the join once.
        QCOMPARE(sample(m, "talker_events_out_total", "type=\"message\""), 2.0);
        QCOMPARE(sample(m, "talker_events_out_total", "type=\"join\""), 1.0);
        // One observation per store batch (or bus batch): the two messages may share one.
        QVERIFY(sample(m, "talker_store_ack_seconds_count") >= 1);
        QCOMPARE(sample(m, "talker_store_ack_seconds_bucket", "le=\"+Inf\""),
                 sample(m, "talker_store_ack_seconds_count"));
        QCOMPARE(sample(m, "talker_replay_events_count"), 1.0);
        QCOMPARE(sample(m, "talker_auth_failures_total"), 1.0);
        QCOMPARE(sample(m, "talker_slow_readers_dropped_total"), 0.0);
        QCOMPARE(sample(m, "talker_throttled_total"), 0.0);
        if (server.isCluster()) // per node
            QVERIFY(m.contains("talker_connections{node=\"node0\"}"));
        // Each sample line is "name{labels} value" or "name value".
        static const QRegularExpression line(
            QStringLiteral("^(#.*|[a-z_]+(\\{[^}]*\\})? -?[0-9.]+(e[+-]?[0-9]+)?)$"));
        for (const QByteArray &l : m.trimmed().split('\n'))
            QVERIFY2(line.match(QString::fromUtf8(l)).hasMatch(), l.constData());
    }

    void groupCommitStoresABurstTogether_data()
    {
        QTest::addColumn<QString>("window");
        QTest::addColumn<int>("mostCommits");
        QTest::addColumn<int>("leastCommits");
        // Five messages within 500 ms of the join's write: one commit (two at most,
        // should the machine stall between them).
        QTest::newRow("500 ms") << QStringLiteral("500") << 2 << 1;
        // Off: each message, alone in its pass of the event loop, is its own commit
        // (a stalled server may read two in one pass).
        QTest::newRow("off") << QStringLiteral("0") << 5 << 3;
        // The default follows the commits, which take far less than the 20 ms between
        // these messages on loopback: each is its own commit again.
        QTest::newRow("auto") << QStringLiteral("auto") << 5 << 3;
    }

    void groupCommitStoresABurstTogether()
    {
        QFETCH(QString, window);
        QFETCH(int, mostCommits);
        QFETCH(int, leastCommits);
        TestServer server({QStringLiteral("--metrics"), QStringLiteral("127.0.0.1:0"),
                           QStringLiteral("--group-commit"), window});
        if (server.isCluster())
            QSKIP("cluster nodes publish to NATS: no SQLite commits to group");
        QString alice, bob;
        QVERIFY(server.startWithUsers(
            {{QStringLiteral("alice"), &alice}, {QStringLiteral("bob"), &bob}}));
        WireClient a(server.port());
        QVERIFY(a.join(QStringLiteral("burst"), alice));
        const auto commits = [&] {
            return sample(httpGet(server.metricsPort(), "/metrics").body,
                          "talker_store_ack_seconds_count");
        };
        const double before = commits();
        for (int i = 0; i < 5; ++i) {
            a.send(message(QString::number(i)));
            QTest::qWait(20); // its own pass of the server's event loop
        }
        for (int i = 0; i < 5; ++i) // stored before sent, in order
            QCOMPARE(a.waitFor(kMessage).value(kContent).toString(), QString::number(i));
        const double burst = commits() - before;
        QVERIFY2(burst >= leastCommits && burst <= mostCommits, QByteArray::number(burst));
        WireClient b(server.port()); // all five stored
        QVERIFY(b.join(QStringLiteral("burst"), bob, QJsonObject{{QStringLiteral("history"), 5}}));
        QStringList replayed;
        for (const QJsonObject &e : b.handshake())
            if (e.value(kType).toString() == kMessage)
                replayed.append(e.value(kContent).toString());
        QCOMPARE(replayed.join(QLatin1Char(',')), QStringLiteral("0,1,2,3,4"));
    }
};

QTEST_GUILESS_MAIN(TestServerMetrics)
#include "tst_server_metrics.moc"
