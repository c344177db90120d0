// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The client cache's schema versions: a cache file made by the client of commit 53c605c
// (tests/client/fixtures, before versions, replies and gaps) is migrated on open and
// keeps its messages, outbox and search; a fresh cache starts at the latest version; a
// cache from a newer client is set aside, not damaged.
#include "client/cacheschema.h"
#include "client/historycache.h"
#include "client/outbox.h"
#include "sqliteinspector.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace talker::client;

namespace {

/// The schema version of a closed cache file, read with a connection of its own.
int userVersion(const QString &path)
{
    return int(talker::test::SqliteInspector(path).number(QStringLiteral("PRAGMA user_version")));
}

QStringList ids(const QList<Message> &messages)
{
    QStringList out;
    for (const Message &m : messages)
        out.append(m.id);
    return out;
}

} // namespace

class TestCacheMigrations : public QObject
{
    Q_OBJECT

private slots:
    void fixtureIsTheOldVersion()
    {
        // guards the fixture itself: a regenerated file with a version would test nothing
        // (read from a copy: opening a WAL file writes next to it)
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        QVERIFY(QFile::copy(QStringLiteral(TALKER_CACHE_FIXTURE), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        QCOMPARE(userVersion(path), 0);
        QVERIFY(cacheschema::latestVersion() >= 7);
    }

    void oldCacheIsMigratedAndKeepsItsData()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        QVERIFY(QFile::copy(QStringLiteral(TALKER_CACHE_FIXTURE), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        {
            HistoryCache cache(path);
            QVERIFY2(cache.isOpen(), qPrintable(cache.errorString()));
            QVERIFY(cache.setAsidePath().isEmpty());

            const QList<Message> general = cache.latest(QStringLiteral("room:general"), 10);
            QCOMPARE(ids(general), (QStringList{QStringLiteral("m1"), QStringLiteral("m2"),
                                                QStringLiteral("m3"), QStringLiteral("m4")}));
            QCOMPARE(general.at(1).text, QStringLiteral("the zeppelin lands at noon"));
            QVERIFY(general.at(2).isAction && general.at(2).isOwn);
            QVERIFY(general.at(3).deleted);
            QVERIFY(general.at(0).replyTo.isEmpty());
            QCOMPARE(cache.conversationKeys(), QStringList{QStringLiteral("dm:u-carol")});
            QCOMPARE(cache.lastEventId(QStringLiteral("general")), QStringLiteral("m4"));

            // search over the old rows, and over a row written after the migration
            QCOMPARE(cache.search(QStringLiteral("zeppelin"), 10).size(), 2);
            Message reply;
            reply.id = QStringLiteral("m5");
            reply.authorId = QStringLiteral("u-me");
            reply.text = QStringLiteral("zeppelins are slow");
            reply.replyTo = QStringLiteral("m2");
            cache.storeMessage(QStringLiteral("room:general"), reply);
            const auto hits = cache.search(QStringLiteral("zeppelin*"), 10);
            QCOMPARE(hits.size(), 3);
            QCOMPARE(hits.first().message.replyTo, QStringLiteral("m2"));

            // gaps: a table the old cache did not have
            cache.setGap(QStringLiteral("room:general"), QStringLiteral("m2"),
                         QStringLiteral("m3"));
            QCOMPARE(cache.gaps(QStringLiteral("room:general")).value(QStringLiteral("m2")),
                     QStringLiteral("m3"));

            Outbox outbox(&cache);
            QCOMPARE(outbox.count(), 2);
            const auto waiting = outbox.entry(QStringLiteral("general"), QStringLiteral("o1"));
            QVERIFY(waiting);
            QCOMPARE(waiting->content, QStringLiteral("still waiting"));
            QCOMPARE(waiting->attempts, 1);
            const auto failed = outbox.entry(QStringLiteral(""), QStringLiteral("o2"));
            QVERIFY(failed);
            QVERIFY(failed->failed);
            QCOMPARE(failed->to, QStringLiteral("u-carol"));
            // failed before reasons were kept: no reason, not a made-up one
            QCOMPARE(failed->failure, OutboxEntry::Failure::Unknown);
            QVERIFY(failed->failError.isEmpty());

            // step 6 -> 7: a failed entry keeps why
            OutboxEntry refused = *failed;
            refused.failure = OutboxEntry::Failure::Refused;
            refused.failError = QStringLiteral("No such user in room");
            refused.failRecipient = QStringLiteral("carol");
            QVERIFY(outbox.put(refused));
            OutboxEntry answer = *waiting;
            answer.id = QStringLiteral("o3");
            answer.replyTo = QStringLiteral("m2");
            QVERIFY(outbox.put(answer));
            QCOMPARE(outbox.entries(QStringLiteral("general")).last().replyTo,
                     QStringLiteral("m2"));
        }
        QCOMPARE(userVersion(path), cacheschema::latestVersion());
        {
            // a second open finds nothing to do and loses nothing
            HistoryCache again(path);
            QVERIFY(again.isOpen());
            QCOMPARE(again.latest(QStringLiteral("room:general"), 10).size(), 5);
            QCOMPARE(Outbox(&again).count(), 3);
            const auto refused = Outbox(&again).entry(QStringLiteral(""), QStringLiteral("o2"));
            QVERIFY(refused);
            QCOMPARE(refused->failure, OutboxEntry::Failure::Refused);
            QCOMPARE(refused->failError, QStringLiteral("No such user in room"));
            QCOMPARE(refused->failRecipient, QStringLiteral("carol"));
        }
    }

    void freshCacheStartsAtTheLatestVersion()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("fresh.sqlite"));
        {
            HistoryCache cache(path);
            QVERIFY(cache.isOpen());
        }
        QCOMPARE(userVersion(path), cacheschema::latestVersion());
    }

    void newerCacheIsSetAsideNotChanged()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("newer.sqlite"));
        {
            HistoryCache cache(path);
            QVERIFY(cache.isOpen());
        }
        {
            const talker::test::SqliteInspector bump(path);
            QVERIFY(bump.isOpen());
            QSqlQuery(bump.db()).exec(
                QStringLiteral("PRAGMA user_version = %1").arg(cacheschema::latestVersion() + 1));
        }
        HistoryCache cache(path);
        QVERIFY(cache.isOpen()); // a fresh cache in its place
        QVERIFY(!cache.setAsidePath().isEmpty());
        QCOMPARE(userVersion(cache.setAsidePath()), cacheschema::latestVersion() + 1);
    }
};

QTEST_GUILESS_MAIN(TestCacheMigrations)
#include "tst_cachemigrations.moc"
