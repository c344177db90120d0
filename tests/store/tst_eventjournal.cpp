// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The event journal: what the room threads append survives a crash (a torn tail is
// cut, the whole records before it kept), is found by id until imported, is imported
// into SQLite once, and is refused while the import fails.
#include "store/eventjournal.h"
#include "store/sqlitestore.h"

#include "sqliteinspector.h"
#include "storedmessage.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <thread>

using talker::store::EventJournal;
using talker::store::SqliteStore;
using talker::store::StoredEvent;
using talker::test::SqliteInspector;
using talker::test::storedMessage;

namespace {

QList<StoredEvent *> pointers(QList<StoredEvent> &events)
{
    QList<StoredEvent *> out;
    for (StoredEvent &e : events)
        out.append(&e);
    return out;
}

QStringList ids(const QList<StoredEvent> &events)
{
    QStringList out;
    for (const StoredEvent &e : events)
        out.append(e.id + QLatin1Char('@') + QString::number(e.seq));
    return out;
}

} // namespace

class TestEventJournal : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path() const { return m_dir.filePath(QStringLiteral("t.db-events")); }

private slots:
    void init() { QFile::remove(path()); }

    void appendsAreRecoveredAfterACrash()
    {
        QList<StoredEvent> events{
            storedMessage(QStringLiteral("a"), QStringLiteral("one")),
            storedMessage(QStringLiteral("b"), QString(5000, QLatin1Char('x'))),
            storedMessage(QStringLiteral("a"), QStringLiteral("one, edited"))};
        {
            EventJournal journal;
            QString error;
            QVERIFY2(journal.open(path(), &error), qPrintable(error));
            QVERIFY(journal.recovered().isEmpty());
            QVERIFY(journal.start(10, &error));
            QVERIFY(journal.append(pointers(events)));
            QCOMPARE(ids(events), QStringList({QStringLiteral("a@11"), QStringLiteral("b@12"),
                                               QStringLiteral("a@13")}));
            // Until imported, the newest state of a message is found by its id.
            QCOMPARE(journal.latest(QStringLiteral("r"), QStringLiteral("a"))->content,
                     QStringLiteral("one, edited"));
            QVERIFY(!journal.latest(QStringLiteral("other"), QStringLiteral("a")));
            QCOMPARE(journal.pending().size(), 3);
        } // gone without an import, as in a crash
        EventJournal again;
        QString error;
        QVERIFY(again.open(path(), &error));
        const QList<StoredEvent> recovered = again.recovered();
        QCOMPARE(ids(recovered), ids(events));
        QCOMPARE(recovered.at(1).content, events.at(1).content);
        QCOMPARE(recovered.at(2).line, events.at(2).line);
        QCOMPARE(recovered.at(2).senderId, QStringLiteral("1"));
        // Seqs go on after the largest one recovered.
        QVERIFY(again.start(5, &error));
        QCOMPARE(QFileInfo(path()).size(), 0);
        QList<StoredEvent> next{storedMessage(QStringLiteral("c"), QStringLiteral("two"))};
        QVERIFY(again.append(pointers(next)));
        QCOMPARE(next.first().seq, 14);
    }

    void aTornTailIsCut()
    {
        QList<StoredEvent> events{storedMessage(QStringLiteral("a"), QStringLiteral("whole")),
                                  storedMessage(QStringLiteral("b"), QStringLiteral("torn"))};
        qint64 firstRecord = 0;
        {
            EventJournal journal;
            QString error;
            QVERIFY(journal.open(path(), &error) && journal.start(0, &error));
            QList<StoredEvent> first = events.mid(0, 1), second = events.mid(1);
            QVERIFY(journal.append(pointers(first)));
            firstRecord = QFileInfo(path()).size();
            QVERIFY(journal.append(pointers(second)));
        }
        QFile file(path());
        QVERIFY(file.resize(file.size() - 3)); // the crash cut the last write short
        QString error;
        {
            EventJournal again;
            QVERIFY(again.open(path(), &error));
            QCOMPARE(ids(again.recovered()), QStringList{QStringLiteral("a@1")});
            QCOMPARE(QFileInfo(path()).size(), firstRecord);
        }
        // A flipped byte in a record's body is found by its checksum just the same.
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(firstRecord - 2));
        QVERIFY(file.write("?") == 1);
        file.close();
        EventJournal third;
        QVERIFY(third.open(path(), &error));
        QVERIFY(third.recovered().isEmpty());
        QCOMPARE(QFileInfo(path()).size(), 0);
    }

    void importEmptiesTheFileAndAFailedImportRefuses()
    {
        EventJournal journal;
        QString error;
        QVERIFY(journal.open(path(), &error) && journal.start(0, &error));
        QList<StoredEvent> events{storedMessage(QStringLiteral("a"), QStringLiteral("one")),
                                  storedMessage(QStringLiteral("b"), QStringLiteral("two"))};
        QVERIFY(journal.append(pointers(events)));
        QVERIFY(journal.imported(1)); // one still waits
        QCOMPARE(ids(journal.pending()), QStringList{QStringLiteral("b@2")});
        QVERIFY(!journal.latest(QStringLiteral("r"), QStringLiteral("a")));
        QVERIFY(QFileInfo(path()).size() > 0);
        QVERIFY(!journal.imported(1));
        QCOMPARE(QFileInfo(path()).size(), 0);

        journal.setImportFailure(QStringLiteral("database is locked"));
        QList<StoredEvent> refused{storedMessage(QStringLiteral("c"), QStringLiteral("three"))};
        QVERIFY(!journal.append(pointers(refused)));
        QCOMPARE(journal.lastError(), QStringLiteral("database is locked"));
        QCOMPARE(refused.first().seq, 0);
        QCOMPARE(QFileInfo(path()).size(), 0); // nothing written
        journal.setImportFailure(QString());
        QVERIFY(journal.append(pointers(refused)));
        QCOMPARE(refused.first().seq, 3);
        // Another process took seqs up to 10.
        journal.skipTo(10);
        QVERIFY(journal.append(pointers(refused)));
        QCOMPARE(refused.first().seq, 11);
    }

    void aDeletedJournalIsRefused()
    {
        EventJournal journal;
        QString error;
        QVERIFY(journal.open(path(), &error) && journal.start(0, &error));
        QVERIFY(QFile::remove(path()));
        QList<StoredEvent> events{storedMessage(QStringLiteral("a"), QStringLiteral("one"))};
        QVERIFY(!journal.append(pointers(events)));
        QVERIFY(journal.lastError().contains(QStringLiteral("was deleted")));
    }

    void oneServerPerDatabase()
    {
        EventJournal first, second;
        QString error;
        QVERIFY(first.open(path(), &error));
        QVERIFY(!second.open(path(), &error));
        QVERIFY2(error.contains(QStringLiteral("another server uses this database")),
                 qPrintable(error));
    }

    void readersWaitForTheImport()
    {
        EventJournal journal;
        QString error;
        QVERIFY(journal.open(path(), &error) && journal.start(0, &error));
        int wakes = 0;
        journal.setWake([&](bool soon) { wakes += soon ? 10 : 1; });
        QList<StoredEvent> events{storedMessage(QStringLiteral("a"), QStringLiteral("one"))};
        QVERIFY(journal.append(pointers(events)));
        QCOMPARE(wakes, 1);                  // the importer hears of the first pending event
        QVERIFY(journal.waitImported(0, 0)); // nothing up to seq 0 waits
        std::thread importer([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            journal.imported(1);
        });
        QVERIFY(journal.waitImported(1, 5000));
        importer.join();
        QCOMPARE(wakes, 11); // and hears that a reader waits
        QVERIFY(journal.append(pointers(events)));
        journal.setImportFailure(QStringLiteral("disk full"));
        QVERIFY(!journal.waitImported(2, 5000)); // a failed import is not waited for
    }

    void aRoomsReaderWaitsOnlyForThatRoom()
    {
        EventJournal journal;
        QString error;
        QVERIFY(journal.open(path(), &error) && journal.start(0, &error));
        QList<StoredEvent> events{
            storedMessage(QStringLiteral("a1"), QStringLiteral("one"), QStringLiteral("busy")),
            storedMessage(QStringLiteral("b1"), QStringLiteral("two"), QStringLiteral("quiet")),
            storedMessage(QStringLiteral("a2"), QStringLiteral("three"), QStringLiteral("busy"))};
        QVERIFY(journal.append(pointers(events))); // seqs 1, 2, 3
        QVERIFY(journal.imported(2));              // "busy"'s 1 and "quiet"'s 2 are in
        // No wait, and no timeout, for a room with nothing pending ...
        QElapsedTimer waited;
        waited.start();
        QVERIFY(journal.waitImported(QStringLiteral("quiet"), 10, 5000));
        QVERIFY(journal.waitImported(QStringLiteral("elsewhere"), 10, 5000));
        // ... nor for a range that ends before the room's first pending event ...
        QVERIFY(journal.waitImported(QStringLiteral("busy"), 2, 5000));
        QVERIFY(waited.elapsed() < 1000);
        // ... but the room's pending event is waited for.
        QVERIFY(!journal.waitImported(QStringLiteral("busy"), 3, 50));
        std::thread importer([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            journal.imported(1);
        });
        QVERIFY(journal.waitImported(QStringLiteral("busy"), 3, 5000));
        importer.join();
        QVERIFY(journal.append(pointers(events)));
        journal.setImportFailure(QStringLiteral("disk full"));
        QVERIFY(!journal.waitImported(QStringLiteral("busy"), 10, 5000)); // not waited for
        QVERIFY(journal.waitImported(QStringLiteral("nowhere"), 10, 0));
    }

    void importIntoSqliteOnceInOrder()
    {
        SqliteStore store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("t.db"))));
        StoredEvent first = storedMessage(QStringLiteral("first"), QStringLiteral("zero"));
        QVERIFY(store.append(&first)); // seq 1
        QList<StoredEvent> journaled{storedMessage(QStringLiteral("a"), QStringLiteral("one")),
                                     storedMessage(QStringLiteral("b"), QStringLiteral("two"))};
        journaled[0].seq = 2;
        journaled[1].seq = 3;
        QCOMPARE(store.importJournaled(journaled), 2);
        // Imported before a crash cut the journal's emptying short: not again.
        QCOMPARE(store.importJournaled(journaled.mid(1)), 1);
        SqliteInspector inspect(m_dir.filePath(QStringLiteral("t.db")));
        QCOMPARE(inspect.number(QStringLiteral("SELECT COUNT(*) FROM events")), 3);
        QCOMPARE(inspect.number(QStringLiteral("SELECT seq FROM events WHERE id = 'b'")), 3);

        // Another process took the next seq: the journaled event goes after it.
        StoredEvent other = storedMessage(QStringLiteral("other"), QStringLiteral("welcome"));
        QVERIFY(store.append(&other));
        QCOMPARE(other.seq, 4);
        QList<StoredEvent> late{storedMessage(QStringLiteral("c"), QStringLiteral("three"))};
        late[0].seq = 4;
        qint64 lastSeq = 0;
        QCOMPARE(store.importJournaled(late, &lastSeq), 1);
        QCOMPARE(lastSeq, 5); // the journal goes on after it (skipTo())
        QCOMPARE(inspect.number(QStringLiteral("SELECT seq FROM events WHERE id = 'c'")), 5);
        QCOMPARE(store.maxSeq(), 5);
    }
};

QTEST_GUILESS_MAIN(TestEventJournal)
#include "tst_eventjournal.moc"
