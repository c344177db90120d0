// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// Persistence of the client: registry file, cache and outbox on disk, damaged files.
#include "client/account.h"
#include "client/accountregistry.h"
#include "client/conversation.h"
#include "client/historycache.h"
#include "client/outbox.h"
#include "client/room.h"
#include "client/timeline.h"
#include "protocol/events.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace talker;
using namespace talker::client;

class TestStorage : public QObject
{
    Q_OBJECT

private slots:
    void messageIdsAreValidAndUnique()
    {
        QSet<QString> seen;
        for (int i = 0; i < 1000; ++i) {
            const QString id = Outbox::newMessageId();
            QVERIFY2(protocol::isValidMessageId(id), qPrintable(id));
            QVERIFY(!seen.contains(id));
            seen.insert(id);
        }
    }

    void registryRoundTripWithoutToken()
    {
        QTemporaryDir dir;
        {
            AccountRegistry registry(dir.path());
            Account *a = registry.addServer(QStringLiteral("chat.example.org"), 8600, true);
            a->setToken(QStringLiteral("super-secret-token"));
            Room *main = a->joinRoom(QStringLiteral("Main"));
            a->joinRoom(QStringLiteral("Dev"));
            a->moveRoom(1, 0);
            main->setCounters(3, 1);
            main->timeline()->setLastReadId(QStringLiteral("m42"));
            a->openConversation(QStringLiteral("7"), QStringLiteral("bob"), main)
                ->setUnreadCount(2);
            a->disconnectAll();
            QVERIFY(registry.save());
        }
        QFile file(QDir(dir.path()).filePath(QStringLiteral("accounts.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray json = file.readAll();
        QVERIFY(!json.contains("super-secret-token"));
        QVERIFY(!json.contains("token"));

        AccountRegistry registry(dir.path());
        QVERIFY(registry.load());
        QCOMPARE(registry.count(), 1);
        Account *a = registry.accountAt(0);
        QCOMPARE(a->host(), QStringLiteral("chat.example.org"));
        QCOMPARE(a->port(), 8600);
        QVERIFY(a->useTls());
        QVERIFY(!a->hasToken());
        QCOMPARE(a->roomNames(), (QStringList{QStringLiteral("Dev"), QStringLiteral("Main")}));
        Room *main = a->room(QStringLiteral("Main"));
        QCOMPARE(main->unreadCount(), 3);
        QCOMPARE(main->mentionCount(), 1);
        QCOMPARE(main->timeline()->lastReadId(), QStringLiteral("m42"));
        QVERIFY(a->conversation(QStringLiteral("7")));
        QCOMPARE(a->conversation(QStringLiteral("7"))->unreadCount(), 2);
        QCOMPARE(a->conversation(QStringLiteral("7"))->room(), main);
        QCOMPARE(main->state(), Session::State::Disconnected); // no token, no connection
    }

    void damagedRegistryIsSetAside()
    {
        QTemporaryDir dir;
        const QString path = QDir(dir.path()).filePath(QStringLiteral("accounts.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"accounts\": [ this is not json");
        file.close();
        AccountRegistry registry(dir.path());
        QVERIFY(!registry.load());
        QVERIFY(registry.loadError().contains(QStringLiteral("damaged")));
        QCOMPARE(registry.count(), 0);
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("accounts.json.corrupt-*")}).size(), 1);
        // the registry works normally afterwards
        registry.addServer(QStringLiteral("127.0.0.1"), 8500, false);
        QVERIFY(registry.save());
        AccountRegistry again(dir.path());
        QVERIFY(again.load());
        QCOMPARE(again.count(), 1);
    }

    void damagedCacheIsSetAside()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
        file.close();
        HistoryCache cache(path);
        QVERIFY(cache.isOpen());
        QVERIFY(!cache.setAsidePath().isEmpty());
        QVERIFY(QFile::exists(cache.setAsidePath()));
        Message m;
        m.id = QStringLiteral("a");
        m.text = QStringLiteral("works");
        cache.storeMessage(QStringLiteral("room:Main"), m);
        QCOMPARE(cache.latest(QStringLiteral("room:Main"), 10).size(), 1);
    }

    void unusableCacheFileFallsBackToMemory()
    {
        HistoryCache cache(QStringLiteral("/nonexistent-talker-dir/sub/cache.sqlite"));
        QVERIFY(cache.isOpen());
        Outbox outbox(&cache);
        OutboxEntry e;
        e.room = QStringLiteral("Main");
        e.id = QStringLiteral("x");
        e.content = QStringLiteral("still works");
        QVERIFY(outbox.put(e));
        QCOMPARE(outbox.count(), 1);
    }

    void cacheStoresEditsInPlaceAndPages()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        {
            HistoryCache cache(path);
            for (int i = 0; i < 10; ++i) {
                Message m;
                m.id = QStringLiteral("m%1").arg(i);
                m.text = QStringLiteral("text %1").arg(i);
                m.authorName = QStringLiteral("bob");
                m.time = 1000 + i;
                m.isMention = i == 3;
                cache.storeMessage(QStringLiteral("room:Main"), m);
            }
            Message edit;
            edit.id = QStringLiteral("m2");
            edit.text = QStringLiteral("edited 2");
            edit.edited = 2000;
            edit.time = 1002;
            cache.storeMessage(QStringLiteral("room:Main"), edit);
            cache.removeMessage(QStringLiteral("room:Main"), QStringLiteral("m5"));
            cache.setLastEventId(QStringLiteral("Main"), QStringLiteral("m9"));
        }
        HistoryCache cache(path);
        QCOMPARE(cache.lastEventId(QStringLiteral("Main")), QStringLiteral("m9"));
        const QList<Message> latest = cache.latest(QStringLiteral("room:Main"), 3);
        QCOMPARE(latest.size(), 3);
        QCOMPARE(latest.at(0).id, QStringLiteral("m7"));
        QCOMPARE(latest.at(2).id, QStringLiteral("m9"));
        const QList<Message> older =
            cache.before(QStringLiteral("room:Main"), QStringLiteral("m7"), 10);
        QCOMPARE(older.size(), 6);                              // m0..m6 without m5
        QCOMPARE(older.at(2).text, QStringLiteral("edited 2")); // kept its place
        QCOMPARE(older.at(2).edited, 2000);
        QVERIFY(older.at(3).isMention);
        QVERIFY(cache.containsMessage(QStringLiteral("room:Main"), QStringLiteral("m0")));
        QVERIFY(!cache.containsMessage(QStringLiteral("room:Main"), QStringLiteral("m5")));
        QVERIFY(!cache.containsMessage(QStringLiteral("room:Other"), QStringLiteral("m0")));
    }

    void writerThreadIsReadBackAtOnce()
    {
        // a file cache writes its batches on its own thread: reads must still see every
        // write at once, outbox writes on the GUI connection must not block on it, and
        // the last batch must be on disk when the cache is destroyed
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        const QString key = QStringLiteral("room:Main");
        {
            HistoryCache cache(path);
            cache.setMaxQueued(100); // many hand-overs while the writer is busy
            Outbox outbox(&cache);
            for (int i = 0; i < 3000; ++i) {
                Message m;
                m.id = QStringLiteral("w%1").arg(i);
                m.text = QStringLiteral("text %1").arg(i);
                m.authorId = QStringLiteral("2");
                m.time = i;
                m.isPrivate = i % 2;
                if (m.isPrivate)
                    m.peerId = QStringLiteral("7");
                cache.storeMessage(key, m);
                if (i % 500 == 0) {
                    OutboxEntry e;
                    e.room = QStringLiteral("Main");
                    e.id = QStringLiteral("o%1").arg(i);
                    e.content = QStringLiteral("queued");
                    QVERIFY(outbox.put(e));
                }
            }
            cache.setLastEventId(QStringLiteral("Main"), QStringLiteral("w2999"));
            QCOMPARE(cache.lastEventId(QStringLiteral("Main")), QStringLiteral("w2999"));
            const QList<Message> latest = cache.latest(key, 10);
            QCOMPARE(latest.size(), 10);
            QCOMPARE(latest.constLast().id, QStringLiteral("w2999"));
            QCOMPARE(latest.constLast().text, QStringLiteral("text 2999"));
            QCOMPARE(latest.constLast().peerId, QStringLiteral("7"));
            QVERIFY(latest.at(8).peerId.isNull()); // a null string stays NULL
            QCOMPARE(cache.before(key, QStringLiteral("w10"), 100).size(), 10);
            QCOMPARE(outbox.entries(QStringLiteral("Main")).size(), 6);
            for (int i = 3000; i < 3100; ++i) { // queued only: written by the destructor
                Message m;
                m.id = QStringLiteral("w%1").arg(i);
                cache.storeMessage(key, m);
            }
        }
        HistoryCache cache(path);
        QCOMPARE(cache.latest(key, 5000).size(), 3100);
        QVERIFY(cache.containsMessage(key, QStringLiteral("w3099")));
        QCOMPARE(cache.lastEventId(QStringLiteral("Main")), QStringLiteral("w2999"));
    }

    void outboxSurvivesReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        {
            HistoryCache cache(path);
            Outbox outbox(&cache);
            OutboxEntry e;
            e.room = QStringLiteral("Main");
            e.id = QStringLiteral("id1");
            e.content = QStringLiteral("first");
            e.created = 5;
            QVERIFY(outbox.put(e));
            e.id = QStringLiteral("id2");
            e.content = QStringLiteral("");
            e.to = QStringLiteral("7");
            QVERIFY(outbox.put(e));
            e.id = QStringLiteral("id1");
            e.content = QStringLiteral("first, edited");
            e.attempts = 2;
            QVERIFY(outbox.put(e)); // same id: replaced, keeps its place
        }
        HistoryCache cache(path);
        Outbox outbox(&cache);
        const QList<OutboxEntry> entries = outbox.entries(QStringLiteral("Main"));
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).id, QStringLiteral("id1"));
        QCOMPARE(entries.at(0).content, QStringLiteral("first, edited"));
        QCOMPARE(entries.at(0).attempts, 2);
        QCOMPARE(entries.at(1).to, QStringLiteral("7"));
        QVERIFY(!entries.at(1).content.isNull()); // a retraction stays an empty string
        QVERIFY(entries.at(1).content.isEmpty());
        outbox.remove(QStringLiteral("Main"), QStringLiteral("id1"));
        QCOMPARE(outbox.count(), 1);
        QVERIFY(!outbox.entry(QStringLiteral("Main"), QStringLiteral("id1")));
    }
};

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
