// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// A keychain that has not answered yet (an unlock prompt, a stuck daemon) holds back
// the account's token: the window's notice says so while it waits and goes once the
// keychain answers, or makes way for the error it gave. A real gnome-keyring, frozen
// with SIGSTOP (run-keychain-test.sh real).
#include "connector.h"
#include "controller.h"
#include "frozenkeyring.h"
#include "keychainfixture.h"
#include "tokenstore.h"

#include "client/account.h"
#include "client/accountregistry.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace talker::app;
using namespace talker::test;

namespace {
const QString kWaiting = QStringLiteral(
    "Waiting for the system keychain, which holds your account tokens — unlock it if it asks.");
}

class TestKeychainNotice : public QObject
{
    Q_OBJECT
    KeychainFixture m_keychain;

    /// An app whose keychain calls count as slow after 200 ms, with one account on a
    /// port nothing listens on (only its token matters here).
    struct Profile
    {
        QTemporaryDir dir;
        TokenStore tokens;
        Controller app;
        talker::client::Account *account;
        explicit Profile(const QString &service)
            : tokens(dir.path(), service)
            , app(dir.path(), &tokens)
            , account(app.registry()->addServer(QStringLiteral("127.0.0.1"), 9, false))
        {
            tokens.setKeychainTimeout(200);
        }
    };

private slots:
    void initTestCase()
    {
        if (!m_keychain.setUp(QStringLiteral("TalkerNotice-")))
            QSKIP(KeychainFixture::skipReason);
        if (!m_keychain.real())
            QSKIP("needs a keychain to freeze");
    }

    // The token is there: "waiting" shows until the keychain gives it, then goes.
    void waitingShowsUntilTheKeychainAnswers()
    {
        Profile p(m_keychain.service());
        QVERIFY(await(p.tokens.write(p.account->id(), QStringLiteral("tok-a"))).ok);
        FrozenKeyring frozen;
        QVERIFY(frozen.frozen());
        p.app.connector()->restoreSessions();
        QTRY_COMPARE_WITH_TIMEOUT(p.app.notice(), kWaiting, 10000);
        QVERIFY(!p.account->hasToken());

        QSignalSpy noticeSpy(&p.app, &Controller::noticeChanged);
        frozen.thaw();
        QTRY_VERIFY_WITH_TIMEOUT(p.account->hasToken(), 20000);
        QCOMPARE(p.app.notice(), QString());
        QCOMPARE(noticeSpy.count(), 1);
        await(p.tokens.remove(p.account->id()));
    }

    // The keychain answers with an error: its reason replaces "waiting".
    void theKeychainsErrorReplacesWaiting()
    {
        Profile p(m_keychain.service());
        FrozenKeyring frozen;
        QVERIFY(frozen.frozen());
        p.app.connector()->restoreSessions();
        QTRY_COMPARE_WITH_TIMEOUT(p.app.notice(), kWaiting, 10000);

        frozen.thaw();
        QTRY_COMPARE_WITH_TIMEOUT(p.app.notice(),
                                  QStringLiteral("No token for %1: No token is stored for this "
                                                 "account.")
                                      .arg(p.account->label()),
                                  20000);
        QVERIFY(!p.account->hasToken());
    }

    // A notice that came meanwhile is not taken down when the keychain answers.
    void anotherNoticeStays()
    {
        Profile p(m_keychain.service());
        QVERIFY(await(p.tokens.write(p.account->id(), QStringLiteral("tok-b"))).ok);
        FrozenKeyring frozen;
        QVERIFY(frozen.frozen());
        p.app.connector()->restoreSessions();
        QTRY_COMPARE_WITH_TIMEOUT(p.app.notice(), kWaiting, 10000);
        QVERIFY(!p.app.connector()->openLink(QStringLiteral("talker://")));
        const QString other = p.app.notice();
        QVERIFY(other != kWaiting);

        frozen.thaw();
        QTRY_VERIFY_WITH_TIMEOUT(p.account->hasToken(), 20000);
        QCOMPARE(p.app.notice(), other);
        await(p.tokens.remove(p.account->id()));
    }
};

QTEST_MAIN(TestKeychainNotice)
#include "tst_keychainnotice.moc"
