// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// A keychain that has not answered yet (an unlock prompt, a stuck daemon) holds back
// the account's token: the window's notice says so while it waits and goes once the
// keychain answers, or makes way for the error it gave; a call that timed out is
// asked again, and an error offers "Try again". A real gnome-keyring, frozen with
// SIGSTOP (run-keychain-test.sh real).
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
#include <qt6keychain/keychain.h>

using namespace talker::app;
using namespace talker::test;

namespace {
const QString kWaiting = QStringLiteral(
    "Waiting for the system keychain, which holds your account tokens — unlock it if it asks.");

/// Finishes the first keychain job with `code` (a refusal, as the backend would give
/// it) and starts the rest for real.
void refuseFirstJob(TokenStore &tokens, QKeychain::Error code, const QString &message)
{
    auto refused = std::make_shared<bool>(false);
    tokens.setJobStarter([=](QKeychain::Job *job) {
        if (std::exchange(*refused, true))
            job->start();
        else
            job->emitFinishedWithError(code, message);
    });
}
} // namespace

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
        QCOMPARE(p.app.noticeAction(), QString()); // nothing to try again: no token is stored
        QVERIFY(!p.account->hasToken());
    }

    // libsecret gives up on a keychain that does not answer after 25 s ("Timeout was
    // reached"): the read is issued again, the window keeps saying it waits, and the
    // account gets its token once the keychain is back, without the user's help.
    void aTimedOutReadIsAskedAgain()
    {
        Profile p(m_keychain.service());
        p.tokens.setRetryDelay(100);
        QVERIFY(await(p.tokens.write(p.account->id(), QStringLiteral("tok-c"))).ok);
        QSignalSpy retrySpy(&p.tokens, &TokenStore::keychainRetrying);
        FrozenKeyring frozen;
        QVERIFY(frozen.frozen());
        p.app.connector()->restoreSessions();
        QTRY_COMPARE_WITH_TIMEOUT(p.app.notice(), kWaiting, 10000);
        // The real D-Bus timeout, 25 s (twice that if libsecret has to set up again).
        QVERIFY(retrySpy.wait(70000));
        QCOMPARE(p.app.notice(), kWaiting);
        QVERIFY(!p.account->hasToken());

        frozen.thaw();
        QTRY_VERIFY_WITH_TIMEOUT(p.account->hasToken(), 30000);
        QCOMPARE(p.app.notice(), QString());
        await(p.tokens.remove(p.account->id()));
    }

    // A keychain that refuses is not asked again on its own; its error offers "Try
    // again", which reads the token again and connects the account.
    void tryAgainAfterARefusalReadsTheToken()
    {
        Profile p(m_keychain.service());
        QVERIFY(await(p.tokens.write(p.account->id(), QStringLiteral("tok-d"))).ok);
        refuseFirstJob(p.tokens, QKeychain::AccessDenied, QStringLiteral("Access denied"));
        p.app.connector()->restoreSessions();
        QTRY_VERIFY_WITH_TIMEOUT(p.app.notice().contains(QStringLiteral("Access denied")), 20000);
        QCOMPARE(p.app.notice(), QStringLiteral("No token for %1: The keychain could not be read: "
                                                "Access denied")
                                     .arg(p.account->label()));
        QCOMPARE(p.app.noticeAction(), QStringLiteral("Try again"));
        QVERIFY(!p.account->hasToken());

        p.app.triggerNoticeAction();
        QTRY_VERIFY_WITH_TIMEOUT(p.account->hasToken(), 20000);
        QCOMPARE(p.app.notice(), QString());
        QCOMPARE(p.app.noticeAction(), QString());
        await(p.tokens.remove(p.account->id()));
    }

    // A token the keychain did not take: "Try again" stores it.
    void tryAgainAfterARefusedWriteStoresTheToken()
    {
        Profile p(m_keychain.service());
        refuseFirstJob(p.tokens, QKeychain::AccessDenied, QStringLiteral("Access denied"));
        p.app.connector()->applyToken(p.account, QStringLiteral("tok-e"), true);
        QTRY_COMPARE_WITH_TIMEOUT(p.app.noticeAction(), QStringLiteral("Try again"), 20000);
        QVERIFY(p.app.notice().contains(QStringLiteral("Access denied")));
        QCOMPARE(secretToolLookup(m_keychain.service(), p.account->id()), QString());

        p.app.triggerNoticeAction();
        QTRY_COMPARE_WITH_TIMEOUT(secretToolLookup(m_keychain.service(), p.account->id()),
                                  QStringLiteral("tok-e"), 20000);
        QCOMPARE(p.app.notice(), QString());
        await(p.tokens.remove(p.account->id()));
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
