// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// SqliteStore's invites (hashed codes, uses, expiry, revoking, all-or-nothing
// redeeming) and the case-insensitive name key, also on a database made before it.
#include "sqliteinspector.h"
#include "store/sqlitestore.h"
#include "store/token.h"

#include <QDateTime>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using talker::store::RedeemResult;
using talker::store::SqliteStore;
using talker::store::UserRecord;

class TestInviteStore : public QObject
{
    Q_OBJECT

private:
    qint64 inAnHour() const { return QDateTime::currentSecsSinceEpoch() + 3600; }
    QString path() const { return m_dir->filePath(QStringLiteral("t.db")); }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_store.open(path()));
    }
    void cleanup()
    {
        m_store.close();
        m_dir.reset();
    }

    void redeemCreatesUserOnce()
    {
        QString code;
        const auto invite = m_store.createInvite(QStringLiteral("Lobby"), 1, inAnHour(), &code);
        QVERIFY(invite);
        QCOMPARE(code.size(), 22);
        UserRecord user;
        QString token;
        QCOMPARE(m_store.redeemInvite(code, QStringLiteral("carol"), &user, &token),
                 RedeemResult::Ok);
        QCOMPARE(user.name, QStringLiteral("carol"));
        QCOMPARE(m_store.userByToken(token)->id, user.id);
        QCOMPARE(m_store.redeemInvite(code, QStringLiteral("dave"), &user, &token),
                 RedeemResult::InvalidInvite);
        QVERIFY(!m_store.userByName(QStringLiteral("dave")));
        const auto list = m_store.invites();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].used, 1);
        QCOMPARE(list[0].room, QStringLiteral("Lobby"));
        QVERIFY(!list[0].usable(QDateTime::currentSecsSinceEpoch()));
    }

    void codesAreHashedAtRest()
    {
        QString code;
        QVERIFY(m_store.createInvite(QString(), 1, inAnHour(), &code));
        m_store.close();
        QFile file(path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QFile wal(path() + QStringLiteral("-wal"));
        const QByteArray walBytes = wal.open(QIODevice::ReadOnly) ? wal.readAll() : QByteArray();
        QVERIFY(!bytes.contains(code.toUtf8()));
        QVERIFY(!walBytes.contains(code.toUtf8()));
        QVERIFY(bytes.contains(talker::store::hashToken(code)) ||
                walBytes.contains(talker::store::hashToken(code)));
    }

    void expiredInviteIsInvalid()
    {
        QString code;
        QVERIFY(m_store.createInvite(QString(), 5, QDateTime::currentSecsSinceEpoch() - 1, &code));
        QCOMPARE(m_store.redeemInvite(code, QStringLiteral("late"), nullptr, nullptr),
                 RedeemResult::InvalidInvite);
    }

    void revokedInviteIsInvalid()
    {
        QString code;
        QVERIFY(m_store.createInvite(QString(), 5, inAnHour(), &code));
        QVERIFY(m_store.revokeInvite(code));
        QCOMPARE(m_store.redeemInvite(code, QStringLiteral("x1"), nullptr, nullptr),
                 RedeemResult::InvalidInvite);
        QVERIFY(!m_store.revokeInvite(QStringLiteral("not-a-code")));
        QVERIFY(!m_store.revokeInvite(QStringLiteral("999")));
    }

    void takenNameKeepsTheUse()
    {
        QString token;
        QVERIFY(m_store.addUser(QStringLiteral("Alice"), &token));
        QString code;
        QVERIFY(m_store.createInvite(QString(), 1, inAnHour(), &code));
        QCOMPARE(m_store.redeemInvite(code, QStringLiteral("aLiCe"), nullptr, nullptr),
                 RedeemResult::NameTaken);
        QCOMPARE(m_store.invites().first().used, 0);
        QCOMPARE(m_store.redeemInvite(code, QStringLiteral("bob"), nullptr, nullptr),
                 RedeemResult::Ok);
    }

    void addUserIgnoresCase()
    {
        QString token;
        QVERIFY(m_store.addUser(QStringLiteral("Alice"), &token));
        QVERIFY(!m_store.addUser(QStringLiteral("ALICE"), &token));
        QCOMPARE(m_store.userByNameKey(QStringLiteral("alice"))->name, QStringLiteral("Alice"));
    }

    void oldDatabaseGetsNameKeys()
    {
        m_store.close();
        const QString old = m_dir->filePath(QStringLiteral("old.db"));
        {
            const talker::test::SqliteInspector shape(old);
            QVERIFY(shape.isOpen());
            QSqlQuery q(shape.db());
            QVERIFY(q.exec(QStringLiteral(
                "CREATE TABLE users(id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT "
                "NOT NULL UNIQUE, token_hash TEXT NOT NULL UNIQUE, created INTEGER)")));
            QVERIFY(
                q.exec(QStringLiteral("INSERT INTO users(name, token_hash) VALUES('Zoe', 'h1')")));
        }
        QVERIFY2(m_store.open(old), qPrintable(m_store.lastError()));
        QCOMPARE(m_store.userByNameKey(QStringLiteral("ZOE"))->name, QStringLiteral("Zoe"));
        QString token;
        QVERIFY(!m_store.addUser(QStringLiteral("zoe"), &token));
        QVERIFY(m_store.addUser(QStringLiteral("zack"), &token));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    SqliteStore m_store;
};

QTEST_GUILESS_MAIN(TestInviteStore)
#include "tst_invitestore.moc"
