// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The storage guard when a fault starts in the middle of a statement: SQLite's write
// to its -shm mapping raises SIGBUS, which used to end the process.
#include "store/sqlitestore.h"

#include "sqliteinspector.h"
#include "storedmessage.h"

#include <QFile>
#include <QProcess>
#include <QSqlError>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>
#include <sys/syscall.h>
#include <unistd.h>

using talker::store::SqliteStore;
using talker::store::StoredEvent;
using talker::test::SqliteInspector;
using talker::test::storedMessage;

namespace {

bool chattr(const QString &flag, const QString &path)
{
    return QProcess::execute(QStringLiteral("chattr"), {flag, path}) == 0;
}

/// Where this process maps the file whose path ends with `suffix` (/proc/self/maps).
quintptr mappedAt(const QString &suffix)
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : maps.readAll().split('\n')) {
        if (line.endsWith(suffix.toUtf8()))
            return line.left(line.indexOf('-')).toULongLong(nullptr, 16);
    }
    return 0;
}

/// A bus error at `addr` on this thread, as the kernel reports a fault there: what a
/// second thread's fault on the same page looks like once the first has been handled.
int busErrorAt(quintptr addr)
{
    siginfo_t info = {};
    info.si_signo = SIGBUS;
    info.si_code = BUS_ADRERR;
    info.si_addr = reinterpret_cast<void *>(addr);
    return int(::syscall(SYS_rt_tgsigqueueinfo, ::getpid(), ::gettid(), SIGBUS, &info));
}
} // namespace

class TestStorageGuard : public QObject
{
    Q_OBJECT

private slots:
    void busErrorDuringAStatementIsSurvived()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.db"));
        const QString shm = path + QStringLiteral("-shm");
        auto store = std::make_unique<SqliteStore>();
        QVERIFY(store->open(path));
        StoredEvent before = storedMessage(QStringLiteral("m1"), QStringLiteral("before"));
        QVERIFY(store->append(&before));
        // A second connection in this process: SQLite maps the -shm file once per
        // process, so its writes go to the store's mapping without the store's check.
        auto raw = std::make_unique<SqliteInspector>(path);
        QCOMPARE(raw->number(QStringLiteral("SELECT COUNT(*) FROM events")), 1);
        if (!chattr(QStringLiteral("+i"), shm))
            QSKIP("chattr +i needs root and a file system with attributes (ext4, xfs, btrfs)");
        const std::shared_ptr<void> undo(nullptr, [shm](void *) {
            if (QFile::exists(shm))
                chattr(QStringLiteral("-i"), shm);
        });
        // Written back, so that the next write to each page of the mapping faults, and
        // the immutable file refuses it: a SIGBUS in the middle of the INSERT.
        QFile file(shm);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(::fsync(file.handle()), 0);

        const quintptr mapping = mappedAt(QStringLiteral("/t.db-shm"));
        QVERIFY(mapping != 0);

        QSqlQuery insert(raw->db());
        QVERIFY2(insert.exec(QStringLiteral(
                     "INSERT INTO events(room, id, kind, line) VALUES('r', 'm2', 0, 'x')")),
                 qPrintable(insert.lastError().text()));

        // Two threads may fault on the same page at once; the second handler finds the
        // page private already (no longer the -shm file's) and must not end the process.
        QCOMPARE(mappedAt(QStringLiteral("/t.db-shm")) == mapping, false);
        QCOMPARE(busErrorAt(mapping), 0);

        // The process lives on; the store takes no more writes, and says why, even
        // once the file is writable again (this process's copy of it is private now).
        StoredEvent after = storedMessage(QStringLiteral("m3"), QStringLiteral("after"));
        QVERIFY(!store->append(&after));
        QVERIFY2(store->lastError().contains(QStringLiteral("bus error")),
                 qPrintable(store->lastError()));
        QVERIFY(chattr(QStringLiteral("-i"), shm));
        QVERIFY(!store->append(&after));
        QCOMPARE(raw->number(QStringLiteral("SELECT COUNT(*) FROM events")), 2);

        // What was stored, the row written during the fault included, is in the
        // database for the next start.
        insert = QSqlQuery();
        raw.reset();
        store.reset();
        SqliteInspector fresh(path);
        QCOMPARE(fresh.text(QStringLiteral("SELECT group_concat(id) FROM events")),
                 QStringLiteral("m1,m2"));
    }
};

QTEST_GUILESS_MAIN(TestStorageGuard)
#include "tst_storageguard.moc"
