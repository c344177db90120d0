// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// The client core against the real talker-server on loopback.
#include "client/account.h"
#include "client/conversation.h"
#include "client/outbox.h"
#include "client/room.h"
#include "client/timeline.h"
#include "fastsession.h"
#include "models/membermodel.h"
#include "models/messagemodel.h"
#include "testaccount.h"
#include "testserver.h"

#include <QAbstractItemModelTester>
#include <QProcess>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace talker;
using namespace talker::client;
using talker::test::fastSessionSettings;
using talker::test::TestServer;

namespace {
constexpr int Timeout = 15000;

int countText(const Timeline *t, const QString &text)
{
    int n = 0;
    for (int i = 0; i < t->count(); ++i)
        n += t->at(i).text == text ? 1 : 0;
    return n;
}

int rowOfText(const Timeline *t, const QString &text)
{
    for (int i = 0; i < t->count(); ++i) {
        if (t->at(i).text == text)
            return i;
    }
    return -1;
}
} // namespace

class TestClientServer : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> server;
    QTemporaryDir dir;
    QString aliceToken, bobToken;

    std::unique_ptr<Account> makeAccount(const QString &name, const QString &token,
                                         const SessionSettings &settings = fastSessionSettings())
    {
        return test::makeTestAccount(server->port(), dir.path(), name, token, settings);
    }

    static Room *main(const std::unique_ptr<Account> &a) { return a->room(QStringLiteral("Main")); }

    /// Alice and Bob in Main, Bob's messages in a model checked by QAbstractItemModelTester.
    struct Pair
    {
        explicit Pair(TestClientServer *test)
            : alice(test->makeAccount(QStringLiteral("alice"), test->aliceToken))
            , bob(test->makeAccount(QStringLiteral("bob"), test->bobToken))
        {
            bobMessages.setTimeline(main(bob)->timeline());
        }
        std::unique_ptr<Account> alice;
        std::unique_ptr<Account> bob;
        models::MessageModel bobMessages;
        QAbstractItemModelTester tester{&bobMessages,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest};
    };

private slots:
    void init()
    {
        QVERIFY(dir.isValid());
        QDir(dir.path()).removeRecursively();
        QDir().mkpath(dir.path());
        server = std::make_unique<TestServer>();
        QVERIFY(server->start());
        aliceToken = server->addUser(QStringLiteral("alice"));
        bobToken = server->addUser(QStringLiteral("bob"));
        QVERIFY(!aliceToken.isEmpty() && !bobToken.isEmpty());
    }
    void cleanup() { server.reset(); }

    void twoClientsChat()
    {
        Pair pair(this);
        auto &alice = pair.alice;
        auto &bob = pair.bob;
        models::MessageModel &bobMessages = pair.bobMessages;
        QTRY_VERIFY_WITH_TIMEOUT(main(alice)->isConnected() && main(bob)->isConnected(), Timeout);

        const QString id = main(alice)->sendMessage(QStringLiteral("hi bob, how are you?"));
        QTRY_COMPARE_WITH_TIMEOUT(
            countText(main(bob)->timeline(), QStringLiteral("hi bob, how are you?")), 1, Timeout);
        const int row = bobMessages.rowOf(id);
        QVERIFY(row >= 0);
        QCOMPARE(bobMessages.data(bobMessages.index(row), models::MessageModel::AuthorNameRole)
                     .toString(),
                 QStringLiteral("alice"));
        QCOMPARE(
            bobMessages.data(bobMessages.index(row), models::MessageModel::MentionRole).toBool(),
            true);
        QCOMPARE(main(bob)->unreadCount(), 1);
        QCOMPARE(main(bob)->mentionCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(
            main(alice)->timeline()->at(main(alice)->timeline()->indexOf(id)).delivery,
            Message::Delivery::Sent, Timeout);
        QCOMPARE(alice->outbox()->count(), 0);

        main(bob)->sendMessage(QStringLiteral("/me waves"));
        QTRY_COMPARE_WITH_TIMEOUT(countText(main(alice)->timeline(), QStringLiteral("waves")), 1,
                                  Timeout);
        const Timeline *t = main(alice)->timeline();
        QVERIFY(t->at(rowOfText(t, QStringLiteral("waves"))).isAction);
        QCOMPARE(main(alice)->mentionCount(), 0);
        QVERIFY(main(alice)->lastMessagePreview().contains(QStringLiteral("waves")));
        main(bob)->markRead();
        QCOMPARE(main(bob)->unreadCount(), 0);
        QCOMPARE(main(bob)->timeline()->lastReadId(), main(bob)->timeline()->last().id);
    }

    void privateMessages()
    {
        auto alice = makeAccount(QStringLiteral("alice"), aliceToken);
        auto bob = makeAccount(QStringLiteral("bob"), bobToken);
        QTRY_VERIFY_WITH_TIMEOUT(main(alice)->isConnected() && main(bob)->isConnected(), Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(main(alice)->memberIndex(bob->userId()) >= 0, Timeout);

        main(alice)->sendPrivate(bob->userId(), QStringLiteral("just between us"));
        QTRY_VERIFY_WITH_TIMEOUT(bob->conversation(alice->userId()) != nullptr, Timeout);
        Conversation *atBob = bob->conversation(alice->userId());
        QTRY_COMPARE_WITH_TIMEOUT(countText(atBob->timeline(), QStringLiteral("just between us")),
                                  1, Timeout);
        QCOMPARE(atBob->peerName(), QStringLiteral("alice"));
        QCOMPARE(atBob->unreadCount(), 1);
        QVERIFY(atBob->timeline()->at(0).isPrivate);
        QCOMPARE(countText(main(bob)->timeline(), QStringLiteral("just between us")), 0);
        QCOMPARE(main(bob)->unreadCount(), 0);

        Conversation *atAlice = alice->conversation(bob->userId());
        QVERIFY(atAlice);
        QCOMPARE(atAlice->peerName(), QStringLiteral("bob"));
        QTRY_COMPARE_WITH_TIMEOUT(atAlice->timeline()->at(0).delivery, Message::Delivery::Sent,
                                  Timeout);
        QCOMPARE(atAlice->timeline()->count(), 1);

        // the reply goes back through the room it came from
        atBob->sendMessage(QStringLiteral("sure"));
        QTRY_COMPARE_WITH_TIMEOUT(countText(atAlice->timeline(), QStringLiteral("sure")), 1,
                                  Timeout);
        QCOMPARE(atAlice->unreadCount(), 1);
        atAlice->markRead();
        QCOMPARE(atAlice->unreadCount(), 0);
    }

    void liveTypingAcrossClients()
    {
        auto alice = makeAccount(QStringLiteral("alice"), aliceToken);
        auto bob = makeAccount(QStringLiteral("bob"), bobToken);
        QTRY_VERIFY_WITH_TIMEOUT(main(alice)->isConnected() && main(bob)->isConnected(), Timeout);
        main(alice)->setSendDrafts(true);
        main(alice)->setDraft(QStringLiteral("hel"));
        QTRY_COMPARE_WITH_TIMEOUT(main(bob)->typingText(), QStringLiteral("alice is typing: hel"),
                                  Timeout);
        main(alice)->setDraft(QStringLiteral("hello there"));
        QTRY_COMPARE_WITH_TIMEOUT(main(bob)->typingDraft(alice->userId()),
                                  QStringLiteral("hello there"), Timeout);
        const QString id = main(alice)->sendMessage(QStringLiteral("hello there!"));
        QTRY_COMPARE_WITH_TIMEOUT(countText(main(bob)->timeline(), QStringLiteral("hello there!")),
                                  1, Timeout);
        QVERIFY(main(bob)->typingUsers().isEmpty());
        QCOMPARE(main(bob)->timeline()->last().id, id); // the draft's id became the message's
        QCOMPARE(main(bob)->timeline()->count(), 1);    // drafts never became messages
    }

    void presenceInMemberModel()
    {
        server = std::make_unique<TestServer>(
            QStringList{QStringLiteral("--idle-timeout"), QStringLiteral("1"),
                        QStringLiteral("--leave-timeout"), QStringLiteral("30")});
        QVERIFY(server->start());
        aliceToken = server->addUser(QStringLiteral("alice"));
        bobToken = server->addUser(QStringLiteral("bob"));
        auto alice = makeAccount(QStringLiteral("alice"), aliceToken);
        models::MemberModel members;
        members.setRoom(main(alice));
        QAbstractItemModelTester tester(&members,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY_WITH_TIMEOUT(main(alice)->isConnected(), Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(members.rowCount(), 1, Timeout);

        SessionSettings quiet = fastSessionSettings();
        quiet.pingIntervalMs = 60000; // bob says nothing, so the server marks him idle
        quiet.deadLinkTimeoutMs = 60000;
        auto bob = makeAccount(QStringLiteral("bob"), bobToken, quiet);
        QTRY_VERIFY_WITH_TIMEOUT(main(bob)->isConnected(), Timeout);
        auto presenceOfBob = [&] {
            const int row = members.rowOf(bob->userId());
            return row < 0 ? QString()
                           : members.data(members.index(row), models::MemberModel::PresenceTextRole)
                                 .toString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(presenceOfBob(), QStringLiteral("online"), Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(presenceOfBob(), QStringLiteral("idle"), Timeout);
        main(bob)->sendMessage(QStringLiteral("I'm back"));
        QTRY_COMPARE_WITH_TIMEOUT(presenceOfBob(), QStringLiteral("online"), Timeout);
        bob->leaveRoom(QStringLiteral("Main"));
        QTRY_COMPARE_WITH_TIMEOUT(presenceOfBob(), QStringLiteral("offline"), Timeout);
        // sorted: alice (online) before bob (offline)
        QCOMPARE(members.data(members.index(0), models::MemberModel::NameRole).toString(),
                 QStringLiteral("alice"));
        QCOMPARE(members.data(members.index(0), models::MemberModel::IsSelfRole).toBool(), true);
        QCOMPARE(members.onlineCount(), 1);
    }

    void serverRestartDeliversOutageMessagesOnce()
    {
        auto alice = makeAccount(QStringLiteral("alice"), aliceToken);
        auto bob = makeAccount(QStringLiteral("bob"), bobToken);
        QTRY_VERIFY_WITH_TIMEOUT(main(alice)->isConnected() && main(bob)->isConnected(), Timeout);
        main(alice)->sendMessage(QStringLiteral("before the crash"));
        QTRY_COMPARE_WITH_TIMEOUT(
            countText(main(bob)->timeline(), QStringLiteral("before the crash")), 1, Timeout);

        server->kill();
        QTRY_VERIFY_WITH_TIMEOUT(!main(alice)->isConnected() && !main(bob)->isConnected(), Timeout);
        QVERIFY(main(alice)->nextRetry().isValid() ||
                main(alice)->state() != Session::State::Connected);
        main(alice)->sendMessage(QStringLiteral("typed offline 1"));
        main(alice)->sendMessage(QStringLiteral("typed offline 2"));
        main(bob)->sendMessage(QStringLiteral("bob offline too"));
        QCOMPARE(alice->outbox()->count(), 2);
        QTest::qWait(200);
        QVERIFY(server->start(true));
        QTRY_VERIFY_WITH_TIMEOUT(main(alice)->isConnected() && main(bob)->isConnected(), Timeout);
        for (const char *text : {"typed offline 1", "typed offline 2"})
            QTRY_COMPARE_WITH_TIMEOUT(countText(main(bob)->timeline(), QLatin1String(text)), 1,
                                      Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(
            countText(main(alice)->timeline(), QStringLiteral("bob offline too")), 1, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(alice->outbox()->count(), 0, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(bob->outbox()->count(), 0, Timeout);
        QTest::qWait(500); // late duplicates would show up now
        for (const char *text :
             {"before the crash", "typed offline 1", "typed offline 2", "bob offline too"}) {
            QCOMPARE(countText(main(bob)->timeline(), QLatin1String(text)), 1);
            QCOMPARE(countText(main(alice)->timeline(), QLatin1String(text)), 1);
        }
        const Timeline *t = main(alice)->timeline();
        for (int i = 0; i < t->count(); ++i)
            QCOMPARE(t->at(i).delivery, Message::Delivery::Sent);
        // order at bob: what alice typed stays in her order
        QVERIFY(rowOfText(main(bob)->timeline(), QStringLiteral("typed offline 1")) <
                rowOfText(main(bob)->timeline(), QStringLiteral("typed offline 2")));
    }

    void reconnectReplayFillsGap()
    {
        auto alice = makeAccount(QStringLiteral("alice"), aliceToken);
        auto bob = makeAccount(QStringLiteral("bob"), bobToken);
        QTRY_VERIFY_WITH_TIMEOUT(main(alice)->isConnected() && main(bob)->isConnected(), Timeout);
        main(alice)->sendMessage(QStringLiteral("seen by bob"));
        QTRY_COMPARE_WITH_TIMEOUT(countText(main(bob)->timeline(), QStringLiteral("seen by bob")),
                                  1, Timeout);

        bob->disconnectAll();
        QTRY_VERIFY_WITH_TIMEOUT(!main(bob)->isConnected(), Timeout);
        for (int i = 1; i <= 3; ++i)
            main(alice)->sendMessage(QStringLiteral("missed %1").arg(i));
        QTRY_COMPARE_WITH_TIMEOUT(alice->outbox()->count(), 0, Timeout);
        QCOMPARE(countText(main(bob)->timeline(), QStringLiteral("missed 1")), 0);

        bob->retryNow();
        QTRY_COMPARE_WITH_TIMEOUT(countText(main(bob)->timeline(), QStringLiteral("missed 3")), 1,
                                  Timeout);
        QTest::qWait(300);
        const Timeline *t = main(bob)->timeline();
        QCOMPARE(countText(t, QStringLiteral("seen by bob")), 1);
        for (int i = 1; i <= 3; ++i)
            QCOMPARE(countText(t, QStringLiteral("missed %1").arg(i)), 1);
        QVERIFY(rowOfText(t, QStringLiteral("missed 1")) <
                rowOfText(t, QStringLiteral("missed 2")));
        QVERIFY(rowOfText(t, QStringLiteral("missed 2")) <
                rowOfText(t, QStringLiteral("missed 3")));
        QCOMPARE(main(bob)->unreadCount(), 4);
    }

    void outboxResentAfterAppRestart()
    {
        auto bob = makeAccount(QStringLiteral("bob"), bobToken);
        QTRY_VERIFY_WITH_TIMEOUT(main(bob)->isConnected(), Timeout);
        auto alice = makeAccount(QStringLiteral("alice"), aliceToken);
        QTRY_VERIFY_WITH_TIMEOUT(main(alice)->isConnected(), Timeout);

        // the app quits with two unsent messages (server unreachable)
        server->stop();
        QTRY_VERIFY_WITH_TIMEOUT(!main(alice)->isConnected(), Timeout);
        const QString quitId = main(alice)->sendMessage(QStringLiteral("typed before quitting"));
        const QString crashId =
            main(alice)->sendMessage(QStringLiteral("sent just before a crash"));
        alice.reset();

        QVERIFY(server->start(true));
        QTRY_VERIFY_WITH_TIMEOUT(main(bob)->isConnected(), Timeout);
        // the crashed run did get its second message to the server; only the echo was lost
        {
            QTcpSocket raw;
            raw.connectToHost(QHostAddress::LocalHost, server->port());
            QVERIFY(raw.waitForConnected(5000));
            raw.write(QStringLiteral("{\"type\":\"connect\",\"room\":\"Main\",\"token\":\"%1\"}\n"
                                     "{\"type\":\"message\",\"id\":\"%2\",\"content\":\"sent just "
                                     "before a crash\"}\n")
                          .arg(aliceToken, crashId)
                          .toUtf8());
            QVERIFY(raw.waitForBytesWritten(5000));
            QTRY_COMPARE_WITH_TIMEOUT(
                countText(main(bob)->timeline(), QStringLiteral("sent just before a crash")), 1,
                Timeout);
            raw.abort();
        }

        // next start: the outbox is on screen before the network answers, then re-sent
        auto again = makeAccount(QStringLiteral("alice"), QString());
        QCOMPARE(again->outbox()->count(), 2);
        QCOMPARE(countText(main(again)->timeline(), QStringLiteral("typed before quitting")), 1);
        QCOMPARE(main(again)->timeline()->at(main(again)->timeline()->indexOf(quitId)).delivery,
                 Message::Delivery::Pending);
        again->setToken(aliceToken);
        QTRY_COMPARE_WITH_TIMEOUT(again->outbox()->count(), 0, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(
            countText(main(bob)->timeline(), QStringLiteral("typed before quitting")), 1, Timeout);
        QTest::qWait(500);
        QCOMPARE(countText(main(bob)->timeline(), QStringLiteral("typed before quitting")), 1);
        QCOMPARE(countText(main(bob)->timeline(), QStringLiteral("sent just before a crash")), 1);
        QCOMPARE(countText(main(again)->timeline(), QStringLiteral("sent just before a crash")), 1);
        const Timeline *t = main(again)->timeline();
        QCOMPARE(t->at(t->indexOf(crashId)).delivery, Message::Delivery::Sent);
        QCOMPARE(t->at(t->indexOf(quitId)).delivery, Message::Delivery::Sent);
    }

    void editsAndRetractionsAcrossClients()
    {
        Pair pair(this);
        auto &alice = pair.alice;
        auto &bob = pair.bob;
        models::MessageModel &bobMessages = pair.bobMessages;
        QTRY_VERIFY_WITH_TIMEOUT(main(alice)->isConnected() && main(bob)->isConnected(), Timeout);

        const QString id = main(alice)->sendMessage(QStringLiteral("teh original"));
        main(alice)->sendMessage(QStringLiteral("second"));
        QTRY_COMPARE_WITH_TIMEOUT(countText(main(bob)->timeline(), QStringLiteral("second")), 1,
                                  Timeout);
        const int rows = bobMessages.rowCount();
        QTRY_COMPARE_WITH_TIMEOUT(main(alice)->lastOwnMessageId().isEmpty(), false, Timeout);

        QVERIFY(main(alice)->editMessage(id, QStringLiteral("the original")));
        QTRY_COMPARE_WITH_TIMEOUT(countText(main(bob)->timeline(), QStringLiteral("the original")),
                                  1, Timeout);
        QCOMPARE(bobMessages.rowCount(), rows);
        const QModelIndex edited = bobMessages.index(bobMessages.rowOf(id));
        QCOMPARE(bobMessages.data(edited, models::MessageModel::EditedRole).toBool(), true);
        QCOMPARE(countText(main(bob)->timeline(), QStringLiteral("teh original")), 0);
        QTRY_COMPARE_WITH_TIMEOUT(alice->outbox()->count(), 0, Timeout);
        QCOMPARE(main(alice)->timeline()->at(main(alice)->timeline()->indexOf(id)).delivery,
                 Message::Delivery::Sent);
        QVERIFY(main(alice)->timeline()->at(main(alice)->timeline()->indexOf(id)).edited > 0);

        // bob cannot edit alice's message
        QVERIFY(!main(bob)->editMessage(id, QStringLiteral("hacked")));

        // a retraction leaves a "message deleted" placeholder on both sides
        QVERIFY(main(alice)->retractMessage(id));
        const Timeline *aliceTimeline = main(alice)->timeline();
        QVERIFY(aliceTimeline->at(aliceTimeline->indexOf(id)).deleted);
        QTRY_VERIFY_WITH_TIMEOUT(
            bobMessages
                .data(bobMessages.index(bobMessages.rowOf(id)), models::MessageModel::DeletedRole)
                .toBool(),
            Timeout);
        QCOMPARE(bobMessages.rowCount(), rows);
        QVERIFY(bobMessages
                    .data(bobMessages.index(bobMessages.rowOf(id)), models::MessageModel::TextRole)
                    .toString()
                    .isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(alice->outbox()->count(), 0, Timeout);

        // its text does not come back from the cache: the placeholder does
        bob.reset();
        auto bobAgain = makeAccount(QStringLiteral("bob"), QString());
        main(bobAgain)->loadFirstPage(); // as when the chat is shown
        const Timeline *again = main(bobAgain)->timeline();
        QVERIFY(again->indexOf(id) >= 0);
        QVERIFY(again->at(again->indexOf(id)).deleted);
        QVERIFY(again->at(again->indexOf(id)).text.isEmpty());
        QCOMPARE(countText(again, QStringLiteral("the original")), 0);
        QCOMPARE(countText(again, QStringLiteral("second")), 1);
    }

    void cacheReopensAndPages()
    {
        {
            auto alice = makeAccount(QStringLiteral("alice"), aliceToken);
            auto bob = makeAccount(QStringLiteral("bob"), bobToken);
            QTRY_VERIFY_WITH_TIMEOUT(main(alice)->isConnected() && main(bob)->isConnected(),
                                     Timeout);
            for (int i = 1; i <= 30; ++i)
                main(alice)->sendMessage(QStringLiteral("msg %1").arg(i));
            QTRY_COMPARE_WITH_TIMEOUT(countText(main(bob)->timeline(), QStringLiteral("msg 30")), 1,
                                      Timeout);
        }
        // reopen with no token: the messages are there before any network
        AccountConfig c;
        c.id = QStringLiteral("bob");
        c.host = QStringLiteral("127.0.0.1");
        c.port = server->port();
        Account bob(c, dir.filePath(QStringLiteral("bob.sqlite")));
        bob.setSessionSettings(fastSessionSettings());
        bob.setWindowSize(10);
        Room *room = bob.joinRoom(QStringLiteral("Main"));
        // until it is shown, a chat holds only its newest message (the sidebar's preview)
        QCOMPARE(room->timeline()->count(), 1);
        QCOMPARE(room->lastMessagePreview(), QStringLiteral("alice: msg 30"));
        room->loadFirstPage(); // the chat is shown: its first page, once
        room->loadFirstPage();
        QCOMPARE(room->timeline()->count(), 10);
        QCOMPARE(room->timeline()->last().text, QStringLiteral("msg 30"));
        QCOMPARE(room->timeline()->at(0).text, QStringLiteral("msg 21"));
        QVERIFY(room->timeline()->canFetchOlder());
        QCOMPARE(room->timeline()->fetchOlder(5), 5);
        QCOMPARE(room->timeline()->at(0).text, QStringLiteral("msg 16"));

        models::MessageModel model;
        model.setTimeline(room->timeline());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        while (model.canFetchMore({}))
            model.fetchMore({}); // what a view does while scrolling up
        // the window slides: the newest rows went back to the cache
        QVERIFY(model.rowCount() <= 11);
        QVERIFY(!room->timeline()->atLiveEnd());
        QCOMPARE(room->timeline()->at(0).text, QStringLiteral("msg 1"));
        QCOMPARE(model.data(model.index(0), models::MessageModel::FirstInGroupRole).toBool(), true);
        QCOMPARE(model.data(model.index(1), models::MessageModel::FirstInGroupRole).toBool(),
                 false);
        // a window large enough for all of them, at the live end again
        room->timeline()->setWindowSize(100);
        room->timeline()->showLatest();
        QCOMPARE(model.rowCount(), 30);

        // connecting replays only what came after the cached events: no duplicates
        bob.setToken(bobToken);
        QTRY_VERIFY_WITH_TIMEOUT(room->isConnected(), Timeout);
        QTest::qWait(300);
        for (int i = 1; i <= 30; ++i)
            QCOMPARE(countText(room->timeline(), QStringLiteral("msg %1").arg(i)), 1);
    }

    void tlsWithTrustHook()
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("openssl command not installed");
        if (!QSslSocket::supportsSsl())
            QSKIP("Qt has no TLS backend here");
        const QString cert = dir.filePath(QStringLiteral("cert.pem"));
        const QString key = dir.filePath(QStringLiteral("key.pem"));
        QProcess gen;
        gen.start(openssl,
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                   key, QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("2"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=localhost")});
        QVERIFY(gen.waitForFinished(60000));
        QCOMPARE(gen.exitCode(), 0);
        server->stop();
        server->extraArgs() = {QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"),
                               key};
        QVERIFY(server->start(true));

        AccountConfig c;
        c.id = QStringLiteral("tls");
        c.host = QStringLiteral("127.0.0.1");
        c.port = server->port();
        c.useTls = true;
        // without trusting the self-signed certificate: refused, retried, never connected
        {
            Account untrusted(c, QStringLiteral(":memory:"));
            untrusted.setSessionSettings(fastSessionSettings());
            Room *room = untrusted.joinRoom(QStringLiteral("Main"));
            untrusted.setToken(aliceToken);
            QTRY_COMPARE_WITH_TIMEOUT(room->state(), Session::State::Reconnecting, Timeout);
            QVERIFY(!room->isConnected());
        }
        // the hook (where certificate trust and pinning plug in) accepts it
        Account account(c, QStringLiteral(":memory:"));
        account.setSessionSettings(fastSessionSettings());
        const QList<QSslCertificate> certs = QSslCertificate::fromPath(cert);
        QCOMPARE(certs.size(), 1);
        account.setSslConfigurator([certs](QSslSocket &socket) {
            QSslConfiguration config = socket.sslConfiguration();
            config.addCaCertificates(certs);
            socket.setSslConfiguration(config);
            socket.setPeerVerifyName(QStringLiteral("localhost"));
        });
        Room *room = account.joinRoom(QStringLiteral("Main"));
        account.setToken(aliceToken);
        QTRY_VERIFY_WITH_TIMEOUT(room->isConnected(), Timeout);
        room->sendMessage(QStringLiteral("over tls"));
        QTRY_COMPARE_WITH_TIMEOUT(account.outbox()->count(), 0, Timeout);
        QCOMPARE(room->timeline()->last().text, QStringLiteral("over tls"));
        QCOMPARE(room->timeline()->last().delivery, Message::Delivery::Sent);
    }

    void wrongTokenKeepsRooms()
    {
        auto alice = makeAccount(QStringLiteral("alice"), QStringLiteral("not-the-token"));
        alice->joinRoom(QStringLiteral("Second"));
        QTRY_VERIFY_WITH_TIMEOUT(alice->authenticationFailed(), Timeout);
        QCOMPARE(alice->statusText(), QStringLiteral("Authentication failed"));
        QCOMPARE(main(alice)->statusText(), QStringLiteral("Authentication failed"));
        QCOMPARE(alice->roomNames(),
                 (QStringList{QStringLiteral("Main"), QStringLiteral("Second")}));
        QVERIFY(!server->log().contains("not-the-token"));
        alice->setToken(aliceToken);
        QTRY_VERIFY_WITH_TIMEOUT(main(alice)->isConnected() &&
                                     alice->room(QStringLiteral("Second"))->isConnected(),
                                 Timeout);
        QVERIFY(!alice->authenticationFailed());
        QCOMPARE(alice->state(), Session::State::Connected);
    }
};

QTEST_GUILESS_MAIN(TestClientServer)
#include "tst_clientserver.moc"
