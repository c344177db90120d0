// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// Typed errors end to end against the real talker-server: every error about one
// message names its id, and the client marks exactly that message failed, with why.
#include "client/account.h"
#include "client/conversation.h"
#include "client/outbox.h"
#include "client/room.h"
#include "client/timeline.h"
#include "fastsession.h"
#include "models/messagemodel.h"
#include "testaccount.h"
#include "testserver.h"
#include "wireclient.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <utility>

using namespace talker;
using namespace talker::client;
using talker::test::fastSessionSettings;
using talker::test::TestServer;
using talker::test::WireClient;

namespace {
constexpr int Timeout = 15000;

QString field(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

Message::Delivery deliveryOf(const Timeline *t, const QString &id)
{
    const int row = t->indexOf(id);
    return row >= 0 ? t->at(row).delivery : Message::Delivery::Pending;
}
} // namespace

class TestSendErrors : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> server;
    QTemporaryDir dir;
    QString aliceToken, bobToken;

    std::unique_ptr<Account> makeAccount(const QString &name, const QString &token)
    {
        return test::makeTestAccount(server->port(), dir.path(), name, token);
    }

    static Room *main(const std::unique_ptr<Account> &a) { return a->room(QStringLiteral("Main")); }

    /// A wire client joined to Main as alice, the handshake read.
    std::unique_ptr<WireClient> wireAlice()
    {
        auto c = std::make_unique<WireClient>(server->port());
        if (!c->open() || !c->join(QStringLiteral("Main"), aliceToken))
            return nullptr;
        return c;
    }

    /// bob connects once, so that alice knows his name, then leaves Main: *bobId is his
    /// id. False when that did not happen in time.
    bool bobCameAndLeft(const std::unique_ptr<Account> &alice, QString *bobId)
    {
        auto bob = makeAccount(QStringLiteral("bob"), bobToken);
        if (!QTest::qWaitFor([&] { return main(alice)->isConnected() && main(bob)->isConnected(); },
                             Timeout))
            return false;
        *bobId = bob->userId();
        if (!QTest::qWaitFor([&] { return main(alice)->memberIndex(*bobId) >= 0; }, Timeout))
            return false;
        bob->leaveRoom(QStringLiteral("Main"));
        return QTest::qWaitFor(
            [&] {
                const int i = main(alice)->memberIndex(*bobId);
                return i >= 0 && main(alice)->members().at(i).presence == Room::Presence::Offline;
            },
            Timeout);
    }

private slots:
    void init()
    {
        QVERIFY(dir.isValid());
        server = std::make_unique<TestServer>();
        QVERIFY(server->start());
        aliceToken = server->addUser(QStringLiteral("alice"));
        bobToken = server->addUser(QStringLiteral("bob"));
        QVERIFY(!aliceToken.isEmpty() && !bobToken.isEmpty());
    }
    void cleanup() { server.reset(); }

    void serverErrorsNameTheMessage()
    {
        auto alice = wireAlice();
        QVERIFY(alice);
        const auto errorFor = [](WireClient *c, const QByteArray &line) {
            c->sendRaw(line + '\n');
            const QJsonObject e = c->waitFor(QStringLiteral("error"));
            return std::make_pair(field(e, "message"), field(e, "id"));
        };
        using Answer = std::pair<QString, QString>;
        QCOMPARE(errorFor(alice.get(),
                          R"({"type":"message","id":"m1","to":"nobody","content":"hello?"})"),
                 Answer(QStringLiteral("No such user in room"), QStringLiteral("m1")));
        QCOMPARE(errorFor(alice.get(), R"({"type":"message","id":"m2","content":{}})"),
                 Answer(QStringLiteral("Invalid content"), QStringLiteral("m2")));
        QCOMPARE(errorFor(alice.get(), R"({"type":"message","id":"m3","content":"x","partial":1})"),
                 Answer(QStringLiteral("Invalid partial"), QStringLiteral("m3")));
        // an error about no message carries no id
        QCOMPARE(errorFor(alice.get(), R"({"type":"connect","room":"Main","token":"x"})"),
                 Answer(QStringLiteral("Already connected"), QString()));

        // bob takes an id alice used: "Not your message" names it
        alice->sendRaw(R"({"type":"message","id":"mine","content":"from alice"})"
                       "\n");
        QCOMPARE(field(alice->waitFor(QStringLiteral("message")), "id"), QStringLiteral("mine"));
        WireClient bob(server->port());
        QVERIFY(bob.open() && bob.join(QStringLiteral("Main"), bobToken));
        QCOMPARE(errorFor(&bob, R"({"type":"message","id":"mine","content":"from bob"})"),
                 Answer(QStringLiteral("Not your message"), QStringLiteral("mine")));
    }

    void failedSendMarksThatMessageWithItsReason()
    {
        auto alice = makeAccount(QStringLiteral("alice"), aliceToken);
        QString bobId;
        QVERIFY(bobCameAndLeft(alice, &bobId));

        // three in flight at once; the middle one fails, its neighbours are delivered
        const QString first = main(alice)->sendMessage(QStringLiteral("first"));
        const QString toBob = main(alice)->sendPrivate(bobId, QStringLiteral("are you there?"));
        const QString last = main(alice)->sendMessage(QStringLiteral("last"));
        Conversation *withBob = alice->conversation(bobId);
        QVERIFY(withBob);
        QTRY_COMPARE_WITH_TIMEOUT(deliveryOf(withBob->timeline(), toBob), Message::Delivery::Failed,
                                  Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(deliveryOf(main(alice)->timeline(), last),
                                  Message::Delivery::Sent, Timeout);
        QCOMPARE(deliveryOf(main(alice)->timeline(), first), Message::Delivery::Sent);
        const Message failed = withBob->timeline()->at(withBob->timeline()->indexOf(toBob));
        QCOMPARE(failed.failReason, QStringLiteral("bob isn't in #Main"));
        QCOMPARE(alice->outbox()->count(), 1); // kept for Retry

        // the model shows the reason on that row, and none on the others
        models::MessageModel model;
        model.setTimeline(withBob->timeline());
        const QModelIndex row = model.index(model.rowOf(toBob));
        QVERIFY(model.data(row, models::MessageModel::FailedRole).toBool());
        QCOMPARE(model.data(row, models::MessageModel::FailReasonRole).toString(),
                 QStringLiteral("bob isn't in #Main"));
        model.setTimeline(main(alice)->timeline());
        QCOMPARE(model.data(model.index(model.rowOf(last)), models::MessageModel::FailReasonRole)
                     .toString(),
                 QString());

        // Retry clears the reason while it is pending; bob is still away, so it fails again
        QVERIFY(main(alice)->retry(toBob));
        const Message retried = withBob->timeline()->at(withBob->timeline()->indexOf(toBob));
        QCOMPARE(retried.delivery, Message::Delivery::Pending);
        QVERIFY(retried.failReason.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(deliveryOf(withBob->timeline(), toBob), Message::Delivery::Failed,
                                  Timeout);
    }

    void failedSendKeepsItsReasonAcrossRestarts()
    {
        auto alice = makeAccount(QStringLiteral("alice"), aliceToken);
        QString bobId;
        QVERIFY(bobCameAndLeft(alice, &bobId));
        const QString toBob = main(alice)->sendPrivate(bobId, QStringLiteral("still there?"));
        QTRY_COMPARE_WITH_TIMEOUT(deliveryOf(alice->conversation(bobId)->timeline(), toBob),
                                  Message::Delivery::Failed, Timeout);

        // the app restarts offline (no token: no session, no member list): the cache
        // alone brings back the failed message with why
        alice.reset();
        auto again = makeAccount(QStringLiteral("alice"), QString());
        Conversation *withBob = again->conversation(bobId);
        QVERIFY(withBob);
        const int row = withBob->timeline()->indexOf(toBob);
        QVERIFY(row >= 0);
        QCOMPARE(withBob->timeline()->at(row).delivery, Message::Delivery::Failed);
        QCOMPARE(withBob->timeline()->at(row).failReason, QStringLiteral("bob isn't in #Main"));
        QVERIFY(again->outbox()->entry(QStringLiteral("Main"), toBob)); // still there for Retry
    }
};

QTEST_GUILESS_MAIN(TestSendErrors)
#include "tst_senderrors.moc"
