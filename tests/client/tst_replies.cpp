// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Replies (`reply_to` [ext]) against the real talker-server: the attribute goes out with
// a reply, comes back to the other user as it was sent (the server passes it through),
// survives an edit, the cache (a restart) and the outbox, and the model quotes the
// original; a cache made before replies gains the column.
#include "client/account.h"
#include "client/historycache.h"
#include "client/historypager.h"
#include "client/outbox.h"
#include "client/room.h"
#include "client/timeline.h"
#include "fastsession.h"
#include "models/messagemodel.h"
#include "sqliteinspector.h"
#include "testaccount.h"
#include "testserver.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace talker;
using namespace talker::client;
using talker::models::MessageModel;
using talker::test::fastSessionSettings;
using talker::test::TestServer;

namespace {
constexpr int Timeout = 15000;

} // namespace

class TestReplies : public QObject
{
    Q_OBJECT

    TestServer m_server;
    QTemporaryDir m_dir;
    QString m_alice, m_bob;

    std::unique_ptr<Account> account(const QString &name, const QString &token)
    {
        return test::makeTestAccount(m_server.port(), m_dir.path(), name, token);
    }
    static Room *main(const std::unique_ptr<Account> &a) { return a->room(QStringLiteral("Main")); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        m_alice = m_server.addUser(QStringLiteral("alice"));
        m_bob = m_server.addUser(QStringLiteral("bob"));
    }

    void aReplyQuotesItsOriginalEverywhere()
    {
        QString originalId, replyId;
        {
            auto alice = account(QStringLiteral("alice"), m_alice);
            auto bob = account(QStringLiteral("bob"), m_bob);
            MessageModel bobMessages;
            QAbstractItemModelTester tester(&bobMessages,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
            bobMessages.setTimeline(main(bob)->timeline());
            QTRY_VERIFY_WITH_TIMEOUT(main(alice)->isConnected() && main(bob)->isConnected(),
                                     Timeout);
            originalId = main(bob)->sendMessage(QStringLiteral("where do we meet?\nat noon?"));
            QTRY_VERIFY_WITH_TIMEOUT(main(alice)->timeline()->contains(originalId), Timeout);
            replyId = main(alice)->reply(originalId, QStringLiteral("at the station"));
            QVERIFY(!replyId.isEmpty());
            // shown at once with its quote, before the server answers
            const Timeline *mine = main(alice)->timeline();
            QCOMPARE(mine->at(mine->indexOf(replyId)).replyTo, originalId);

            // bob gets the attribute as sent, and the model quotes his message
            QTRY_VERIFY_WITH_TIMEOUT(bobMessages.rowOf(replyId) >= 0, Timeout);
            const QModelIndex reply = bobMessages.index(bobMessages.rowOf(replyId));
            QCOMPARE(bobMessages.data(reply, MessageModel::ReplyToRole).toString(), originalId);
            QCOMPARE(bobMessages.data(reply, MessageModel::ReplyAuthorRole).toString(),
                     QStringLiteral("bob"));
            QCOMPARE(bobMessages.data(reply, MessageModel::ReplyTextRole).toString(),
                     QStringLiteral("where do we meet? at noon?"));
            const QModelIndex original = bobMessages.index(bobMessages.rowOf(originalId));
            QVERIFY(bobMessages.data(original, MessageModel::ReplyToRole).toString().isEmpty());

            // an edit stays a reply
            QVERIFY(main(alice)->editMessage(replyId, QStringLiteral("at the old station")));
            QTRY_COMPARE_WITH_TIMEOUT(
                bobMessages
                    .data(bobMessages.index(bobMessages.rowOf(replyId)), MessageModel::TextRole)
                    .toString(),
                QStringLiteral("at the old station"), Timeout);
            QCOMPARE(
                bobMessages
                    .data(bobMessages.index(bobMessages.rowOf(replyId)), MessageModel::ReplyToRole)
                    .toString(),
                originalId);
            QTRY_COMPARE_WITH_TIMEOUT(alice->outbox()->count(), 0, Timeout);
            bob->cache()->waitForWrites();
        }
        // after a restart, from the cache: still a reply, and the quote jumps
        auto bob = account(QStringLiteral("bob"), QString());
        const Timeline *t = main(bob)->timeline();
        QVERIFY(t->indexOf(replyId) >= 0);
        QCOMPARE(t->at(t->indexOf(replyId)).replyTo, originalId);
        QSignalSpy jumped(main(bob)->pager(), &HistoryPager::jumped);
        main(bob)->pager()->jumpTo(originalId);
        QCOMPARE(jumped.size(), 1);
    }

    void theOutboxKeepsTheReplyForAResend()
    {
        auto carol = account(QStringLiteral("carol"), QString()); // never connects
        const QString id = main(carol)->reply(QStringLiteral("abc"), QStringLiteral("later"));
        std::optional<OutboxEntry> e = carol->outbox()->entry(QStringLiteral("Main"), id);
        QVERIFY(e.has_value());
        QCOMPARE(e->replyTo, QStringLiteral("abc"));
    }

    void anOldCacheGainsTheColumn()
    {
        const QString path = m_dir.filePath(QStringLiteral("old.sqlite"));
        {
            // the schema of a cache made before replies
            const talker::test::SqliteInspector shape(path);
            QVERIFY(shape.isOpen());
            QSqlQuery q(shape.db());
            QVERIFY(q.exec(QStringLiteral(
                "CREATE TABLE messages(seq INTEGER PRIMARY KEY AUTOINCREMENT, tkey TEXT NOT NULL, "
                "id TEXT NOT NULL, author_id TEXT, author_name TEXT, content TEXT, peer_id TEXT, "
                "time INTEGER, edited INTEGER, flags INTEGER, UNIQUE(tkey, id))")));
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO messages(tkey, id, author_id, author_name, content, time, edited, "
                "flags) VALUES('room:Main', 'm1', '2', 'bob', 'kept', 1, 0, 0)")));
            QVERIFY(q.exec(QStringLiteral(
                "CREATE TABLE outbox(seq INTEGER PRIMARY KEY AUTOINCREMENT, room TEXT NOT NULL, "
                "id TEXT NOT NULL, content TEXT, to_id TEXT, action INTEGER, created INTEGER, "
                "attempts INTEGER, failed INTEGER, UNIQUE(room, id))")));
        }
        HistoryCache cache(path);
        QVERIFY2(cache.isOpen(), qPrintable(cache.errorString()));
        QCOMPARE(cache.latest(QStringLiteral("room:Main"), 5).size(), 1);
        Message m;
        m.id = QStringLiteral("m2");
        m.text = QStringLiteral("an answer");
        m.replyTo = QStringLiteral("m1");
        cache.storeMessage(QStringLiteral("room:Main"), m);
        const QList<Message> back = cache.latest(QStringLiteral("room:Main"), 5);
        QCOMPARE(back.size(), 2);
        QCOMPARE(back.at(0).text, QStringLiteral("kept"));
        QCOMPARE(back.at(1).replyTo, QStringLiteral("m1"));
    }
};

QTEST_GUILESS_MAIN(TestReplies)
#include "tst_replies.moc"
