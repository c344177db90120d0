// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// SqliteStore: users with hashed tokens, room history, replay queries, private
// filtering, failures reported instead of half-written data.
#include "store/invite.h"
#include "store/sqlitestore.h"
#include "store/token.h"

#include "databaselock.h"
#include "sqliteinspector.h"

#include <QTemporaryDir>
#include <QTest>

using talker::store::EventKind;
using talker::store::SqliteStore;
using talker::store::StoredEvent;

namespace {
StoredEvent makeEvent(const QString &room, const QString &id, const QString &sender,
                      const QString &content, const QString &recipient = QString())
{
    StoredEvent e;
    e.room = room;
    e.id = id;
    e.kind = EventKind::Message;
    e.senderId = sender;
    e.recipientId = recipient;
    e.time = 1000;
    e.content = content;
    e.line = "{\"content\":\"" + content.toUtf8() + "\"}\n";
    return e;
}

QStringList contents(const QList<StoredEvent> &events)
{
    QStringList list;
    for (const StoredEvent &e : events)
        list.append(e.content);
    return list;
}
} // namespace

class TestSqliteStore : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_store.open(m_dir->filePath(QStringLiteral("t.db"))));
    }
    void cleanup()
    {
        m_store.close();
        m_dir.reset();
    }

    void tokens()
    {
        const QString a = talker::store::generateToken();
        const QString b = talker::store::generateToken();
        QVERIFY(a != b);
        QVERIFY(a.size() >= 43);
        QCOMPARE(talker::store::hashToken(a).size(), 64);
        QCOMPARE(talker::store::hashToken(a), talker::store::hashToken(a));
        // Never read as an option when pasted after a command (1 in 64 did).
        for (int i = 0; i < 2000; ++i) {
            QVERIFY(!talker::store::generateToken().startsWith(QLatin1Char('-')));
            QVERIFY(!talker::store::generateInviteCode().startsWith(QLatin1Char('-')));
        }
        QVERIFY(talker::store::generateEventId() != talker::store::generateEventId());
        QCOMPARE(talker::store::generateEventId().size(), 32);
    }

    void users()
    {
        QString token;
        const auto alice = m_store.addUser(QStringLiteral("alice"), &token);
        QVERIFY(alice);
        QVERIFY(!token.isEmpty());
        QCOMPARE(m_store.userByToken(token)->name, QStringLiteral("alice"));
        QCOMPARE(m_store.userByToken(token)->id, alice->id);
        QVERIFY(!m_store.userByToken(QStringLiteral("wrong")));
        QVERIFY(!m_store.userByToken(QString()));
        QString other;
        QVERIFY(!m_store.addUser(QStringLiteral("alice"), &other)); // unique names
        QVERIFY(!m_store.lastError().isEmpty());
        QVERIFY(!m_store.addUser(QString(), &other));
        const auto fresh = m_store.resetToken(QStringLiteral("alice"));
        QVERIFY(fresh);
        QVERIFY(!m_store.userByToken(token));
        QCOMPARE(m_store.userByToken(*fresh)->id, alice->id);
        QVERIFY(!m_store.resetToken(QStringLiteral("nobody")));
        QVERIFY(m_store.addUser(QStringLiteral("bob"), &other));
        QCOMPARE(m_store.users().size(), 2);
        QVERIFY(m_store.removeUser(QStringLiteral("bob")));
        QVERIFY(!m_store.removeUser(QStringLiteral("bob")));
        QVERIFY(!m_store.userByToken(other));
        QCOMPARE(m_store.users().size(), 1);
    }

    void historyAndReplay()
    {
        QStringList all;
        for (int i = 0; i < 10; ++i) {
            StoredEvent e = makeEvent(QStringLiteral("r"), QStringLiteral("id%1").arg(i),
                                      QStringLiteral("1"), QString::number(i));
            QVERIFY(m_store.append(&e));
            QVERIFY(e.seq > 0);
            all.append(QString::number(i));
        }
        StoredEvent elsewhere = makeEvent(QStringLiteral("other"), QStringLiteral("x"),
                                          QStringLiteral("1"), QStringLiteral("elsewhere"));
        QVERIFY(m_store.append(&elsewhere));
        bool found = false;
        QCOMPARE(contents(m_store.eventsAfter(QStringLiteral("r"), QStringLiteral("id6"),
                                              QStringLiteral("2"), 100, &found)),
                 all.mid(7));
        QVERIFY(found);
        // The cap keeps the newest.
        QCOMPARE(contents(m_store.eventsAfter(QStringLiteral("r"), QStringLiteral("id0"),
                                              QStringLiteral("2"), 3, &found)),
                 all.mid(7));
        QVERIFY(m_store
                    .eventsAfter(QStringLiteral("r"), QStringLiteral("nope"), QStringLiteral("2"),
                                 3, &found)
                    .isEmpty());
        QVERIFY(!found);
        QCOMPARE(contents(m_store.lastEvents(QStringLiteral("r"), QStringLiteral("2"), 2)),
                 all.mid(8));
        QCOMPARE(contents(m_store.lastEvents(QStringLiteral("other"), QStringLiteral("2"), 50)),
                 QStringList{QStringLiteral("elsewhere")});
    }

    void byIdIndexesOnlyJoinsAndLeaves()
    {
        // Schema version 4: a message is found by id through `messages`; only joins
        // and leaves keep an index by id on events (random keys cost a page each).
        talker::test::SqliteInspector inspect(m_dir->filePath(QStringLiteral("t.db")));
        QVERIFY(inspect.isOpen());
        QCOMPARE(inspect.number(QStringLiteral("PRAGMA user_version")), qint64(4));
        const auto has = [&](const char *name) {
            return inspect.number(
                       QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = '%1'")
                           .arg(QLatin1String(name))) == 1;
        };
        QVERIFY(has("events_presence_id"));
        QVERIFY(!has("events_room_id"));
        QVERIFY(!has("messages_id"));
        // And both kinds are still found by id.
        StoredEvent join =
            makeEvent(QStringLiteral("r"), QStringLiteral("j"), QStringLiteral("1"), QString());
        join.kind = EventKind::Join;
        StoredEvent m = makeEvent(QStringLiteral("r"), QStringLiteral("m"), QStringLiteral("1"),
                                  QStringLiteral("hi"));
        QVERIFY(m_store.append(&join));
        QVERIFY(m_store.append(&m));
        QCOMPARE(m_store.firstSeq(QStringLiteral("r"), QStringLiteral("j")), join.seq);
        QCOMPARE(m_store.firstSeq(QStringLiteral("r"), QStringLiteral("m")), m.seq);
        QCOMPARE(m_store.latest(QStringLiteral("r"), QStringLiteral("j"))->seq, join.seq);
        QCOMPARE(m_store.firstSeq(QStringLiteral("other"), QStringLiteral("m")), qint64(-1));
    }

    void latestIsTheNewestVersion()
    {
        StoredEvent v1 = makeEvent(QStringLiteral("r"), QStringLiteral("m"), QStringLiteral("1"),
                                   QStringLiteral("v1"));
        StoredEvent v2 = makeEvent(QStringLiteral("r"), QStringLiteral("m"), QStringLiteral("1"),
                                   QStringLiteral("v2"));
        QVERIFY(m_store.append(&v1));
        QVERIFY(m_store.append(&v2));
        const auto latest = m_store.latest(QStringLiteral("r"), QStringLiteral("m"));
        QVERIFY(latest);
        QCOMPARE(latest->content, QStringLiteral("v2"));
        QCOMPARE(latest->senderId, QStringLiteral("1"));
        QCOMPARE(latest->line, v2.line);
        QVERIFY(!m_store.latest(QStringLiteral("other"), QStringLiteral("m")));
        // Replay after the message's id starts after its first version.
        bool found = false;
        QCOMPARE(contents(m_store.eventsAfter(QStringLiteral("r"), QStringLiteral("m"),
                                              QStringLiteral("1"), 10, &found)),
                 QStringList{QStringLiteral("v2")});
    }

    void privateMessagesFiltered()
    {
        StoredEvent pub = makeEvent(QStringLiteral("r"), QStringLiteral("p"), QStringLiteral("1"),
                                    QStringLiteral("pub"));
        StoredEvent priv = makeEvent(QStringLiteral("r"), QStringLiteral("q"), QStringLiteral("1"),
                                     QStringLiteral("priv"), QStringLiteral("2"));
        QVERIFY(m_store.append(&pub));
        QVERIFY(m_store.append(&priv));
        QCOMPARE(contents(m_store.lastEvents(QStringLiteral("r"), QStringLiteral("1"), 10)),
                 (QStringList{QStringLiteral("pub"), QStringLiteral("priv")}));
        QCOMPARE(contents(m_store.lastEvents(QStringLiteral("r"), QStringLiteral("2"), 10)),
                 (QStringList{QStringLiteral("pub"), QStringLiteral("priv")}));
        QCOMPARE(contents(m_store.lastEvents(QStringLiteral("r"), QStringLiteral("3"), 10)),
                 QStringList{QStringLiteral("pub")});
        // The cap counts only what the user may see.
        QCOMPARE(contents(m_store.lastEvents(QStringLiteral("r"), QStringLiteral("3"), 1)),
                 QStringList{QStringLiteral("pub")});
    }

    void rooms()
    {
        QVERIFY(m_store.ensureRoom(QStringLiteral("b")));
        QVERIFY(m_store.ensureRoom(QStringLiteral("a")));
        QVERIFY(m_store.ensureRoom(QStringLiteral("a")));
        QCOMPARE(m_store.rooms(), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    }

    void walAndSurvivesReopen()
    {
        StoredEvent e = makeEvent(QStringLiteral("r"), QStringLiteral("k"), QStringLiteral("1"),
                                  QStringLiteral("kept"));
        QVERIFY(m_store.append(&e));
        m_store.close();
        SqliteStore again;
        QVERIFY(again.open(m_dir->filePath(QStringLiteral("t.db"))));
        QCOMPARE(contents(again.lastEvents(QStringLiteral("r"), QString(), 5)),
                 QStringList{QStringLiteral("kept")});
        const talker::test::SqliteInspector peek(m_dir->filePath(QStringLiteral("t.db")));
        QVERIFY(peek.isOpen());
        QCOMPARE(peek.text(QStringLiteral("PRAGMA journal_mode")), QStringLiteral("wal"));
    }

    void readOnlyStoreReportsFailure()
    {
        StoredEvent e = makeEvent(QStringLiteral("r"), QStringLiteral("k"), QStringLiteral("1"),
                                  QStringLiteral("kept"));
        QVERIFY(m_store.append(&e));
        SqliteStore ro;
        SqliteStore::Options options;
        options.readOnly = true;
        QVERIFY(ro.open(m_dir->filePath(QStringLiteral("t.db")), options));
        StoredEvent more = makeEvent(QStringLiteral("r"), QStringLiteral("k2"), QStringLiteral("1"),
                                     QStringLiteral("new"));
        QVERIFY(!ro.append(&more));
        QVERIFY(!ro.lastError().isEmpty());
        QString token;
        QVERIFY(!ro.addUser(QStringLiteral("x"), &token));
        // Reading still works, and nothing was lost.
        QCOMPARE(contents(ro.lastEvents(QStringLiteral("r"), QString(), 5)),
                 QStringList{QStringLiteral("kept")});
    }

    void lockedDatabaseFailsWithinBusyTimeout()
    {
        SqliteStore fast;
        SqliteStore::Options options;
        options.busyTimeoutMs = 100;
        QVERIFY(fast.open(m_dir->filePath(QStringLiteral("t.db")), options));
        talker::test::DatabaseLock lock(m_dir->filePath(QStringLiteral("t.db")));
        QVERIFY(lock.isHeld());
        StoredEvent e = makeEvent(QStringLiteral("r"), QStringLiteral("l"), QStringLiteral("1"),
                                  QStringLiteral("x"));
        QVERIFY(!fast.append(&e));
        QVERIFY(lock.release());
        QVERIFY(fast.append(&e));
    }

    void unopenableFileFails()
    {
        SqliteStore bad;
        QVERIFY(!bad.open(QStringLiteral("/nonexistent-dir/a/b.db")));
        QVERIFY(!bad.lastError().isEmpty());
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    SqliteStore m_store;
};

QTEST_GUILESS_MAIN(TestSqliteStore)
#include "tst_sqlitestore.moc"
