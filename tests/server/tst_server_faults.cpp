// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// Storage faults and TLS: a message that cannot be stored is not broadcast and the
// sender gets "Message not stored" (nothing stored before is lost, a retry works);
// what the event journal holds survives a locked database and a kill; the server
// serves TLS with a certificate made at test time.
#include "databaselock.h"
#include "selfsignedcert.h"
#include "sqliteinspector.h"
#include "testserver.h"
#include "wireclient.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTest>
#include <filesystem>
#include <memory>
#include <vector>

using namespace talker::test;

namespace {

/// A room and the token of a reader who checks its history.
struct Reader
{
    QString room;
    QString token;
};

/// A message by id and text.
struct Sent
{
    QString id;
    QString text;
};

/// After a failed write, the client's outbox sends the message again: it goes through
/// (`watcher` receives it) and is stored once, so the room's history is `history`.
void retryIsStoredOnce(quint16 port, WireClient &sender, WireClient &watcher, const Reader &reader,
                       const Sent &retry, const QStringList &history)
{
    sender.send(message(retry.text, {{QStringLiteral("id"), retry.id}}));
    QCOMPARE(watcher.waitFor(kMessage).value(kContent).toString(), retry.text);
    WireClient c(port);
    QVERIFY(c.join(reader.room, reader.token, {{QStringLiteral("history"), 50}}));
    QCOMPARE(contents(c.handshake()), history);
}

} // namespace

class TestServerFaults : public QObject
{
    Q_OBJECT

private slots:
    void lockedDatabaseRefusesOnceItsImportFailedAndLosesNothing()
    {
        TestServer server({QStringLiteral("--db-busy-timeout"), QStringLiteral("0.2")});
        QString alice, bob;
        QVERIFY(server.startWithUsers(
            {{QStringLiteral("alice"), &alice}, {QStringLiteral("bob"), &bob}}));
        WireClient a(server.port()), b(server.port());
        QVERIFY(joinAll(QStringLiteral("r"), {{&a, alice}, {&b, bob}}));
        a.send(message(QStringLiteral("first"), {{QStringLiteral("id"), QStringLiteral("k1")}}));
        QCOMPARE(b.waitFor(kMessage).value(kContent).toString(), QStringLiteral("first"));
        a.sync();
        b.sync();

        QStringList accepted{QStringLiteral("first")};
        QJsonObject refusal;
        {
            // Another process holds the write lock: the disk is "unavailable". What is
            // sent is journaled and broadcast until the import has waited out the busy
            // timeout and failed; from then on messages are refused.
            DatabaseLock lock(server.databasePath());
            QVERIFY(lock.isHeld());
            QElapsedTimer waited;
            waited.start();
            for (int i = 2; i < 200 && refusal.isEmpty(); ++i) {
                const QString text = QStringLiteral("m%1").arg(i);
                a.send(message(text, {{QStringLiteral("id"), QStringLiteral("k%1").arg(i)}}));
                const QJsonObject reply = a.next();
                if (reply.value(kType).toString() == QStringLiteral("error")) {
                    refusal = reply;
                    break;
                }
                QCOMPARE(reply.value(kContent).toString(), text);
                QCOMPARE(b.waitFor(kMessage).value(kContent).toString(), text);
                accepted.append(text);
                QTest::qWait(20);
            }
            QCOMPARE(refusal.value(kMessage).toString(), QStringLiteral("Message not stored"));
            // Only after the import waited out the busy timeout (a loaded machine makes
            // it later, never sooner).
            QVERIFY2(waited.elapsed() >= 200, qPrintable(QString::number(waited.elapsed())));
            QVERIFY(accepted.size() >= 2);
            // Not broadcast, connection still open.
            QVERIFY(!types(b.sync()).contains(kMessage));
            QVERIFY(a.isOpen());
            QVERIFY(lock.release());
        }
        // The client's outbox retries: now it goes through, once, after what the
        // journal held through the lock.
        const QString id = refusal.value(QStringLiteral("id")).toString();
        const QString text = QStringLiteral("m") + id.mid(1);
        QTRY_VERIFY_WITH_TIMEOUT(server.log().contains("takes events again"), 5000);
        retryIsStoredOnce(server.port(), a, b, {QStringLiteral("r"), bob}, {id, text},
                          accepted + QStringList{text});
    }

    void lockedDatabaseDelaysNoRoom()
    {
        // Before the event journal, a locked database held up its room's messages (and,
        // before the store writer, every room of the thread); until reads waited only
        // for their own room's import, a replay of any room waited too. The busy timeout
        // is far longer than the test: the import waits as long as the lock is held.
        TestServer server({QStringLiteral("--db-busy-timeout"), QStringLiteral("60"),
                           QStringLiteral("--threads"), QStringLiteral("1")});
        QString alice, bob;
        QVERIFY(server.startWithUsers(
            {{QStringLiteral("alice"), &alice}, {QStringLiteral("bob"), &bob}}));
        WireClient a(server.port());
        QVERIFY(a.join(QStringLiteral("locked"), alice));
        std::vector<std::unique_ptr<WireClient>> others;
        for (int i = 0; i < 4; ++i) {
            others.push_back(std::make_unique<WireClient>(server.port()));
            QVERIFY(others.back()->join(QStringLiteral("other-%1").arg(i), bob));
            others.back()->sync();
        }
        a.send(message(QStringLiteral("before"), {{QStringLiteral("id"), QStringLiteral("k0")}}));
        QCOMPARE(a.waitFor(kMessage).value(kContent).toString(), QStringLiteral("before"));
        {
            WireClient earlier(server.port());
            QVERIFY(earlier.join(QStringLiteral("quiet"), bob));
            for (const char *text : {"old", "new"}) {
                earlier.send(message(
                    QString::fromLatin1(text),
                    {{QStringLiteral("id"), QStringLiteral("k-") + QString::fromLatin1(text)}}));
                QCOMPARE(earlier.waitFor(kMessage).value(kContent).toString(),
                         QString::fromLatin1(text));
            }
        }
        SqliteInspector inspect(server.databasePath());
        QVERIFY(inspect.isOpen());
        const auto stored = [&](const QString &text) {
            return inspect.number(
                QStringLiteral("SELECT COUNT(*) FROM events WHERE content = '%1'").arg(text));
        };
        QVERIFY(QTest::qWaitFor([&] {
            return stored(QStringLiteral("before")) == 1 && stored(QStringLiteral("new")) == 1;
        }));

        DatabaseLock lock(server.databasePath());
        QVERIFY(lock.isHeld());
        // Sent at once: the journal holds it ...
        a.send(message(QStringLiteral("during"), {{QStringLiteral("id"), QStringLiteral("k1")}}));
        QCOMPARE(a.waitFor(kMessage).value(kContent).toString(), QStringLiteral("during"));
        // ... the other rooms talk on ...
        for (const auto &other : others) {
            other->send(message(QStringLiteral("elsewhere")));
            QCOMPARE(other->waitFor(kMessage).value(kContent).toString(),
                     QStringLiteral("elsewhere"));
        }
        // ... a join that replays a room with nothing waiting for the import does not
        // wait for the locked one's (nor does its thread, which has every room here) ...
        QElapsedTimer joining;
        joining.start();
        WireClient late(server.port());
        QVERIFY(late.join(QStringLiteral("quiet"), alice,
                          {{QStringLiteral("last_event_id"), QStringLiteral("k-old")}}));
        QCOMPARE(contents(late.handshake()), QStringList{QStringLiteral("new")});
        QVERIFY2(joining.elapsed() < 3000, qPrintable(QString::number(joining.elapsed())));
        // ... and the database has none of it while the lock is held (readers still read).
        QTest::qWait(100);
        QCOMPARE(stored(QStringLiteral("during")), 0);
        QCOMPARE(stored(QStringLiteral("elsewhere")), 0);
        QVERIFY(lock.isHeld());
        // Once the lock goes, the import goes through: stored once, after what came before.
        QVERIFY(lock.release());
        QVERIFY(QTest::qWaitFor([&] { return stored(QStringLiteral("during")) == 1; }));
        QCOMPARE(stored(QStringLiteral("elsewhere")), 4);
        WireClient c(server.port());
        QVERIFY(c.join(QStringLiteral("locked"), bob, {{QStringLiteral("history"), 50}}));
        QCOMPARE(contents(c.handshake()),
                 QStringList({QStringLiteral("before"), QStringLiteral("during")}));
    }

    void journaledEventsSurviveAKill()
    {
        // Sent, so journaled, but not in the database yet (it is locked) when the
        // server is killed: the next start imports them, once, in order.
        TestServer server({QStringLiteral("--db-busy-timeout"), QStringLiteral("60")});
        QString alice, bob;
        QVERIFY(server.startWithUsers(
            {{QStringLiteral("alice"), &alice}, {QStringLiteral("bob"), &bob}}));
        WireClient a(server.port());
        QVERIFY(a.join(QStringLiteral("r"), alice));
        a.send(message(QStringLiteral("before")));
        QCOMPARE(a.waitFor(kMessage).value(kContent).toString(), QStringLiteral("before"));
        QStringList sent{QStringLiteral("before")};
        {
            SqliteInspector inspect(server.databasePath());
            QVERIFY(QTest::qWaitFor([&] {
                return inspect.number(QStringLiteral("SELECT COUNT(*) FROM messages")) == 1;
            }));
        }
        {
            DatabaseLock lock(server.databasePath());
            QVERIFY(lock.isHeld());
            for (int i = 0; i < 20; ++i) {
                sent.append(QStringLiteral("journaled %1").arg(i));
                a.send(message(sent.last()));
                QCOMPARE(a.waitFor(kMessage).value(kContent).toString(), sent.last());
            }
            server.kill();
            QVERIFY(QFileInfo(server.databasePath() + QStringLiteral("-events")).size() > 0);
            QVERIFY(lock.release());
        }
        QVERIFY(server.start());
        QVERIFY(server.log().contains("imported 20 events journaled before the last stop"));
        WireClient c(server.port());
        QVERIFY(c.join(QStringLiteral("r"), bob, {{QStringLiteral("history"), 50}}));
        QCOMPARE(contents(c.handshake()), sent);
        // The next start finds nothing more to import.
        server.stop();
        QVERIFY(server.start());
        QCOMPARE(server.log().count("journaled before the last stop"), 1);
    }

    void immutableShmRefusesWritesWithoutCrashing()
    {
        TestServer server;
        QString alice, bob;
        QVERIFY(server.startWithUsers(
            {{QStringLiteral("alice"), &alice}, {QStringLiteral("bob"), &bob}}));
        const QString shm = server.databasePath() + QStringLiteral("-shm");
        if (QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("+i"), shm}) != 0)
            QSKIP("chattr +i needs root and a file system with attributes (ext4, xfs, btrfs)");
        // Undone whatever happens, or the test's directory cannot be removed.
        const std::shared_ptr<void> undo(nullptr, [shm](void *) {
            QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("-i"), shm});
        });
        QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("-i"), shm});
        WireClient a(server.port()), b(server.port());
        QVERIFY(joinAll(QStringLiteral("r"), {{&a, alice}, {&b, bob}}));
        a.send(message(QStringLiteral("before"), {{QStringLiteral("id"), QStringLiteral("k0")}}));
        QCOMPARE(b.waitFor(kMessage).value(kContent).toString(), QStringLiteral("before"));
        b.sync();
        {
            // Imported: no import of it meets the fault below.
            SqliteInspector inspect(server.databasePath());
            QVERIFY(QTest::qWaitFor([&] {
                return inspect.number(QStringLiteral(
                           "SELECT COUNT(*) FROM events WHERE content = 'before'")) == 1;
            }));
        }

        // A write to the shared mapping of an immutable file is a SIGBUS: refused first.
        QCOMPARE(QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("+i"), shm}), 0);
        a.send(message(QStringLiteral("during"), {{QStringLiteral("id"), QStringLiteral("k1")}}));
        const QJsonObject error = a.waitFor(QStringLiteral("error"));
        QCOMPARE(error.value(kMessage).toString(), QStringLiteral("Message not stored"));
        QCOMPARE(error.value(QStringLiteral("id")).toString(), QStringLiteral("k1"));
        QVERIFY(!types(b.sync()).contains(kMessage));
        QVERIFY(a.isOpen());
        QVERIFY(server.log().contains("STORAGE FAULT"));

        // Writable again: the retry goes through.
        QCOMPARE(QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("-i"), shm}), 0);
        a.send(message(QStringLiteral("during"), {{QStringLiteral("id"), QStringLiteral("k1")}}));
        QCOMPARE(b.waitFor(kMessage).value(kContent).toString(), QStringLiteral("during"));
    }

    void deletedDatabaseRefusesWrites_data()
    {
        QTest::addColumn<bool>("hardLinked");
        QTest::newRow("last link") << false;
        // Its link count stays 1: only its name tells that it is gone.
        QTest::newRow("another hard link") << true;
    }

    void deletedDatabaseRefusesWrites()
    {
        // SQLite goes on writing to a deleted file (its directory removed, say): what
        // it "stores" is gone at the next start, so nothing may be broadcast.
        QFETCH(bool, hardLinked);
        TestServer server;
        QString alice, bob;
        QVERIFY(server.startWithUsers(
            {{QStringLiteral("alice"), &alice}, {QStringLiteral("bob"), &bob}}));
        WireClient a(server.port()), b(server.port());
        QVERIFY(joinAll(QStringLiteral("r"), {{&a, alice}, {&b, bob}}));
        a.send(message(QStringLiteral("before"), {{QStringLiteral("id"), QStringLiteral("k0")}}));
        QCOMPARE(b.waitFor(kMessage).value(kContent).toString(), QStringLiteral("before"));
        b.sync();

        if (hardLinked) {
            const std::string path = QFile::encodeName(server.databasePath()).toStdString();
            std::error_code error;
            std::filesystem::create_hard_link(path, path + "-link", error);
            QVERIFY2(!error, error.message().c_str());
        }
        for (const char *suffix : {"", "-wal", "-shm"})
            QVERIFY(QFile::remove(server.databasePath() + QLatin1String(suffix)));
        a.send(message(QStringLiteral("lost"), {{QStringLiteral("id"), QStringLiteral("k1")}}));
        const QJsonObject error = a.waitFor(QStringLiteral("error"));
        QCOMPARE(error.value(kMessage).toString(), QStringLiteral("Message not stored"));
        QVERIFY(!types(b.sync()).contains(kMessage));
        QVERIFY(a.isOpen());
        const QByteArray log = server.log();
        QVERIFY(log.contains("STORAGE FAULT"));
        QVERIFY(log.contains("was deleted"));
    }

    void fullDatabaseRefusesAndLosesNothing()
    {
        // 1 MiB: the search index (FTS5) and the latest-state table take about as much
        // room again as the history itself, and the schema's own pages come first.
        TestServer server({QStringLiteral("--db-max-size"), QStringLiteral("1048576")});
        QString alice, bob;
        QVERIFY(
            server.addUsers({{QStringLiteral("alice"), &alice}, {QStringLiteral("bob"), &bob}}));
        QVERIFY(server.start());
        WireClient a(server.port()), b(server.port());
        QVERIFY(joinAll(QStringLiteral("r"), {{&a, alice}, {&b, bob}}));
        a.sync();
        b.sync();
        // Fill the "disk" with 4 KB messages until the server refuses one.
        const QString filler(4000, QLatin1Char('f'));
        QStringList stored;
        QJsonObject refusal;
        for (int i = 0; i < 1000 && refusal.isEmpty(); ++i) {
            const QString text = QString::number(i) + filler;
            a.send(message(text, {{QStringLiteral("id"), QStringLiteral("fill-%1").arg(i)}}));
            const QJsonObject reply = a.next();
            if (reply.value(QStringLiteral("type")) == QStringLiteral("error")) {
                refusal = reply;
                break;
            }
            QCOMPARE(reply.value(kContent).toString(), text);
            QCOMPARE(b.waitFor(kMessage).value(kContent).toString(), text);
            stored.append(text);
        }
        QCOMPARE(refusal.value(kMessage).toString(), QStringLiteral("Message not stored"));
        QVERIFY(refusal.value(QStringLiteral("id")).toString().startsWith(QStringLiteral("fill-")));
        QVERIFY(stored.size() > 10);
        QVERIFY(a.isOpen());
        QVERIFY(!types(b.sync()).contains(kMessage)); // the refused one was not broadcast
        // More room on the disk: everything stored before is intact, the retry works.
        server.stop();
        server.extraArgs().clear();
        QVERIFY(server.start());
        WireClient again(server.port());
        QVERIFY(again.join(QStringLiteral("r"), alice, {{QStringLiteral("history"), 500}}));
        QCOMPARE(contents(again.handshake()), stored);
        const QString retry = QString::number(stored.size()) + filler;
        again.send(message(
            retry, {{QStringLiteral("id"), refusal.value(QStringLiteral("id")).toString()}}));
        QCOMPARE(again.waitFor(kMessage).value(kContent).toString(), retry);
    }

    void tls()
    {
        const QString unavailable = tlsUnavailableReason();
        if (!unavailable.isEmpty())
            QSKIP(qPrintable(unavailable));
        TestServer server;
        QString cert, key;
        QVERIFY(makeSelfSignedCertificate(server.dataDir(), &cert, &key));
        server.extraArgs() = {QStringLiteral("--tls-cert"), cert,
                              QStringLiteral("--tls-key"),  key,
                              QStringLiteral("--threads"),  QStringLiteral("3")};
        QVERIFY(server.start());
        const QString token = server.addUser(QStringLiteral("alice"));
        WireClient secure(server.port(), true);
        QVERIFY(secure.join(QStringLiteral("r"), token));
        QVERIFY(secure.socket()->isEncrypted());
        QCOMPARE(secure.socket()->peerCertificate().subjectInfo(QSslCertificate::CommonName),
                 QStringList{QStringLiteral("localhost")});
        secure.send(message(QStringLiteral("over tls")));
        QCOMPARE(secure.waitFor(kMessage).value(kContent).toString(), QStringLiteral("over tls"));
        // TLS connections in rooms spread over the server's threads (the socket moves
        // to its room's thread after authentication).
        std::vector<std::unique_ptr<WireClient>> rooms;
        for (int r = 0; r < 6; ++r) {
            rooms.push_back(std::make_unique<WireClient>(server.port(), true));
            QVERIFY(rooms.back()->join(QStringLiteral("tls-%1").arg(r), token));
            rooms.back()->send(message(QStringLiteral("room %1").arg(r)));
        }
        for (int r = 0; r < 6; ++r)
            QCOMPARE(rooms[size_t(r)]->waitFor(kMessage).value(kContent).toString(),
                     QStringLiteral("room %1").arg(r));
        // A plain-text client gets nowhere, and the server keeps serving.
        WireClient plain(server.port());
        QVERIFY(plain.open());
        plain.sendRaw("{\"type\":\"connect\",\"room\":\"r\",\"token\":\"" + token.toUtf8() +
                      "\"}\n");
        QVERIFY(plain.waitClosed());
        secure.send(message(QStringLiteral("still")));
        QCOMPARE(secure.waitFor(kMessage).value(kContent).toString(), QStringLiteral("still"));

        // TLS 1.2 only with forward-secret suites (issue 11 item 13).
        QVERIFY(!handshakes(server.port(), QStringLiteral("AES128-SHA"), QSsl::TlsV1_2));
        QVERIFY(!handshakes(server.port(), QStringLiteral("AES256-GCM-SHA384"), QSsl::TlsV1_2));
        QVERIFY(handshakes(server.port(), QStringLiteral("ECDHE-RSA-AES128-GCM-SHA256"),
                           QSsl::TlsV1_2));
        QVERIFY(handshakes(server.port(), QString(), QSsl::TlsV1_3));
    }

private:
    /// Whether a TLS client limited to `cipher` (any when empty) and `protocol`
    /// completes a handshake with the server.
    static bool handshakes(quint16 port, const QString &cipher, QSsl::SslProtocol protocol)
    {
        QSslSocket socket;
        QSslConfiguration config = socket.sslConfiguration();
        config.setProtocol(protocol);
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        if (!cipher.isEmpty()) {
            const QSslCipher c(cipher);
            if (c.isNull())
                qFatal("the TLS backend does not know %s", qPrintable(cipher));
            config.setCiphers({c});
        }
        socket.setSslConfiguration(config);
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
        return socket.waitForEncrypted(10000);
    }
};

QTEST_GUILESS_MAIN(TestServerFaults)
#include "tst_server_faults.moc"
