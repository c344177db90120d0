// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Cluster mode (issue 12) against real processes: 3 nats-server as one JetStream
// cluster and 3 talker-server nodes. Presence over nodes, SIGKILL of a node (clients
// resume elsewhere with last_event_id, a re-sent id stays one message), SIGKILL of one
// NATS server of three, NATS gone entirely (and back), a node started before NATS.
#include "natscluster.h"
#include "testserver.h"
#include "wireclient.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace talker::test;

namespace {
const QString kUser = QStringLiteral("user");
const QString kId = QStringLiteral("id");

QString userIdOf(const QJsonObject &event)
{
    const QJsonValue u = event.value(kUser);
    return u.isObject() ? u.toObject().value(kId).toString() : u.toString();
}

/// Every event `observer` receives within `ms`, pinging so it never goes idle.
QList<QJsonObject> collect(WireClient &observer, int ms)
{
    QList<QJsonObject> out;
    const QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired()) {
        observer.send(QJsonObject{{kType, QStringLiteral("ping")}});
        const QJsonObject e = observer.next(100);
        if (!e.isEmpty() && e.value(kType).toString() != QLatin1String("pong"))
            out.append(e);
    }
    return out;
}

/// Waits for a presence event of `type` about `userId`; the events before go to *seen.
QJsonObject waitPresence(WireClient &observer, const QString &type, const QString &userId,
                         QList<QJsonObject> *seen = nullptr, int timeoutMs = 20000)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        observer.send(QJsonObject{{kType, QStringLiteral("ping")}});
        const QJsonObject e = observer.next(100);
        if (e.value(kType).toString() == type && userIdOf(e) == userId)
            return e;
        if (seen && !e.isEmpty() && e.value(kType).toString() != QLatin1String("pong"))
            seen->append(e);
    }
    return QJsonObject();
}

/// "type user, type user, ..." of `events`, for a failure message.
QString describe(const QList<QJsonObject> &events)
{
    QStringList out;
    for (const QJsonObject &e : events)
        out.append(e.value(kType).toString() + QLatin1Char(' ') + userIdOf(e));
    return out.join(QStringLiteral(", "));
}

int countOf(const QList<QJsonObject> &events, const QString &type, const QString &userId)
{
    int n = 0;
    for (const QJsonObject &e : events)
        n += e.value(kType).toString() == type && userIdOf(e) == userId;
    return n;
}

/// The HTTP status of GET /healthz on a node's metrics port.
int health(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return 0;
    socket.write("GET /healthz HTTP/1.0\r\n\r\n");
    QByteArray reply;
    while (socket.waitForReadyRead(5000))
        reply += socket.readAll();
    return reply.mid(9, 3).toInt();
}

/// Joins, retrying while a node answers "Storage unavailable" (NATS failing over).
std::unique_ptr<WireClient> joinRetrying(quint16 port, const QString &room, const QString &token,
                                         const QJsonObject &extra = {})
{
    const QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired()) {
        auto client = std::make_unique<WireClient>(port);
        if (client->join(room, token, extra))
            return client;
        QTest::qWait(300);
    }
    return nullptr;
}

QStringList contentsOf(const QList<QJsonObject> &events)
{
    QStringList out;
    for (const QJsonObject &e : events) {
        if (e.value(kType).toString() == kMessage)
            out.append(e.value(kContent).toString());
    }
    return out;
}
} // namespace

class TestCluster : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString reason = NatsCluster::unavailableReason();
        if (!reason.isEmpty())
            QSKIP(qPrintable(reason));
        QVERIFY(m_cluster.start());
        QVERIFY(m_cluster.addUsers({{QStringLiteral("alice"), &m_alice},
                                    {QStringLiteral("bob"), &m_bob},
                                    {QStringLiteral("carol"), &m_carol}}));
    }

    void cleanup()
    {
        // A failed test must not leave a process down for the next one.
        for (int i = 0; i < m_cluster.nats()->size(); ++i) {
            if (!m_cluster.nats()->isRunning(i))
                QVERIFY(m_cluster.nats()->start(i));
        }
        for (int i = 0; i < m_cluster.nodeCount(); ++i) {
            if (!m_cluster.isNodeRunning(i))
                QVERIFY(m_cluster.startNode(i));
        }
    }

    void userCommandsOnTheCluster()
    {
        int code = -1;
        const QByteArray list =
            m_cluster.runCommand({QStringLiteral("user"), QStringLiteral("list")}, &code);
        QCOMPARE(code, 0);
        QVERIFY(list.contains("\talice\n"));
        QVERIFY(list.contains("\tcarol\n"));
        // The token never reaches the NATS data nor a node's log in clear.
        QVERIFY(!grepDir(m_cluster.nats()->dataDir(), m_alice.toUtf8()));
        QVERIFY(!m_cluster.log().contains(m_alice.toUtf8()));
    }

    void joinOnceAndMembersOfEveryNode()
    {
        WireClient a(m_cluster.nodePort(0)), b(m_cluster.nodePort(1)), a2(m_cluster.nodePort(2));
        QVERIFY(a.join(QStringLiteral("presence"), m_alice));
        QVERIFY(b.join(QStringLiteral("presence"), m_bob));
        // Bob, on another node, sees Alice in the list.
        const QJsonObject users = b.handshake().last();
        QCOMPARE(users.value(QStringLiteral("users")).toArray().size(), 2);
        QVERIFY(!waitPresence(a, QStringLiteral("join"), b.userId()).isEmpty());
        // Alice's second connection, on a third node: no second join anywhere.
        QVERIFY(a2.join(QStringLiteral("presence"), m_alice));
        const QList<QJsonObject> seen = collect(b, 800);
        QCOMPARE(countOf(seen, QStringLiteral("join"), a.userId()), 0);
        // Bob closes: everyone else gets one leave.
        b.send(QJsonObject{{kType, QStringLiteral("close")}});
        QVERIFY(!waitPresence(a, QStringLiteral("leave"), b.userId()).isEmpty());
        QVERIFY(!waitPresence(a2, QStringLiteral("leave"), b.userId()).isEmpty());
    }

    void nodeDeathIdleThenLeaveOnce()
    {
        WireClient a(m_cluster.nodePort(0)), c(m_cluster.nodePort(2)), b(m_cluster.nodePort(1));
        QVERIFY(a.join(QStringLiteral("death"), m_alice));
        QVERIFY(c.join(QStringLiteral("death"), m_carol));
        QVERIFY(b.join(QStringLiteral("death"), m_bob));
        QVERIFY(!waitPresence(a, QStringLiteral("join"), b.userId()).isEmpty());
        m_cluster.killNode(1);
        QList<QJsonObject> seen;
        QVERIFY(!waitPresence(a, QStringLiteral("idle"), b.userId(), &seen).isEmpty());
        QVERIFY(!waitPresence(a, QStringLiteral("leave"), b.userId(), &seen).isEmpty());
        seen += collect(a, 1500); // two surviving nodes: still one of each
        const QByteArray after =
            (QStringLiteral("besides his first idle and leave: ") + describe(seen)).toUtf8();
        QVERIFY2(countOf(seen, QStringLiteral("idle"), b.userId()) == 0, after.constData());
        QVERIFY2(countOf(seen, QStringLiteral("leave"), b.userId()) == 0, after.constData());
        QList<QJsonObject> seenByCarol;
        QVERIFY(!waitPresence(c, QStringLiteral("leave"), b.userId(), &seenByCarol).isEmpty());
        QCOMPARE(countOf(seenByCarol, QStringLiteral("idle"), b.userId()), 1);
        QVERIFY(m_cluster.startNode(1));
    }

    void backOnAnotherNodeWithinGrace()
    {
        WireClient a(m_cluster.nodePort(0)), b(m_cluster.nodePort(1));
        QVERIFY(a.join(QStringLiteral("grace"), m_alice));
        QVERIFY(b.join(QStringLiteral("grace"), m_bob));
        QVERIFY(!waitPresence(a, QStringLiteral("join"), b.userId()).isEmpty());
        m_cluster.killNode(1);
        QVERIFY(!waitPresence(a, QStringLiteral("idle"), b.userId()).isEmpty());
        QElapsedTimer sinceIdle;
        sinceIdle.start();
        WireClient b2(m_cluster.nodePort(2));
        QVERIFY(b2.join(QStringLiteral("grace"), m_bob));
        const qint64 rejoinMs = sinceIdle.elapsed(); // within the leave timeout (3 s)?
        QList<QJsonObject> seen;
        QVERIFY2(!waitPresence(a, QStringLiteral("back"), b.userId(), &seen).isEmpty(),
                 qPrintable(QStringLiteral("no back for %1 (joined again %2 ms after his idle "
                                           "reached alice); saw: %3")
                                .arg(b.userId())
                                .arg(rejoinMs)
                                .arg(describe(seen))));
        seen += collect(a, 1000);
        QCOMPARE(countOf(seen, QStringLiteral("leave"), b.userId()), 0);
        QCOMPARE(countOf(seen, QStringLiteral("join"), b.userId()), 0);
        QVERIFY(m_cluster.startNode(1));
    }

    void stalledNodeUsersComeBackWhenItResumes()
    {
        // Bob's node stalls past the heartbeat TTL (swapping, a paused VM): the others
        // take it for dead and bob goes idle. When it resumes, bob is still connected and
        // active there: he comes back by himself (or joins again, had he left meanwhile).
        WireClient a(m_cluster.nodePort(0)), b(m_cluster.nodePort(1));
        QVERIFY(a.join(QStringLiteral("stall"), m_alice));
        QVERIFY(b.join(QStringLiteral("stall"), m_bob));
        QVERIFY(!waitPresence(a, QStringLiteral("join"), b.userId()).isEmpty());
        QVERIFY(m_cluster.pauseNode(1, true));
        const bool idle = !waitPresence(a, QStringLiteral("idle"), b.userId()).isEmpty();
        QVERIFY(m_cluster.pauseNode(1, false));
        QVERIFY(idle);
        QList<QJsonObject> seen;
        const QDeadlineTimer deadline(20000);
        bool present = false;
        while (!present && !deadline.hasExpired()) {
            a.send(QJsonObject{{kType, QStringLiteral("ping")}});
            const QJsonObject e = a.next(100);
            if (e.isEmpty() || e.value(kType).toString() == QLatin1String("pong"))
                continue;
            seen.append(e);
            const QString type = e.value(kType).toString();
            present = userIdOf(e) == b.userId() &&
                      (type == QLatin1String("back") || type == QLatin1String("join"));
        }
        QVERIFY2(present,
                 qPrintable(QStringLiteral("bob never came back; saw: %1").arg(describe(seen))));
        // His connection was kept all along.
        b.send(QJsonObject{{kType, QStringLiteral("ping")}});
        QVERIFY(!b.waitFor(QStringLiteral("pong")).isEmpty());
    }

    void killedNodeClientsResumeElsewhere()
    {
        const QString room = QStringLiteral("resume");
        WireClient a(m_cluster.nodePort(0)), b(m_cluster.nodePort(1));
        QVERIFY(a.join(room, m_alice));
        QVERIFY(b.join(room, m_bob));
        QStringList sent;
        for (int i = 0; i < 40; ++i)
            sent.append(QStringLiteral("m%1").arg(i));
        QStringList got;
        QString lastId;
        for (int i = 0; i < sent.size(); ++i) {
            a.send(message(sent[i]));
            if (i == 15) {
                // Bob read some; his node dies under load.
                while (got.size() < 10) {
                    const QJsonObject e = b.waitFor(kMessage);
                    QVERIFY(!e.isEmpty());
                    got.append(e.value(kContent).toString());
                    lastId = e.value(kId).toString();
                }
                m_cluster.killNode(1);
            }
        }
        for (const QString &t : sent)
            QCOMPARE(a.waitFor(kMessage).value(kContent).toString(), t); // all stored
        // Bob resumes on another node from the last id he saw: the rest, once, in order.
        WireClient b2(m_cluster.nodePort(2));
        QVERIFY(b2.join(room, m_bob, QJsonObject{{QStringLiteral("last_event_id"), lastId}}));
        got += contentsOf(b2.replay());
        QCOMPARE(got, sent);
        QVERIFY(m_cluster.startNode(1));
    }

    void resentIdAfterNodeDeathIsOneMessage()
    {
        const QString room = QStringLiteral("resend");
        WireClient a(m_cluster.nodePort(0)), c(m_cluster.nodePort(1));
        QVERIFY(a.join(room, m_alice));
        QVERIFY(c.join(room, m_carol));
        const QJsonObject m =
            message(QStringLiteral("once"), QJsonObject{{kId, QStringLiteral("c-1")}});
        c.send(m);
        QCOMPARE(a.waitFor(kMessage).value(kId).toString(), QStringLiteral("c-1"));
        m_cluster.killNode(1); // before Carol saw her echo
        WireClient c2(m_cluster.nodePort(2));
        QVERIFY(c2.join(room, m_carol));
        c2.send(m);
        const QJsonObject ack = c2.waitFor(kMessage);
        QCOMPARE(ack.value(kId).toString(), QStringLiteral("c-1"));
        QCOMPARE(ack.value(kContent).toString(), QStringLiteral("once"));
        QCOMPARE(contentsOf(collect(a, 800)), QStringList()); // Alice: no second copy
        QVERIFY(m_cluster.startNode(1));
    }

    void oneNatsServerKilled()
    {
        const QString room = QStringLiteral("nats-minority");
        m_cluster.nats()->kill(1);
        const auto pa = joinRetrying(m_cluster.nodePort(0), room, m_alice);
        const auto pb = joinRetrying(m_cluster.nodePort(2), room, m_bob);
        QVERIFY(pa && pb);
        WireClient &a = *pa;
        WireClient &b = *pb;
        QStringList sent;
        for (int i = 0; i < 20; ++i) {
            sent.append(QStringLiteral("n%1").arg(i));
            a.send(message(sent.last()));
        }
        QStringList got;
        while (got.size() < sent.size()) {
            const QJsonObject e = b.waitFor(kMessage, nullptr, 20000);
            if (e.isEmpty()) // say whether the sender was told (not stored) or not
                qWarning("sender saw: %s", qPrintable(types(a.sync()).join(QLatin1Char(' '))));
            QVERIFY2(!e.isEmpty(), "a message was lost with one NATS server down");
            got.append(e.value(kContent).toString());
        }
        QCOMPARE(got, sent);
        QVERIFY(m_cluster.nats()->start(1));
        // Right after the failover a join may be refused ("Storage unavailable") until
        // the node follows the stream again; a client retries.
        std::unique_ptr<WireClient> late;
        bool joined = false;
        const QDeadlineTimer deadline(30000);
        while (!joined && !deadline.hasExpired()) {
            late = std::make_unique<WireClient>(m_cluster.nodePort(1));
            joined = late->join(room, m_carol, QJsonObject{{QStringLiteral("history"), 50}});
            if (!joined)
                QTest::qWait(300);
        }
        QVERIFY(joined);
        QCOMPARE(contentsOf(late->replay()), sent);
    }

    void natsUnreachableThenBack()
    {
        const QString room = QStringLiteral("nats-gone");
        WireClient a(m_cluster.nodePort(0));
        QVERIFY(a.join(room, m_alice));
        QCOMPARE(health(m_cluster.metricsPort(1)), 200);
        for (int i = 0; i < m_cluster.nats()->size(); ++i)
            m_cluster.nats()->kill(i);
        // A load balancer's health check takes the node out.
        QTRY_COMPARE_WITH_TIMEOUT(health(m_cluster.metricsPort(1)), 503, 10000);
        a.send(message(QStringLiteral("lost?"), QJsonObject{{kId, QStringLiteral("g-1")}}));
        const QJsonObject error = a.waitFor(QStringLiteral("error"));
        QCOMPARE(error.value(kMessage).toString(), QStringLiteral("Message not stored"));
        QCOMPARE(error.value(kId).toString(), QStringLiteral("g-1"));
        {
            WireClient refused(m_cluster.nodePort(1));
            QVERIFY(refused.open());
            refused.send(QJsonObject{{kType, QStringLiteral("connect")},
                                     {QStringLiteral("room"), room},
                                     {QStringLiteral("token"), m_bob}});
            QList<QJsonObject> events;
            QVERIFY(refused.waitClosed(&events));
            QVERIFY(!events.isEmpty());
            QCOMPARE(events.last().value(kMessage).toString(),
                     QStringLiteral("Storage unavailable, try another server"));
        }
        QVERIFY(m_cluster.nats()->start());
        // The nodes recover by themselves: the re-sent message is stored, once.
        QDeadlineTimer deadline(60000);
        bool stored = false;
        while (!stored && !deadline.hasExpired()) {
            a.send(message(QStringLiteral("lost?"), QJsonObject{{kId, QStringLiteral("g-1")}}));
            const QJsonObject e = a.next(3000);
            stored = e.value(kType).toString() == kMessage;
            if (!stored)
                QTest::qWait(500);
        }
        QVERIFY(stored);
        QTRY_COMPARE_WITH_TIMEOUT(health(m_cluster.metricsPort(1)), 200, 30000);
        // Every node takes connections again (until then: "Storage unavailable").
        for (int node = 0; node < m_cluster.nodeCount(); ++node) {
            std::unique_ptr<WireClient> b;
            const QDeadlineTimer joinDeadline(30000);
            bool joined = false;
            while (!joined && !joinDeadline.hasExpired()) {
                b = std::make_unique<WireClient>(m_cluster.nodePort(node));
                joined = b->join(room, m_bob, QJsonObject{{QStringLiteral("history"), 10}});
                if (!joined)
                    QTest::qWait(300);
            }
            QVERIFY2(joined, qPrintable(QString::number(node)));
            QCOMPARE(contentsOf(b->replay()), QStringList{QStringLiteral("lost?")});
        }
    }

    void nodeStartedBeforeNatsWaits()
    {
        NatsCluster nats(1);
        QTemporaryDir dir;
        QProcess node;
        node.setStandardErrorFile(dir.filePath(QStringLiteral("node.log")));
        node.start(TestServer::binary(),
                   {QStringLiteral("--cluster"), nats.urls(), QStringLiteral("--node-name"),
                    QStringLiteral("early"), QStringLiteral("--listen"),
                    QStringLiteral("127.0.0.1:0")});
        QVERIFY(node.waitForStarted());
        const auto log = [&] {
            QFile file(dir.filePath(QStringLiteral("node.log")));
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        };
        QTRY_VERIFY_WITH_TIMEOUT(log().contains("waiting for NATS at nats://127.0.0.1"), 15000);
        QVERIFY(node.readAllStandardOutput().isEmpty()); // not listening yet
        QVERIFY(nats.start());
        QByteArray out;
        const QDeadlineTimer deadline(30000);
        while (!out.contains("listening on") && !deadline.hasExpired()) {
            node.waitForReadyRead(200);
            out += node.readAllStandardOutput();
        }
        QVERIFY2(out.startsWith("listening on"), out.constData());
        node.terminate();
        QVERIFY(node.waitForFinished(10000));
    }

private:
    static bool grepDir(const QString &dir, const QByteArray &needle)
    {
        QProcess grep;
        grep.start(QStringLiteral("grep"),
                   {QStringLiteral("-rqF"), QString::fromUtf8(needle), dir});
        grep.waitForFinished(20000);
        return grep.exitCode() == 0;
    }

    TestServer m_cluster{3,
                         3,
                         {QStringLiteral("--idle-timeout"), QStringLiteral("60"),
                          QStringLiteral("--leave-timeout"), QStringLiteral("3"),
                          QStringLiteral("--metrics"), QStringLiteral("127.0.0.1:0")}};
    QString m_alice, m_bob, m_carol;
};

QTEST_GUILESS_MAIN(TestCluster)
#include "tst_cluster.moc"
