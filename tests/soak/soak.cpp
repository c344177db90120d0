// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// Fault soak: the real talker-server and N clients built on the client core
// (talker::client::Account/Room: sessions, outbox, reconnection) chat in several rooms
// while the server is SIGKILLed and restarted and client sockets are cut. At the end
// every client must show every message sent to its room exactly once, in the order the
// server stored them. Prints sent / received / lost / duplicated / out of order and exits
// non-zero unless lost, duplicated and out-of-order are all 0.
//
//   talker-soak --duration 60 --clients 24 --rooms 4 --kills 3      (CI: ~90 s)
//   talker-soak --duration 600 --clients 40 --rooms 6 --kills 20    (long)
#include "client/account.h"
#include "client/outbox.h"
#include "client/room.h"
#include "client/timeline.h"
#include "natscluster.h"
#include "soakchecker.h"
#include "sqliteinspector.h"
#include "testserver.h"

#include <QAbstractSocket>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>
#include <memory>
#include <vector>

using namespace talker;

namespace {

struct Options
{
    int durationS = 60;
    int clients = 24;
    int rooms = 4;
    int kills = 3;
    bool cluster = false; ///< 3 nodes over 3 NATS; kills rotate over the nodes, one NATS dies
    int cutEveryMs = 4000;
    int sendEveryMs = 1500; ///< mean interval between two messages of one client
    int settleS = 90;       ///< time allowed after the chat to deliver everything
    quint32 seed = 1;
};

struct Client
{
    std::unique_ptr<client::Account> account;
    client::Room *room = nullptr;
    QString roomName;
    int sent = 0;
};

/// Waits in the event loop for `ms` milliseconds.
void pump(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, qMin<qint64>(50, ms - t.elapsed()));
}

/// Cuts a client's network: its socket is aborted under the session's feet.
bool cutSocket(client::Room *room)
{
    for (QAbstractSocket *s : room->session()->findChildren<QAbstractSocket *>()) {
        if (s->state() == QAbstractSocket::ConnectedState) {
            s->abort();
            return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Talker fault soak"));
    parser.addHelpOption();
    const QCommandLineOption duration(QStringLiteral("duration"),
                                      QStringLiteral("Seconds of chat."), QStringLiteral("s"),
                                      QStringLiteral("60"));
    const QCommandLineOption clients(QStringLiteral("clients"), QStringLiteral("Clients."),
                                     QStringLiteral("n"), QStringLiteral("24"));
    const QCommandLineOption rooms(QStringLiteral("rooms"), QStringLiteral("Rooms."),
                                   QStringLiteral("n"), QStringLiteral("4"));
    const QCommandLineOption kills(QStringLiteral("kills"), QStringLiteral("Server SIGKILLs."),
                                   QStringLiteral("n"), QStringLiteral("3"));
    const QCommandLineOption cutEvery(QStringLiteral("cut-every"),
                                      QStringLiteral("Milliseconds between socket cuts."),
                                      QStringLiteral("ms"), QStringLiteral("4000"));
    const QCommandLineOption sendEvery(QStringLiteral("send-every"),
                                       QStringLiteral("Mean ms between messages per client."),
                                       QStringLiteral("ms"), QStringLiteral("1500"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Random seed."),
                                  QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption cluster(
        QStringLiteral("cluster"),
        QStringLiteral("Cluster form: 3 talker nodes over 3 NATS servers (nats-server); the "
                       "SIGKILLs rotate over the nodes, one NATS server is killed half-way, "
                       "and every client knows every node's address."));
    parser.addOptions({duration, clients, rooms, kills, cutEvery, sendEvery, seed, cluster});
    parser.process(app);
    Options o;
    o.durationS = qMax(5, parser.value(duration).toInt());
    o.clients = qMax(2, parser.value(clients).toInt());
    o.rooms = qBound(1, parser.value(rooms).toInt(), o.clients);
    o.kills = qMax(0, parser.value(kills).toInt());
    o.cutEveryMs = qMax(0, parser.value(cutEvery).toInt());
    o.sendEveryMs = qMax(50, parser.value(sendEvery).toInt());
    o.seed = parser.value(seed).toUInt();
    o.cluster = parser.isSet(cluster);
    QRandomGenerator rng(o.seed);
    QLoggingCategory::setFilterRules(QStringLiteral("talker.*.info=false\n*.debug=false"));

    const QStringList serverArgs{QStringLiteral("--replay-cap"), QStringLiteral("1000000")};
    test::TestServer server =
        o.cluster ? test::TestServer(3, 3, serverArgs) : test::TestServer(serverArgs);
    if (!server.start()) {
        std::fprintf(stderr, "soak: the server did not start\n");
        return 2;
    }
    const QString checkerToken = server.addUser(QStringLiteral("checker"));
    QTemporaryDir cacheDir;
    client::SessionSettings settings;
    settings.pingIntervalMs = 2000;
    settings.deadLinkTimeoutMs = 6000;
    settings.connectTimeoutMs = 5000;
    settings.backoffInitialMs = 200;
    settings.backoffMaxMs = 1500;
    settings.maxSendAttempts = 1000; // the soak measures delivery, not the "failed" marking

    std::vector<Client> all(size_t(o.clients));
    for (int i = 0; i < o.clients; ++i) {
        const QString name = QStringLiteral("soak%1").arg(i);
        const QString token = server.addUser(name);
        if (token.isEmpty()) {
            std::fprintf(stderr, "soak: cannot add user %s\n", qPrintable(name));
            return 2;
        }
        client::AccountConfig config;
        config.id = name;
        config.host = QStringLiteral("127.0.0.1");
        config.port = server.port();
        if (o.cluster) { // every node, starting at a different one per client
            QStringList nodes;
            for (int n = 0; n < server.nodeCount(); ++n)
                nodes.append(QStringLiteral("127.0.0.1:%1")
                                 .arg(server.nodePort((i + n) % server.nodeCount())));
            config.setAddresses(nodes.join(QLatin1Char(',')), 8500);
        }
        Client &c = all[size_t(i)];
        c.account = std::make_unique<client::Account>(
            config, cacheDir.filePath(name + QStringLiteral(".db")));
        c.account->setSessionSettings(settings);
        c.account->setWindowSize(1000000);
        c.roomName = QStringLiteral("room%1").arg(i % o.rooms);
        c.room = c.account->joinRoom(c.roomName);
        c.account->setToken(token);
    }

    // Everyone in before the chat starts.
    QElapsedTimer clock;
    clock.start();
    auto allConnected = [&] {
        for (const Client &c : all)
            if (!c.room->isConnected())
                return false;
        return true;
    };
    while (!allConnected() && clock.elapsed() < 60000)
        pump(100);
    if (!allConnected()) {
        std::fprintf(stderr, "soak: not every client connected within 60 s\n");
        return 2;
    }
    std::printf("soak: %d clients in %d rooms connected in %lld ms (seed %u)\n", o.clients, o.rooms,
                clock.elapsed(), o.seed);
    std::fflush(stdout);

    // Sent messages per room: content is unique, so a re-send under a new id would
    // show up as a duplicate.
    QHash<QString, QStringList> sentByRoom;
    int sentTotal = 0;
    int killsDone = 0;
    int cutsDone = 0;
    qint64 natsBackAt = -1; // cluster form: when the killed NATS server restarts
    bool natsKilled = false;
    const qint64 chatMs = qint64(o.durationS) * 1000;
    QList<qint64> killAt;
    for (int k = 1; k <= o.kills; ++k)
        killAt.append(chatMs * k / (o.kills + 1));
    qint64 nextCut = o.cutEveryMs;
    const double sendProbabilityPerTick = 50.0 / o.sendEveryMs; // ticks of 50 ms

    clock.restart();
    while (clock.elapsed() < chatMs) {
        for (Client &c : all) {
            if (rng.generateDouble() < sendProbabilityPerTick) {
                const QString text = QStringLiteral("%1 says %2").arg(c.account->id()).arg(c.sent);
                if (!c.room->sendMessage(text).isEmpty()) {
                    ++c.sent;
                    ++sentTotal;
                    sentByRoom[c.roomName].append(text);
                }
            }
        }
        if (!killAt.isEmpty() && clock.elapsed() >= killAt.first()) {
            killAt.removeFirst();
            const int node = killsDone % qMax(1, server.nodeCount());
            if (o.cluster)
                server.killNode(node); // SIGKILL of one node; its clients move on
            else
                server.kill(); // SIGKILL
            ++killsDone;
            const int down = 300 + int(rng.bounded(1200));
            std::printf(
                "soak: t=%llds SIGKILL server #%d, down %d ms (messages keep being typed)\n",
                clock.elapsed() / 1000, killsDone, down);
            std::fflush(stdout);
            pump(down);
            if (o.cluster ? !server.startNode(node) : !server.start(true)) {
                std::fprintf(stderr, "soak: the server did not restart on port %u\n",
                             server.port());
                return 2;
            }
        }
        if (o.cluster && !natsKilled && clock.elapsed() >= chatMs / 2) {
            natsKilled = true;
            server.nats()->kill(1); // one NATS server of three: service goes on
            natsBackAt = clock.elapsed() + 3000;
            std::printf("soak: t=%llds SIGKILL NATS server 1 of 3 for 3 s\n",
                        clock.elapsed() / 1000);
            std::fflush(stdout);
        }
        if (natsBackAt >= 0 && clock.elapsed() >= natsBackAt) {
            natsBackAt = -1;
            if (!server.nats()->start(1)) {
                std::fprintf(stderr, "soak: NATS server 1 did not restart\n");
                return 2;
            }
        }
        if (o.cutEveryMs > 0 && clock.elapsed() >= nextCut) {
            nextCut += o.cutEveryMs;
            Client &victim = all[size_t(rng.bounded(o.clients))];
            if (cutSocket(victim.room))
                ++cutsDone;
        }
        pump(50);
    }

    // Settle: every outbox empty and every client has everything of its room.
    auto missing = [&] {
        qint64 count = 0;
        for (const Client &c : all) {
            count += c.account->outbox()->count();
            QSet<QString> have;
            const client::Timeline *t = c.room->timeline();
            for (int i = 0; i < t->count(); ++i)
                have.insert(t->at(i).text);
            for (const QString &text : sentByRoom.value(c.roomName))
                count += have.contains(text) ? 0 : 1;
        }
        return count;
    };
    clock.restart();
    while (missing() > 0 && clock.elapsed() < o.settleS * 1000)
        pump(200);
    const qint64 settleMs = clock.elapsed();

    // The server's order, read from its store through the protocol.
    QHash<QString, QList<soak::StoredMessage>> stored;
    for (int r = 0; r < o.rooms; ++r) {
        const QString name = QStringLiteral("room%1").arg(r);
        QString error;
        if (!soak::SoakChecker::readHistory(server.port(), checkerToken, name, &stored[name],
                                            &error)) {
            std::fprintf(stderr, "soak: %s\n", qPrintable(error));
            return 2;
        }
    }

    qint64 expected = 0, received = 0, lost = 0, duplicated = 0, outOfOrder = 0, pending = 0;
    qint64 lostAtServer = 0, storedDuplicates = 0;
    for (auto it = sentByRoom.constBegin(); it != sentByRoom.constEnd(); ++it) {
        QHash<QString, int> storedCount;
        for (const soak::StoredMessage &m : stored.value(it.key()))
            ++storedCount[m.content];
        for (const QString &text : it.value()) {
            if (storedCount.value(text) == 0)
                ++lostAtServer;
            else if (storedCount.value(text) > 1)
                storedDuplicates += storedCount.value(text) - 1;
        }
    }
    for (const Client &c : all) {
        const QStringList sent = sentByRoom.value(c.roomName);
        QHash<QString, int> seen;
        QStringList order; // ids in the client's order
        const client::Timeline *t = c.room->timeline();
        for (int i = 0; i < t->count(); ++i) {
            const client::Message &m = t->at(i);
            if (m.isPrivate || m.deleted)
                continue;
            ++seen[m.text];
            order.append(m.id);
            if (m.delivery != client::Message::Delivery::Sent)
                ++pending;
        }
        expected += sent.size();
        for (const QString &text : sent) {
            const int n = seen.value(text);
            if (n == 0)
                ++lost;
            else
                ++received;
            if (n > 1)
                duplicated += n - 1;
        }
        // Order: the client's sequence must be the server's, message for message.
        QStringList serverOrder;
        for (const soak::StoredMessage &m : stored.value(c.roomName))
            serverOrder.append(m.id);
        if (order != serverOrder) {
            ++outOfOrder;
            if (outOfOrder <= 3) {
                int at = 0;
                while (at < order.size() && at < serverOrder.size() && order[at] == serverOrder[at])
                    ++at;
                std::fprintf(stderr,
                             "soak: %s differs from the server's order at position %d "
                             "(client has %lld, server %lld)\n",
                             qPrintable(c.account->id()), at, qint64(order.size()),
                             qint64(serverOrder.size()));
                QHash<QString, QString> textOf;
                for (const soak::StoredMessage &m : stored.value(c.roomName))
                    textOf.insert(m.id, m.content);
                for (int k = qMax(0, at - 1); k < qMin<qsizetype>(at + 4, order.size()); ++k)
                    std::fprintf(stderr, "soak:   #%d client '%s'  server '%s'\n", k,
                                 qPrintable(textOf.value(order[k])),
                                 k < serverOrder.size() ? qPrintable(textOf.value(serverOrder[k]))
                                                        : "");
            }
        }
    }

    std::printf("soak: %d s chat, %d clients, %d rooms, %d server SIGKILLs, %d socket cuts, "
                "settled in %lld ms\n",
                o.durationS, o.clients, o.rooms, killsDone, cutsDone, settleMs);
    std::printf("soak: messages sent %d, stored by the server %lld (lost at server %lld, "
                "stored twice %lld)\n",
                sentTotal, qint64(sentTotal) - lostAtServer, lostAtServer, storedDuplicates);
    std::printf("soak: deliveries expected %lld, received %lld, lost %lld, duplicated %lld, "
                "clients out of server order %lld, still pending %lld\n",
                expected, received, lost, duplicated, outOfOrder, pending);
    // After all the SIGKILLs the database must still be sound (a cluster has none:
    // what the nodes stored is in JetStream, checked above through the protocol).
    server.stop();
    const QString integrity =
        o.cluster
            ? QStringLiteral("ok")
            : test::SqliteInspector(server.databasePath(), test::SqliteInspector::Mode::ReadOnly)
                  .text(QStringLiteral("PRAGMA integrity_check"));
    if (!o.cluster)
        std::printf("soak: server database after %d SIGKILLs: integrity_check = %s\n", killsDone,
                    qPrintable(integrity.isEmpty() ? QStringLiteral("(cannot open)") : integrity));

    const bool ok = lost == 0 && duplicated == 0 && outOfOrder == 0 && lostAtServer == 0 &&
                    storedDuplicates == 0 && pending == 0 && sentTotal > 0 &&
                    integrity == QLatin1String("ok");
    std::printf("soak: %s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
