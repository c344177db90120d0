// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// Session and Room against a scripted server: the state machine and bad-server input.
#include "client/account.h"
#include "client/backoff.h"
#include "client/conversation.h"
#include "client/networkwatch.h"
#include "client/outbox.h"
#include "client/room.h"
#include "client/session.h"
#include "client/timeline.h"
#include "models/membermodel.h"
#include "models/messagemodel.h"
#include "scriptedserver.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace talker;
using namespace talker::client;
using talker::test::ScriptedServer;

namespace {
SessionSettings fastSettings()
{
    SessionSettings s;
    s.pingIntervalMs = 200;
    s.deadLinkTimeoutMs = 400;
    s.connectTimeoutMs = 500;
    s.backoffInitialMs = 30;
    s.backoffMaxMs = 120;
    return s;
}

const QByteArray kConnected = R"({"type":"connected","user":{"id":"1","name":"alice"}})"
                              "\n";
const QByteArray kUsers =
    R"({"type":"users","users":[{"id":"1","name":"alice"},{"id":"2","name":"bob","idle":true}]})"
    "\n";
} // namespace

class TestSessionMock : public QObject
{
    Q_OBJECT

    std::unique_ptr<ScriptedServer> server;
    std::unique_ptr<Account> account;

    Room *joinWith(const SessionSettings &settings = fastSettings())
    {
        AccountConfig c;
        c.id = QStringLiteral("mock");
        c.host = QStringLiteral("127.0.0.1");
        c.port = server->port();
        account = std::make_unique<Account>(c, QStringLiteral(":memory:"));
        account->setSessionSettings(settings);
        account->setToken(QStringLiteral("secret-token"));
        return account->joinRoom(QStringLiteral("Main"));
    }

    void accept(Room *room)
    {
        QTRY_VERIFY(server->received("\"type\":\"connect\""));
        server->send(kConnected + kUsers);
        QTRY_COMPARE(room->state(), Session::State::Connected);
    }

    /// A room that connected, then lost its connection, and waits `backoffMs` (no
    /// jitter) before it tries again.
    Room *connectedThenDropped(int backoffMs)
    {
        SessionSettings s = fastSettings();
        s.backoffInitialMs = backoffMs;
        s.backoffMaxMs = backoffMs;
        s.backoffJitter = 0;
        Room *room = joinWith(s);
        accept(room);
        server->closeLast();
        return room;
    }

private slots:
    void init() { server = std::make_unique<ScriptedServer>(); }
    void cleanup()
    {
        account.reset();
        server.reset();
    }

    void backoffGrowsCapsAndResets()
    {
        Backoff b(100, 1000, 0.0);
        QCOMPARE(b.nextDelayMs(), 100);
        QCOMPARE(b.nextDelayMs(), 200);
        QCOMPARE(b.nextDelayMs(), 400);
        QCOMPARE(b.nextDelayMs(), 800);
        QCOMPARE(b.nextDelayMs(), 1000);
        QCOMPARE(b.nextDelayMs(), 1000);
        b.reset();
        QCOMPARE(b.nextDelayMs(), 100);
        Backoff j(1000, 30000, 0.2);
        for (int i = 0; i < 50; ++i) {
            const int d = j.nextDelayMs();
            QVERIFY(d >= 800 && d <= 30000);
        }
    }

    void connectSendsRoomTokenAndHistory()
    {
        Room *room = joinWith();
        QTRY_VERIFY(server->received("\"type\":\"connect\""));
        const QByteArray line = server->lines().constFirst();
        QVERIFY(line.contains("\"room\":\"Main\""));
        QVERIFY(line.contains("\"token\":\"secret-token\""));
        QVERIFY(line.contains("\"history\":100"));
        QVERIFY(line.contains("\"include_partial\":true"));
        QCOMPARE(room->state(), Session::State::Authenticating);
        server->send(kConnected + kUsers);
        QTRY_COMPARE(room->state(), Session::State::Connected);
        QCOMPARE(room->statusText(), QStringLiteral("Connected"));
        QCOMPARE(account->userId(), QStringLiteral("1"));
        QCOMPARE(account->userName(), QStringLiteral("alice"));
        QCOMPARE(room->members().size(), 2);
        QCOMPARE(room->members().at(room->memberIndex(QStringLiteral("2"))).presence,
                 Room::Presence::Idle);
        // handing in the same token again keeps the working connection
        account->setToken(QStringLiteral("secret-token"));
        QTest::qWait(100);
        QCOMPARE(server->connectionCount(), 1);
        QVERIFY(!server->received("\"type\":\"close\""));
        QCOMPARE(room->state(), Session::State::Connected);
    }

    void roomAndConversationAreOneChat()
    {
        Room *room = joinWith();
        accept(room);
        Conversation *conversation =
            account->openConversation(QStringLiteral("2"), QStringLiteral("bob"));
        const QList<Chat *> chats{room, conversation};
        QCOMPARE(chats.at(0)->key(), QStringLiteral("mock/Main"));
        QCOMPARE(chats.at(1)->key(), QStringLiteral("mock/@2"));
        QCOMPARE(chats.at(1)->title(), QStringLiteral("bob"));
        QVERIFY(!chats.at(0)->isPrivate() && chats.at(1)->isPrivate());
        // Without a room a conversation has no session: nothing to derive a state from.
        QVERIFY(!conversation->canSend());
        QCOMPARE(conversation->state(), Session::State::Disconnected);
        QVERIFY(conversation->statusText().isEmpty());
        QSignalSpy sessionSpy(conversation, &Chat::sessionChanged);
        conversation->setRoom(room);
        QCOMPARE(sessionSpy.count(), 1);
        QCOMPARE(conversation->session(), room->session());
        QVERIFY(conversation->canSend());
        QCOMPARE(conversation->state(), Session::State::Connected);
        QCOMPARE(conversation->statusText(), room->statusText());
        // Sending through the interface lands in the chat's own timeline, as private.
        const QString id = chats.at(1)->sendMessage(QStringLiteral("hi bob"));
        QVERIFY(!id.isEmpty());
        QCOMPARE(conversation->timeline()->last().id, id);
        QCOMPARE(chats.at(1)->lastOwnMessageId(), id);
        QVERIFY(room->timeline()->indexOf(id) < 0);
        QTRY_VERIFY(server->received("\"to\":\"2\""));
        // The room's connection state reaches the conversation without asking the room.
        QSignalSpy stateSpy(conversation, &Chat::stateChanged);
        server->closeLast();
        QTRY_VERIFY(stateSpy.count() > 0);
        QVERIFY(!conversation->isConnected());
    }

    void pingsAndStaysUpWhenAnswered()
    {
        SessionSettings s = fastSettings();
        s.deadLinkTimeoutMs = 3000; // generous: a loaded machine answers late, not never
        Room *room = joinWith(s);
        accept(room);
        // answer every ping for a few intervals: the link stays up
        for (int i = 0; i < 6; ++i) {
            QTRY_VERIFY(server->countReceived("\"type\":\"ping\"") > i);
            server->send(R"({"type":"pong"})"
                         "\n");
        }
        QCOMPARE(room->state(), Session::State::Connected);
        QCOMPARE(server->connectionCount(), 1);
    }

    void deadLinkReconnects()
    {
        Room *room = joinWith();
        accept(room);
        QSignalSpy lost(room->session(), &Session::disconnected);
        // never answer: one ping interval later the session gives up and reconnects
        QTRY_VERIFY(server->received("\"type\":\"ping\""));
        QTRY_COMPARE(lost.count(), 1);
        QTRY_COMPARE(server->connectionCount(), 2);
        QVERIFY(room->session()->lastError().contains(QStringLiteral("No answer")));
    }

    void neverAnsweringConnectTimesOut()
    {
        Room *room = joinWith();
        QTRY_VERIFY(server->received("\"type\":\"connect\""));
        QSignalSpy states(room->session(), &Session::stateChanged);
        QTRY_VERIFY(
            states.contains(QVariantList{QVariant::fromValue(Session::State::Reconnecting)}));
        QVERIFY(room->session()->lastError().contains(QStringLiteral("did not answer")));
        QTRY_COMPARE(server->connectionCount(), 2); // tried again
    }

    void statusShowsNextRetry()
    {
        Room *room = connectedThenDropped(5000);
        QTRY_COMPARE(room->state(), Session::State::Reconnecting);
        QVERIFY(room->nextRetry().isValid());
        QVERIFY(room->nextRetry() > QDateTime::currentDateTimeUtc().addSecs(3));
        QVERIFY(room->statusText().contains(QStringLiteral("retrying at")));
        QCOMPARE(account->state(), Session::State::Reconnecting);
        // Retry now does not wait for the timer
        account->retryNow();
        QTRY_COMPARE(server->connectionCount(), 2);
    }

    // A session waiting to reconnect tries at once when the network comes back, not
    // when its (here 60 s) backoff ends.
    void networkBackReconnectsAtOnce()
    {
        Room *room = connectedThenDropped(60000);
        QTRY_COMPARE(room->state(), Session::State::Reconnecting);
        QCOMPARE(server->connectionCount(), 1);
        emit NetworkWatch::instance()->reachabilityChanged(false);
        QTest::qWait(50);
        QCOMPARE(server->connectionCount(), 1);
        emit NetworkWatch::instance()->reachabilityChanged(true);
        QTRY_COMPARE(server->connectionCount(), 2);
    }

    void closingMidLineReconnects()
    {
        Room *room = joinWith();
        accept(room);
        server->send("{\"type\":\"message\",\"id\":\"m1\",\"content\":\"half a mess");
        QTest::qWait(50);
        server->closeLast();
        QTRY_COMPARE(server->connectionCount(), 2);
        QTRY_VERIFY(server->received("\"type\":\"connect\""));
        server->send(kConnected + kUsers);
        QTRY_COMPARE(room->state(), Session::State::Connected);
        // the half line was dropped, not glued to the next connection's data
        server->send(
            R"({"type":"message","id":"m2","content":"whole","user":{"id":"2","name":"bob"},"time":5})"
            "\n");
        QTRY_COMPARE(room->timeline()->count(), 1);
        QCOMPARE(room->timeline()->at(0).id, QStringLiteral("m2"));
    }

    void authenticationFailedStopsAndKeepsRooms()
    {
        Room *room = joinWith();
        QTRY_VERIFY(server->received("\"type\":\"connect\""));
        server->send(R"({"type":"error","message":"Authentication failed"})"
                     "\n");
        server->closeLast();
        QTRY_VERIFY(room->authenticationFailed());
        QCOMPARE(room->state(), Session::State::Disconnected);
        QCOMPARE(room->statusText(), QStringLiteral("Authentication failed"));
        QCOMPARE(account->statusText(), QStringLiteral("Authentication failed"));
        QVERIFY(account->authenticationFailed());
        QTest::qWait(300); // several backoff periods: no new attempt
        QCOMPARE(server->connectionCount(), 1);
        QCOMPARE(account->roomNames(), QStringList{QStringLiteral("Main")});
        // a new token tries again
        account->setToken(QStringLiteral("better-token"));
        QTRY_COMPARE(server->connectionCount(), 2);
        QTRY_VERIFY(server->received("better-token"));
        QVERIFY(!room->authenticationFailed());
    }

    void badInputIsIgnored()
    {
        Room *room = joinWith();
        models::MessageModel messages;
        messages.setTimeline(room->timeline());
        models::MemberModel members;
        members.setRoom(room);
        QAbstractItemModelTester t1(&messages,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&members,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        accept(room);
        QCOMPARE(members.rowCount(), 2);

        server->send(
            "this is not json\n"
            "[1,2,3]\n"
            R"({"type":"bogus","x":1})"
            "\n"
            R"({"no":"type"})"
            "\n"
            R"({"type":"message","content":"no id","user":{"id":"2","name":"bob"}})"
            "\n"
            R"({"type":"message","id":"x1","content":"no user"})"
            "\n"
            R"({"type":"join","user":{"id":"3","name":"carol"},"time":1,"id":"j1"})"
            "\n"
            R"({"type":"leave","user":"3","time":2,"id":"l1"})"
            "\n"
            R"({"type":"leave","user":{"id":"2","name":"bob"},"time":2,"id":"l2"})"
            "\n"
            R"({"type":"leave","user":"99","time":2,"id":"l3"})"
            "\n"
            R"({"type":"idle","user":{"id":"98"},"time":2})"
            "\n"
            R"({"type":"back","user":{"id":"97","name":"dave"},"time":2})"
            "\n"
            R"({"type":"message","id":"d1","content":"first","user":{"id":"96","name":"eve"},"time":10})"
            "\n"
            R"({"type":"message","id":"d1","content":"first","user":{"id":"96","name":"eve"},"time":10})"
            "\n"
            R"({"type":"users","users":"nonsense"})"
            "\n");
        // a line far over the client's limit, then a valid one
        server->send("{\"type\":\"message\",\"content\":\"" + QByteArray(5 * 1024 * 1024, 'a') +
                     "\"}\n");
        server->send(
            R"({"type":"message","id":"d2","content":"after huge","user":{"id":"2","name":"bob"},"time":11})"
            "\n");
        QTRY_COMPARE(room->timeline()->count(), 2);
        QCOMPARE(room->timeline()->at(0).text, QStringLiteral("first"));
        QCOMPARE(room->timeline()->at(1).text, QStringLiteral("after huge"));
        QCOMPARE(room->state(), Session::State::Connected);
        // carol joined and left, bob left (object form), dave came back though unknown
        auto presenceOf = [room](const char *id) {
            const int i = room->memberIndex(QString::fromLatin1(id));
            return i < 0 ? -1 : int(room->members().at(i).presence);
        };
        QCOMPARE(presenceOf("3"), int(Room::Presence::Offline));
        QCOMPARE(presenceOf("2"), int(Room::Presence::Offline));
        QCOMPARE(presenceOf("97"), int(Room::Presence::Online));
        QCOMPARE(presenceOf("99"), -1);
        QCOMPARE(presenceOf("98"), -1);
        QCOMPARE(members.rowCount(), 4);
        QCOMPARE(members.data(members.index(0), models::MemberModel::NameRole).toString(),
                 QStringLiteral("alice"));
        QCOMPARE(room->session()->lastEventId(), QStringLiteral("d2"));
        QCOMPARE(room->unreadCount(), 2);
    }

    void outboxWaitsForBroadcast()
    {
        Room *room = joinWith();
        // typed before the connection is up: pending, in the outbox
        room->setSendDrafts(false);
        QTRY_VERIFY(server->received("\"type\":\"connect\""));
        const QString id = room->sendMessage(QStringLiteral("hello"));
        QVERIFY(protocol::isValidMessageId(id));
        QCOMPARE(room->timeline()->count(), 1);
        QCOMPARE(room->timeline()->at(0).delivery, Message::Delivery::Pending);
        QCOMPARE(account->outbox()->count(), 1);
        server->send(kConnected + kUsers);
        QTRY_VERIFY(server->received(id.toLatin1()));
        QVERIFY(server->received("\"content\":\"hello\""));
        QCOMPARE(room->timeline()->at(0).delivery, Message::Delivery::Pending);
        server->send(
            QStringLiteral(
                R"({"type":"message","id":"%1","content":"hello","user":{"id":"1","name":"alice"},"time":50})"
                "\n")
                .arg(id)
                .toUtf8());
        QTRY_COMPARE(room->timeline()->at(0).delivery, Message::Delivery::Sent);
        QCOMPARE(room->timeline()->count(), 1);
        QCOMPARE(account->outbox()->count(), 0);
        QCOMPARE(room->unreadCount(), 0); // own messages are never unread
        QCOMPARE(room->lastOwnMessageId(), id);
    }

    void unconfirmedSendsEndAsFailed()
    {
        SessionSettings s = fastSettings();
        s.maxSendAttempts = 2;
        Room *room = joinWith(s);
        accept(room);
        const QString id = room->sendMessage(QStringLiteral("never confirmed"));
        QTRY_VERIFY(server->received(id.toLatin1()));
        for (int attempt = 2; attempt <= 3; ++attempt) {
            server->closeLast();
            QTRY_COMPARE(server->connectionCount(), attempt);
            QTRY_VERIFY(server->received("\"type\":\"connect\""));
            server->send(kConnected + kUsers);
            QTRY_COMPARE(room->state(), Session::State::Connected);
        }
        QTRY_COMPARE(room->timeline()->at(0).delivery, Message::Delivery::Failed);
        QVERIFY(!server->received(id.toLatin1())); // not sent a third time
        QVERIFY(room->retry(id));
        QCOMPARE(room->timeline()->at(0).delivery, Message::Delivery::Pending);
        QTRY_VERIFY(server->received(id.toLatin1()));
    }

    void privateToUnknownUserFails()
    {
        Room *room = joinWith();
        accept(room);
        const QString id = room->sendPrivate(QStringLiteral("404"), QStringLiteral("anyone?"));
        QTRY_VERIFY(server->received(id.toLatin1()));
        server->send(R"({"type":"error","message":"No such user in room"})"
                     "\n");
        Timeline *t = account->conversation(QStringLiteral("404"))->timeline();
        QTRY_COMPARE(t->at(0).delivery, Message::Delivery::Failed);
        QCOMPARE(room->state(), Session::State::Connected);
    }

    void typingFromPartialDrafts()
    {
        Room *room = joinWith();
        accept(room);
        server->send(
            R"({"type":"message","id":"t1","content":"hel","partial":true,"user":{"id":"2","name":"bob"}})"
            "\n");
        QTRY_COMPARE(room->typingUsers(), QStringList{QStringLiteral("bob")});
        QCOMPARE(room->typingText(), QStringLiteral("bob is typing: hel"));
        QCOMPARE(room->timeline()->count(), 0); // drafts are not messages
        server->send(
            R"({"type":"message","id":"t1","content":"hello","user":{"id":"2","name":"bob"},"time":3})"
            "\n");
        QTRY_COMPARE(room->timeline()->count(), 1);
        QVERIFY(room->typingUsers().isEmpty());
        // our own drafts go out as partials with the id the final message keeps
        room->setSendDrafts(true);
        room->setDraft(QStringLiteral("wri"));
        QTRY_VERIFY(server->received("\"partial\":true"));
        const QString id = room->sendMessage(QStringLiteral("written"));
        QTRY_VERIFY(server->received("\"content\":\"written\""));
        QVERIFY(server->received(QStringLiteral("\"id\":\"%1\",\"partial\"").arg(id).toLatin1()) ||
                server->countReceived(id.toLatin1()) == 2);
    }
};

QTEST_GUILESS_MAIN(TestSessionMock)
#include "tst_sessionmock.moc"
