// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// Messages: public broadcast, private messages, client ids with edits, duplicates and
// retractions, live-typing drafts, pass-through attributes.
#include "testserver.h"
#include "wireclient.h"

#include <QJsonArray>
#include <QTest>

using namespace talker::test;

namespace {
const QString kId = QStringLiteral("id");
const QString kTo = QStringLiteral("to");
const QString kPrivate = QStringLiteral("private");

QJsonObject withId(const QString &content, const QString &id, const QJsonObject &extra = {})
{
    QJsonObject m = message(content, extra);
    m.insert(kId, id);
    return m;
}
} // namespace

class TestServerMessages : public QObject
{
    Q_OBJECT

private:
    /// Alice, Bob and Carol joined in `room`, each with their join events drained.
    struct Trio
    {
        std::unique_ptr<WireClient> a, b, c;
    };
    Trio trio(const QString &room)
    {
        Trio t;
        t.a = std::make_unique<WireClient>(m_server.port());
        t.b = std::make_unique<WireClient>(m_server.port());
        t.c = std::make_unique<WireClient>(m_server.port());
        if (!joinAll(room, {{t.a.get(), m_alice}, {t.b.get(), m_bob}, {t.c.get(), m_carol}}))
            return Trio{};
        t.a->sync();
        t.b->sync();
        t.c->sync();
        return t;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.startWithUsers({{QStringLiteral("alice"), &m_alice},
                                         {QStringLiteral("bob"), &m_bob},
                                         {QStringLiteral("carol"), &m_carol}}));
    }

    void publicMessageToEveryoneIncludingSender()
    {
        auto t = trio(QStringLiteral("public"));
        QVERIFY(t.a);
        t.a->send(message(QStringLiteral("hello room")));
        QJsonObject seen[3];
        WireClient *clients[3] = {t.a.get(), t.b.get(), t.c.get()};
        for (int i = 0; i < 3; ++i) {
            seen[i] = clients[i]->waitFor(kMessage);
            QCOMPARE(seen[i].value(kContent).toString(), QStringLiteral("hello room"));
        }
        QCOMPARE(seen[0], seen[1]);
        QCOMPARE(seen[1], seen[2]);
        const QJsonObject &m = seen[0];
        QCOMPARE(m.value(QStringLiteral("user")).toObject(), t.a->user());
        QCOMPARE(m.value(kId).toString().size(), 32);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QVERIFY(qAbs(m.value(QStringLiteral("time")).toInteger() - now) < 60);
        QVERIFY(!m.contains(kPrivate));
        QVERIFY(!m.contains(kTo));
    }

    void idsAreUnique()
    {
        auto t = trio(QStringLiteral("ids"));
        QVERIFY(t.a);
        QSet<QString> ids;
        for (int i = 0; i < 20; ++i)
            t.a->send(message(QString::number(i)));
        for (int i = 0; i < 20; ++i) {
            const QJsonObject m = t.b->waitFor(kMessage);
            QCOMPARE(m.value(kContent).toString(), QString::number(i)); // in order
            ids.insert(m.value(kId).toString());
        }
        QCOMPARE(ids.size(), 20);
    }

    void contentCoercedAndExtrasPassThrough()
    {
        auto t = trio(QStringLiteral("coerce"));
        QVERIFY(t.a);
        t.a->sendRaw(R"({"type":"message","content":1,"action":true,"color":{"r":1},)"
                     R"("time":5,"private":true,"user":{"id":"999","name":"mallory"}})"
                     "\n");
        const QJsonObject m = t.b->waitFor(kMessage);
        QCOMPARE(m.value(kContent), QJsonValue(QStringLiteral("1")));
        QCOMPARE(m.value(QStringLiteral("action")), QJsonValue(true));
        QCOMPARE(m.value(QStringLiteral("color")).toObject(),
                 (QJsonObject{{QStringLiteral("r"), 1}}));
        QVERIFY(m.value(QStringLiteral("time")).toInteger() > 1600000000);
        QVERIFY(!m.contains(kPrivate));
        QCOMPARE(m.value(QStringLiteral("user")).toObject(), t.a->user());
    }

    void privateById()
    {
        auto t = trio(QStringLiteral("pm-id"));
        QVERIFY(t.a);
        t.a->send(message(QStringLiteral("psst"), {{kTo, t.b->userId()}}));
        const QJsonObject atB = t.b->waitFor(kMessage);
        QCOMPARE(atB.value(kContent).toString(), QStringLiteral("psst"));
        QCOMPARE(atB.value(kPrivate), QJsonValue(true));
        QCOMPARE(atB.value(QStringLiteral("user")).toObject(), t.a->user());
        // The sender's copy keeps `to`.
        const QJsonObject atA = t.a->waitFor(kMessage);
        QCOMPARE(atA.value(kTo).toString(), t.b->userId());
        QCOMPARE(atA.value(kId), atB.value(kId));
        // Carol sees nothing.
        const auto atC = t.c->sync();
        QVERIFY2(!types(atC).contains(kMessage), qPrintable(types(atC).join(QLatin1Char(','))));
    }

    void privateByName()
    {
        auto t = trio(QStringLiteral("pm-name"));
        QVERIFY(t.a);
        t.a->send(message(QStringLiteral("by name"), {{kTo, QStringLiteral("carol")}}));
        const QJsonObject atC = t.c->waitFor(kMessage);
        QCOMPARE(atC.value(kContent).toString(), QStringLiteral("by name"));
        QCOMPARE(atC.value(kPrivate), QJsonValue(true));
        QCOMPARE(t.a->waitFor(kMessage).value(kTo).toString(), t.c->userId());
        QVERIFY(!types(t.b->sync()).contains(kMessage));
    }

    void privateReachesEveryConnectionOfBothUsers()
    {
        auto t = trio(QStringLiteral("pm-multi"));
        QVERIFY(t.a);
        WireClient a2(m_server.port()), b2(m_server.port());
        QVERIFY(joinAll(QStringLiteral("pm-multi"), {{&a2, m_alice}, {&b2, m_bob}}));
        t.a->send(message(QStringLiteral("both devices"), {{kTo, t.b->userId()}}));
        for (WireClient *c : {t.a.get(), &a2, t.b.get(), &b2})
            QCOMPARE(c->waitFor(kMessage).value(kContent).toString(),
                     QStringLiteral("both devices"));
        QVERIFY(!types(t.c->sync()).contains(kMessage));
    }

    void privateToSelfArrivesOnce()
    {
        auto t = trio(QStringLiteral("pm-self"));
        QVERIFY(t.a);
        WireClient a2(m_server.port());
        QVERIFY(a2.join(QStringLiteral("pm-self"), m_alice));
        t.a->send(message(QStringLiteral("note to self"), {{kTo, t.a->userId()}}));
        for (WireClient *c : {t.a.get(), &a2}) {
            QList<QJsonObject> events = c->sync();
            int count = 0;
            for (const QJsonObject &e : events)
                count += e.value(kContent) == QStringLiteral("note to self") ? 1 : 0;
            QCOMPARE(count, 1);
        }
        QVERIFY(!types(t.b->sync()).contains(kMessage));
    }

    void privateToUnknownUser()
    {
        auto t = trio(QStringLiteral("pm-unknown"));
        QVERIFY(t.a);
        t.a->send(message(QStringLiteral("hello?"), {{kTo, QStringLiteral("nobody")}}));
        const QJsonObject error = t.a->waitFor(QStringLiteral("error"));
        QCOMPARE(error, errorEvent(QStringLiteral("No such user in room")));
        // Still open, and nobody got the message.
        bool ok = false;
        QVERIFY(!types(t.a->sync(&ok)).contains(kMessage));
        QVERIFY(ok);
        QVERIFY(!types(t.b->sync()).contains(kMessage));
    }

    void privateToUserInAnotherRoom()
    {
        auto t = trio(QStringLiteral("pm-room1"));
        QVERIFY(t.a);
        WireClient dave(m_server.port());
        const QString daveToken = m_server.addUser(QStringLiteral("dave"));
        QVERIFY(dave.join(QStringLiteral("pm-room2"), daveToken));
        t.a->send(message(QStringLiteral("x"), {{kTo, QStringLiteral("dave")}}));
        QCOMPARE(t.a->waitFor(QStringLiteral("error")).value(kMessage).toString(),
                 QStringLiteral("No such user in room"));
        QVERIFY(!types(dave.sync()).contains(kMessage));
    }

    void clientIdKeptThenEdited()
    {
        auto t = trio(QStringLiteral("edit"));
        QVERIFY(t.a);
        t.a->send(withId(QStringLiteral("v1"), QStringLiteral("m-1")));
        const QJsonObject first = t.b->waitFor(kMessage);
        QCOMPARE(first.value(kId).toString(), QStringLiteral("m-1"));
        QVERIFY(!first.contains(QStringLiteral("edited")));
        t.a->send(withId(QStringLiteral("v2"), QStringLiteral("m-1")));
        const QJsonObject edit = t.b->waitFor(kMessage);
        QCOMPARE(edit.value(kId).toString(), QStringLiteral("m-1"));
        QCOMPARE(edit.value(kContent).toString(), QStringLiteral("v2"));
        QCOMPARE(edit.value(QStringLiteral("time")), first.value(QStringLiteral("time")));
        QVERIFY(edit.value(QStringLiteral("edited")).toInteger() >=
                first.value(QStringLiteral("time")).toInteger());
        QCOMPARE(t.c->waitFor(kMessage).value(kContent).toString(), QStringLiteral("v1"));
        QCOMPARE(t.c->waitFor(kMessage).value(kContent).toString(), QStringLiteral("v2"));
    }

    void duplicateGoesBackToSenderOnly()
    {
        auto t = trio(QStringLiteral("dup"));
        QVERIFY(t.a);
        t.a->send(withId(QStringLiteral("once"), QStringLiteral("dup-1")));
        const QJsonObject original = t.a->waitFor(kMessage);
        QCOMPARE(t.b->waitFor(kMessage), original);
        QCOMPARE(t.c->waitFor(kMessage), original);
        // A second connection of alice resends it (an outbox retry after reconnect).
        WireClient a2(m_server.port());
        QVERIFY(a2.join(QStringLiteral("dup"), m_alice));
        a2.sync();
        a2.send(withId(QStringLiteral("once"), QStringLiteral("dup-1")));
        QCOMPARE(a2.waitFor(kMessage), original);
        QVERIFY(!types(t.b->sync()).contains(kMessage));
        QVERIFY(!types(t.a->sync()).contains(kMessage));
        QVERIFY(!types(t.c->sync()).contains(kMessage));
    }

    void retraction()
    {
        auto t = trio(QStringLiteral("retract"));
        QVERIFY(t.a);
        t.a->send(withId(QStringLiteral("oops"), QStringLiteral("r1")));
        QCOMPARE(t.b->waitFor(kMessage).value(kContent).toString(), QStringLiteral("oops"));
        t.a->send(withId(QString(QLatin1String("")), QStringLiteral("r1")));
        const QJsonObject gone = t.b->waitFor(kMessage);
        QCOMPARE(gone.value(kId).toString(), QStringLiteral("r1"));
        QCOMPARE(gone.value(QStringLiteral("deleted")), QJsonValue(true));
        QCOMPARE(gone.value(kContent).toString(), QString());
        QCOMPARE(t.c->waitFor(kMessage).value(kContent).toString(), QStringLiteral("oops"));
        QCOMPARE(t.c->waitFor(kMessage).value(QStringLiteral("deleted")), QJsonValue(true));
    }

    void notYourMessage()
    {
        auto t = trio(QStringLiteral("notyours"));
        QVERIFY(t.a);
        t.a->send(withId(QStringLiteral("mine"), QStringLiteral("own-1")));
        QVERIFY(!t.b->waitFor(kMessage).isEmpty());
        QVERIFY(!t.a->waitFor(kMessage).isEmpty());
        for (const QString &content :
             {QStringLiteral("hijack"), QString(QLatin1String("")), QStringLiteral("mine")}) {
            t.b->send(withId(content, QStringLiteral("own-1")));
            QCOMPARE(t.b->waitFor(QStringLiteral("error")),
                     errorEvent(QStringLiteral("Not your message"), QStringLiteral("own-1")));
        }
        bool ok = false;
        QVERIFY(!types(t.a->sync(&ok)).contains(kMessage));
        QVERIFY(ok);
        QVERIFY(t.b->isOpen());
    }

    void invalidClientId_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("space") << QStringLiteral("a b");
        QTest::newRow("too long") << QString(65, QLatin1Char('x'));
        QTest::newRow("slash") << QStringLiteral("a/b");
    }
    void invalidClientId()
    {
        QFETCH(QString, id);
        auto t = trio(QStringLiteral("badid"));
        QVERIFY(t.a);
        t.a->send(withId(QStringLiteral("x"), id));
        QCOMPARE(t.a->waitFor(QStringLiteral("error")).value(kMessage).toString(),
                 QStringLiteral("Invalid message id"));
        QVERIFY(!types(t.b->sync()).contains(kMessage));
    }

    void maxLengthIdAccepted()
    {
        auto t = trio(QStringLiteral("longid"));
        QVERIFY(t.a);
        const QString id = QString(63, QLatin1Char('a')) + QLatin1Char('_');
        t.a->send(withId(QStringLiteral("x"), id));
        QCOMPARE(t.b->waitFor(kMessage).value(kId).toString(), id);
    }

    void partialOnlyToThoseWhoAsked()
    {
        WireClient a(m_server.port());
        QVERIFY(a.join(QStringLiteral("drafts"), m_alice));
        WireClient b(m_server.port());
        QVERIFY(
            b.join(QStringLiteral("drafts"), m_bob, {{QStringLiteral("include_partial"), true}}));
        WireClient c(m_server.port());
        QVERIFY(c.join(QStringLiteral("drafts"), m_carol));
        a.sync();
        b.sync();
        c.sync();
        a.send(withId(QStringLiteral("hel"), QStringLiteral("d1"),
                      {{QStringLiteral("partial"), true}}));
        const QJsonObject draft = b.waitFor(kMessage);
        QCOMPARE(draft.value(kContent).toString(), QStringLiteral("hel"));
        QCOMPARE(draft.value(QStringLiteral("partial")), QJsonValue(true));
        QCOMPARE(draft.value(kId).toString(), QStringLiteral("d1"));
        QVERIFY(!types(c.sync()).contains(kMessage));
        QVERIFY(!types(a.sync()).contains(kMessage)); // alice did not ask either

        // The final send commits it, to everyone.
        a.send(withId(QStringLiteral("hello"), QStringLiteral("d1")));
        for (WireClient *w : {&a, &b, &c}) {
            const QJsonObject m = w->waitFor(kMessage);
            QCOMPARE(m.value(kContent).toString(), QStringLiteral("hello"));
            QVERIFY(!m.contains(QStringLiteral("partial")));
            QVERIFY(!m.contains(QStringLiteral("edited")));
        }
        // Drafts are not stored: a history replay shows only the final message.
        WireClient late(m_server.port());
        QVERIFY(late.join(QStringLiteral("drafts"), m_carol, {{QStringLiteral("history"), 50}}));
        QCOMPARE(contents(late.handshake()), QStringList{QStringLiteral("hello")});
    }

    void privateDraftOnlyToBothSidesThatAsked()
    {
        const QJsonObject partial{{QStringLiteral("include_partial"), true}};
        WireClient a(m_server.port());
        QVERIFY(a.join(QStringLiteral("pdrafts"), m_alice, partial));
        WireClient b(m_server.port());
        QVERIFY(b.join(QStringLiteral("pdrafts"), m_bob, partial));
        WireClient c(m_server.port());
        QVERIFY(c.join(QStringLiteral("pdrafts"), m_carol, partial));
        a.sync();
        b.sync();
        c.sync();
        a.send(withId(QStringLiteral("se"), QStringLiteral("pd1"),
                      {{QStringLiteral("partial"), true}, {kTo, QStringLiteral("bob")}}));
        const QJsonObject atB = b.waitFor(kMessage);
        QCOMPARE(atB.value(QStringLiteral("partial")), QJsonValue(true));
        QCOMPARE(atB.value(kPrivate), QJsonValue(true));
        QCOMPARE(a.waitFor(kMessage).value(kContent).toString(), QStringLiteral("se"));
        QVERIFY(!types(c.sync()).contains(kMessage));
        // The first partial reserved the id for alice: bob's draft with it is refused.
        b.send(withId(QStringLiteral("x"), QStringLiteral("pd1"),
                      {{QStringLiteral("partial"), true}}));
        bool ok = false;
        QCOMPARE(b.sync(&ok), QList<QJsonObject>{errorEvent(QStringLiteral("Not your message"),
                                                            QStringLiteral("pd1"))});
        QVERIFY(ok);
    }

    void draftIdCannotBeTakenOver()
    {
        // Bob watches drafts, sees alice's draft id and sends a final message with it
        // first: he gets "Not your message", and alice's message still goes out.
        const QJsonObject partial{{QStringLiteral("include_partial"), true}};
        WireClient a(m_server.port());
        QVERIFY(a.join(QStringLiteral("takeover"), m_alice));
        WireClient b(m_server.port());
        QVERIFY(b.join(QStringLiteral("takeover"), m_bob, partial));
        a.sync();
        b.sync();
        a.send(withId(QStringLiteral("my dra"), QStringLiteral("draft-7"),
                      {{QStringLiteral("partial"), true}}));
        const QString id = b.waitFor(kMessage).value(kId).toString();
        QCOMPARE(id, QStringLiteral("draft-7"));
        b.send(withId(QStringLiteral("mine now"), id));
        bool ok = false;
        QCOMPARE(b.sync(&ok),
                 QList<QJsonObject>{errorEvent(QStringLiteral("Not your message"), id)});
        QVERIFY(ok);
        a.send(withId(QStringLiteral("my draft"), id));
        const QJsonObject sent = a.waitFor(kMessage);
        QCOMPARE(sent.value(kContent).toString(), QStringLiteral("my draft"));
        QVERIFY(!sent.contains(QStringLiteral("edited")));
        QCOMPARE(b.waitFor(kMessage).value(kContent).toString(), QStringLiteral("my draft"));
    }

    void emptyMessageIgnored()
    {
        auto t = trio(QStringLiteral("empty"));
        QVERIFY(t.a);
        t.a->send(message(QString(QLatin1String(""))));
        t.a->sendRaw(R"({"type":"message"})"
                     "\n");
        bool ok = false;
        QVERIFY(!types(t.b->sync()).contains(kMessage));
        QVERIFY(!types(t.a->sync(&ok)).contains(kMessage));
        QVERIFY(ok);
    }

private:
    TestServer m_server;
    QString m_alice, m_bob, m_carol;
};

QTEST_GUILESS_MAIN(TestServerMessages)
#include "tst_server_messages.moc"
