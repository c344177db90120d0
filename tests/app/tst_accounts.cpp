// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Settings → Accounts (AccountsController) over a real talker-server: a wrong new
// token never replaces a working one, a right one does; forgetting the certificate
// clears the pin; removing an account leaves nothing of it on disk or in the keyring.
// The wrapper script runs it with a real gnome-keyring and with no keychain.
#include "accountscontroller.h"
#include "chatmanager.h"
#include "connector.h"
#include "controller.h"
#include "keychainfixture.h"
#include "tokenstore.h"

#include "testserver.h"

#include "client/account.h"
#include "client/accountregistry.h"
#include "client/room.h"
#include "security/certificatetrust.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace talker::app;
using namespace talker::test;

class TestAccounts : public QObject
{
    Q_OBJECT
    KeychainFixture m_keychain;
    TestServer m_server;
    QString m_alice;

    /// A profile connected as alice to room Main.
    struct Profile
    {
        QTemporaryDir dir;
        std::unique_ptr<TokenStore> tokens;
        std::unique_ptr<Controller> app;
        std::unique_ptr<AccountsController> accounts;
    };
    bool connectAlice(Profile &p)
    {
        p.tokens = std::make_unique<TokenStore>(p.dir.path(), m_keychain.service());
        p.tokens->setKeychainTimeout(20000);
        p.app = std::make_unique<Controller>(p.dir.path(), p.tokens.get());
        p.accounts = std::make_unique<AccountsController>(p.app.get());
        p.app->connector()->connectToServer(QStringLiteral("127.0.0.1"), m_server.port(), false,
                                            m_alice, QStringLiteral("Main"));
        return QTest::qWaitFor(
            [&] {
                return p.app->chats()->currentRoom() &&
                       p.app->chats()->currentRoom()->isConnected();
            },
            20000);
    }

private slots:
    void initTestCase()
    {
        if (!m_keychain.setUp(QStringLiteral("TalkerAccounts-")))
            QSKIP(KeychainFixture::skipReason);
        QVERIFY(m_server.startWithUsers({{QStringLiteral("alice"), &m_alice}}));
    }

    void wrongTokenKeepsTheOldOne()
    {
        Profile p;
        QVERIFY(connectAlice(p));
        talker::client::Account *account = p.app->chats()->currentAccount();
        QSignalSpy changed(p.accounts.get(), &AccountsController::tokenChanged);
        p.accounts->changeToken(account, QStringLiteral("not-a-token"));
        QVERIFY(p.accounts->checkingToken());
        QTRY_VERIFY_WITH_TIMEOUT(!p.accounts->checkingToken(), 20000);
        QCOMPARE(p.accounts->tokenError(), QStringLiteral("Authentication failed"));
        QCOMPARE(changed.count(), 0);
        // The rooms keep working and the stored token is still alice's.
        QVERIFY(p.app->chats()->currentRoom()->isConnected());
        QVERIFY(!account->authenticationFailed());
        QCOMPARE(await(p.tokens->read(account->id())).token, m_alice);
        account->retryNow();
        QTRY_VERIFY_WITH_TIMEOUT(p.app->chats()->currentRoom()->isConnected(), 20000);
        QVERIFY(!account->authenticationFailed());

        // A right token replaces it.
        int exit = -1;
        const QByteArray out = m_server.runCommand(
            {QStringLiteral("user"), QStringLiteral("reset-token"), QStringLiteral("alice")},
            &exit);
        QCOMPARE(exit, 0);
        m_alice = QString::fromUtf8(out.trimmed().split('\n').last());
        p.accounts->changeToken(account, m_alice);
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() == 1, 20000);
        QVERIFY(p.accounts->tokenError().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(await(p.tokens->read(account->id())).token, m_alice, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(p.app->chats()->currentRoom()->isConnected(), 20000);
        await(p.tokens->remove(account->id()));
    }

    void forgetCertificateClearsThePin()
    {
        Profile p;
        QVERIFY(connectAlice(p));
        talker::client::Account *account = p.app->chats()->currentAccount();
        const QString fingerprint = QStringList(32, QStringLiteral("AB")).join(QLatin1Char(':'));
        QVERIFY(p.app->connector()->certificateTrust()->trust(account->id(), fingerprint));
        QCOMPARE(p.accounts->fingerprint(account), fingerprint);
        QVERIFY(p.accounts->forgetCertificate(account));
        QVERIFY(p.accounts->fingerprint(account).isEmpty());
        QCOMPARE(fileContaining(p.dir.path(), fingerprint.toUtf8()), QString());
        await(p.tokens->remove(account->id()));
    }

    void removeAccountLeavesNothing()
    {
        Profile p;
        QVERIFY(connectAlice(p));
        talker::client::Account *account = p.app->chats()->currentAccount();
        const QString id = account->id();
        QVERIFY(account->room(QStringLiteral("Main"))->sendMessage(QStringLiteral("hi")).size() >
                0);
        QTRY_VERIFY_WITH_TIMEOUT(await(p.tokens->read(id)).ok, 20000);
        const QString cache = p.app->registry()->cachePath(id);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(cache), 10000);
        QSignalSpy removed(p.accounts.get(), &AccountsController::accountRemoved);
        p.accounts->removeAccount(account);
        QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 1, 20000);
        QCOMPARE(p.app->registry()->count(), 0);
        QVERIFY(!p.app->hasAccounts());
        QVERIFY(!QFile::exists(cache));
        QVERIFY(!QFile::exists(cache + QStringLiteral("-wal")));
        QVERIFY(!await(p.tokens->read(id)).ok);
        if (m_keychain.real())
            QVERIFY(secretToolLookup(m_keychain.service(), id).isEmpty());
        p.app->registry()->save();
        QCOMPARE(fileContaining(p.dir.path(), id.toUtf8()), QString());
        QCOMPARE(fileContaining(p.dir.path(), m_alice.toUtf8()), QString());
    }
};

QTEST_MAIN(TestAccounts)
#include "tst_accounts.moc"
