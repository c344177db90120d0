// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// TokenStore against the real keychain, or against none. The wrapper script runs
// this test three times: TALKER_TEST_KEYCHAIN=real inside dbus-run-session with an
// unlocked gnome-keyring, =none with no session bus at all, and =bare with a bus on
// which no Secret Service runs or can be started.
#include "frozenkeyring.h"
#include "keychainerrors.h"
#include "keychainfixture.h"
#include "tokenstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <qt6keychain/keychain.h>

#ifdef TALKER_HAVE_DBUS
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusInterface>
#include <QDBusObjectPath>
#endif

using talker::app::TokenResult;
using talker::app::TokenStore;
using namespace talker::test;

namespace {
/// Locks the default collection of the Secret Service. No prompt can unlock it again
/// (the wrapper gives the bus no display), so the keychain is there but refuses.
bool lockKeychain()
{
#ifdef TALKER_HAVE_DBUS
    QDBusInterface service(QStringLiteral("org.freedesktop.secrets"),
                           QStringLiteral("/org/freedesktop/secrets"),
                           QStringLiteral("org.freedesktop.Secret.Service"));
    const QList<QDBusObjectPath> paths{
        QDBusObjectPath(QStringLiteral("/org/freedesktop/secrets/aliases/default"))};
    return service.call(QStringLiteral("Lock"), QVariant::fromValue(paths)).type() ==
           QDBusMessage::ReplyMessage;
#else
    return false;
#endif
}
/// Finishes the first `failures` keychain jobs with `error` (as the backend would) and
/// starts the rest for real; counts every job.
struct FailFirstJobs
{
    QKeychain::Error code;
    QString message;
    int failures = 1;
    int jobs = 0;
    void install(TokenStore &store)
    {
        store.setJobStarter([this](QKeychain::Job *job) {
            if (++jobs <= failures)
                job->emitFinishedWithError(code, message);
            else
                job->start();
        });
    }
};
const QString kGlibTimeout = QStringLiteral("Timeout was reached");
} // namespace

class TestTokenStore : public QObject
{
    Q_OBJECT
    KeychainFixture m_keychain;

private slots:
    void initTestCase()
    {
        if (!m_keychain.setUp(QStringLiteral("TalkerTest-")))
            QSKIP(KeychainFixture::skipReason);
    }

    void aJobOutlivesItsStore()
    {
        // The app closing, or an account removed, while the keychain has not answered:
        // libsecret's answer calls into the job, which must still be there (this was a
        // crash in tst_appcontroller). It goes once it finished.
        QTemporaryDir profile;
        QPointer<QKeychain::Job> job;
        {
            TokenStore store(profile.path(), m_keychain.service());
            store.setJobStarter([&job](QKeychain::Job *started) {
                job = started;
                started->start();
            });
            store.read(QStringLiteral("gone@h:1"));
            QVERIFY(job);
        }
        QVERIFY(job);
        QTRY_VERIFY_WITH_TIMEOUT(!job, 30000);
    }

    void writeReadRemove()
    {
        QTemporaryDir profile;
        TokenStore store(profile.path(), m_keychain.service());
        store.setKeychainTimeout(20000);
        QSignalSpy fallbackSpy(&store, &TokenStore::fallbackActivated);
        const QString secret = QStringLiteral("tok-") + QUuid::createUuid().toString(QUuid::Id128);

        const TokenResult written = await(store.write(QStringLiteral("alice@h:1"), secret));
        QVERIFY2(written.ok, qPrintable(written.error));

        if (m_keychain.real()) {
            QCOMPARE(written.where, TokenResult::Where::Keychain);
            QCOMPARE(fallbackSpy.count(), 0);
            QVERIFY(!QFileInfo::exists(store.fallbackPath()));
            QVERIFY(!store.usingFallback());
            QCOMPARE(secretToolLookup(m_keychain.service(), QStringLiteral("alice@h:1")), secret);
        } else {
            QCOMPARE(written.where, TokenResult::Where::File);
            QCOMPARE(fallbackSpy.count(), 1);
            QVERIFY(store.usingFallback());
            const QFileInfo info(store.fallbackPath());
            QVERIFY(info.exists());
            QCOMPARE(info.permissions() & ~(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser |
                                            QFile::WriteUser),
                     QFileDevice::Permissions());
            QVERIFY(fileContains(store.fallbackPath(), secret.toUtf8()));
        }

        const TokenResult read = await(store.read(QStringLiteral("alice@h:1")));
        QVERIFY2(read.ok, qPrintable(read.error));
        QCOMPARE(read.token, secret);

        const TokenResult missing = await(store.read(QStringLiteral("nobody@h:1")));
        QVERIFY(!missing.ok);
        QVERIFY(!missing.error.isEmpty());

        QVERIFY(await(store.remove(QStringLiteral("alice@h:1"))).ok);
        QVERIFY(!await(store.read(QStringLiteral("alice@h:1"))).ok);
        QVERIFY(!QFileInfo::exists(store.fallbackPath()));
    }

    void fallbackMovesIntoKeychain()
    {
        if (!m_keychain.real())
            QSKIP("needs a keychain to move into");
        // A token left in the fallback file by a session without keychain ...
        QTemporaryDir profile;
        TokenStore store(profile.path(), m_keychain.service());
        QFile f(store.fallbackPath());
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                       QFile::ReadOwner | QFile::WriteOwner));
        f.write(R"({"tokens":{"bob@h:2":"tok-bob","carol@h:2":"tok-carol"}})");
        f.close();
        QVERIFY(store.usingFallback());
        // ... is found, then moved into the keychain now that one is here.
        QSignalSpy migrated(&store, &TokenStore::migrated);
        const TokenResult read = await(store.read(QStringLiteral("bob@h:2")));
        QVERIFY(read.ok);
        QCOMPARE(read.token, QStringLiteral("tok-bob"));
        QCOMPARE(read.where, TokenResult::Where::File);
        QVERIFY(migrated.wait(20000) || migrated.count() == 1);
        QCOMPARE(migrated.first().first().toInt(), 2);
        QVERIFY(!QFileInfo::exists(store.fallbackPath()));
        QVERIFY(!store.usingFallback());
        QCOMPARE(secretToolLookup(m_keychain.service(), QStringLiteral("carol@h:2")),
                 QStringLiteral("tok-carol"));
        const TokenResult again = await(store.read(QStringLiteral("bob@h:2")));
        QCOMPARE(again.where, TokenResult::Where::Keychain);
        QCOMPARE(again.token, QStringLiteral("tok-bob"));
        await(store.remove(QStringLiteral("bob@h:2")));
        await(store.remove(QStringLiteral("carol@h:2")));
    }

    // A keychain that answers late is still the keychain: the write waits for it and the
    // token never reaches the plain file (e2e_app_notification once found it there).
    void slowKeychainWriteWaitsForIt()
    {
        if (!m_keychain.real())
            QSKIP("needs a keychain to freeze");
        QTemporaryDir profile;
        TokenStore store(profile.path(), m_keychain.service());
        store.setKeychainTimeout(200);
        QSignalSpy fallbackSpy(&store, &TokenStore::fallbackActivated);
        QSignalSpy slowSpy(&store, &TokenStore::keychainSlow);
        const QString secret = QStringLiteral("tok-") + QUuid::createUuid().toString(QUuid::Id128);
        QVERIFY(await(store.write(QStringLiteral("warm@h:1"), QStringLiteral("x"))).ok);

        FrozenKeyring frozen;
        QVERIFY(frozen.frozen());
        QFuture<TokenResult> write = store.write(QStringLiteral("slow@h:1"), secret);
        QVERIFY(slowSpy.wait(10000));
        QVERIFY(!QFileInfo::exists(store.fallbackPath()));
        QVERIFY(!write.isFinished());
        frozen.thaw();

        const TokenResult written = await(write);
        QVERIFY2(written.ok, qPrintable(written.error));
        QCOMPARE(written.where, TokenResult::Where::Keychain);
        QCOMPARE(fallbackSpy.count(), 0);
        QVERIFY(!QFileInfo::exists(store.fallbackPath()));
        QVERIFY(fileContaining(profile.path(), secret.toUtf8()).isEmpty());
        QCOMPARE(secretToolLookup(m_keychain.service(), QStringLiteral("slow@h:1")), secret);
        await(store.remove(QStringLiteral("slow@h:1")));
        await(store.remove(QStringLiteral("warm@h:1")));
    }

    // A slow read waits for the keychain's answer: it neither reports "no token" (the
    // app would ask for it again) nor answers from the fallback file.
    void slowKeychainReadWaitsForIt()
    {
        if (!m_keychain.real())
            QSKIP("needs a keychain to freeze");
        QTemporaryDir profile;
        TokenStore store(profile.path(), m_keychain.service());
        store.setKeychainTimeout(200);
        QSignalSpy slowSpy(&store, &TokenStore::keychainSlow);
        QVERIFY(await(store.write(QStringLiteral("r@h:1"), QStringLiteral("tok-new"))).ok);
        // A stale copy in the file (as an older session without keychain left it).
        QFile f(store.fallbackPath());
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                       QFile::ReadOwner | QFile::WriteOwner));
        f.write(R"({"tokens":{"r@h:1":"tok-stale"}})");
        f.close();

        FrozenKeyring frozen;
        QVERIFY(frozen.frozen());
        QFuture<TokenResult> read = store.read(QStringLiteral("r@h:1"));
        QVERIFY(slowSpy.wait(10000));
        QVERIFY(!read.isFinished());
        frozen.thaw();

        const TokenResult result = await(read);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.token, QStringLiteral("tok-new"));
        QCOMPARE(result.where, TokenResult::Where::Keychain);
        await(store.remove(QStringLiteral("r@h:1")));
    }

    // What QtKeychain reports for libsecret's 25 s D-Bus timeout (and the bus's own
    // NoReply) is a timeout; a refusal, a locked collection or a missing entry is not.
    void timeoutIsToldApartFromRefusal()
    {
        using talker::app::keychainerrors::timedOut;
        QVERIFY(timedOut(QKeychain::OtherError, kGlibTimeout));
        QVERIFY(timedOut(QKeychain::OtherError,
                         QStringLiteral("GDBus.Error:org.freedesktop.DBus.Error.NoReply: Did not "
                                        "receive a reply.")));
        QVERIFY(!timedOut(QKeychain::AccessDenied, QStringLiteral("Access denied")));
        QVERIFY(!timedOut(QKeychain::AccessDeniedByUser, QStringLiteral("Cancelled")));
        QVERIFY(!timedOut(QKeychain::EntryNotFound, QStringLiteral("Entry not found")));
        QVERIFY(!timedOut(QKeychain::OtherError,
                          QStringLiteral("Cannot create an item in a locked collection")));
    }

    // A read that timed out is issued again and gives the token, as if the first had
    // worked; the call stays "slow" (the window keeps saying it waits) until then.
    void timedOutReadIsAskedAgain()
    {
        if (!m_keychain.real())
            QSKIP("needs a keychain that answers the second time");
        QTemporaryDir profile;
        TokenStore store(profile.path(), m_keychain.service());
        store.setRetryDelay(50);
        QVERIFY(await(store.write(QStringLiteral("t@h:1"), QStringLiteral("tok-t"))).ok);
        FailFirstJobs fail{QKeychain::OtherError, kGlibTimeout, 2};
        fail.install(store);
        QSignalSpy slowSpy(&store, &TokenStore::keychainSlow);
        QSignalSpy retrySpy(&store, &TokenStore::keychainRetrying);
        QSignalSpy answeredSpy(&store, &TokenStore::keychainAnswered);
        QFuture<TokenResult> read = store.read(QStringLiteral("t@h:1"));
        QCOMPARE(slowSpy.count(), 1);
        QCOMPARE(answeredSpy.count(), 0);

        const TokenResult result = await(read);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.token, QStringLiteral("tok-t"));
        QCOMPARE(fail.jobs, 3);
        QCOMPARE(retrySpy.count(), 2);
        QCOMPARE(slowSpy.count(), 1);
        QCOMPARE(answeredSpy.count(), 1);
        await(store.remove(QStringLiteral("t@h:1")));
    }

    // A write that timed out is issued again: the token reaches the keychain, never the file.
    void timedOutWriteIsAskedAgain()
    {
        if (!m_keychain.real())
            QSKIP("needs a keychain that answers the second time");
        QTemporaryDir profile;
        TokenStore store(profile.path(), m_keychain.service());
        store.setRetryDelay(50);
        FailFirstJobs fail{QKeychain::OtherError, kGlibTimeout};
        fail.install(store);
        QSignalSpy retrySpy(&store, &TokenStore::keychainRetrying);
        const QString secret = QStringLiteral("tok-") + QUuid::createUuid().toString(QUuid::Id128);
        const TokenResult written = await(store.write(QStringLiteral("w@h:1"), secret));
        QVERIFY2(written.ok, qPrintable(written.error));
        QCOMPARE(written.where, TokenResult::Where::Keychain);
        QCOMPARE(fail.jobs, 2);
        QCOMPARE(retrySpy.count(), 1);
        QVERIFY(!QFileInfo::exists(store.fallbackPath()));
        QCOMPARE(secretToolLookup(m_keychain.service(), QStringLiteral("w@h:1")), secret);
        await(store.remove(QStringLiteral("w@h:1")));
    }

    // A keychain that refuses is not asked again behind the user's back: the error
    // stands (and says the keychain failed, so the app can offer "Try again").
    void refusalIsNotAskedAgain()
    {
        if (!m_keychain.real())
            QSKIP("needs a keychain");
        QTemporaryDir profile;
        TokenStore store(profile.path(), m_keychain.service());
        store.setRetryDelay(0);
        QVERIFY(await(store.write(QStringLiteral("d@h:1"), QStringLiteral("tok-d"))).ok);
        FailFirstJobs fail{QKeychain::AccessDenied, QStringLiteral("Access denied")};
        fail.install(store);
        QSignalSpy retrySpy(&store, &TokenStore::keychainRetrying);
        const TokenResult result = await(store.read(QStringLiteral("d@h:1")));
        QVERIFY(!result.ok);
        QVERIFY(result.keychainFailed);
        QVERIFY(result.error.contains(QStringLiteral("Access denied")));
        QCOMPARE(fail.jobs, 1);
        QCOMPARE(retrySpy.count(), 0);
        // The user's "Try again" is a plain new read, which the keychain now answers.
        const TokenResult again = await(store.read(QStringLiteral("d@h:1")));
        QVERIFY2(again.ok, qPrintable(again.error));
        QCOMPARE(again.token, QStringLiteral("tok-d"));
        await(store.remove(QStringLiteral("d@h:1")));
    }

    void noKeychainKeepsFileTokens()
    {
        if (!m_keychain.none())
            QSKIP("only without a keychain");
        QTemporaryDir profile;
        TokenStore store(profile.path(), m_keychain.service());
        QVERIFY(await(store.write(QStringLiteral("a@h:1"), QStringLiteral("one"))).ok);
        QVERIFY(await(store.write(QStringLiteral("b@h:1"), QStringLiteral("two"))).ok);
        // Migration finds no keychain: nothing moves and nothing is lost.
        QCOMPARE(await(store.migrateFallback()), 0);
        TokenStore reopened(profile.path(), m_keychain.service());
        QCOMPARE(await(reopened.read(QStringLiteral("a@h:1"))).token, QStringLiteral("one"));
        QCOMPARE(await(reopened.read(QStringLiteral("b@h:1"))).token, QStringLiteral("two"));
    }

    // A keychain that is there but refuses (locked, and nobody to unlock it) gives an
    // error: the caller keeps the token, the plain file never gets it. Last, because
    // the keychain stays locked.
    void lockedKeychainRefusesWithoutTheFile()
    {
        if (!m_keychain.real())
            QSKIP("needs a keychain to lock");
        QTemporaryDir profile;
        TokenStore store(profile.path(), m_keychain.service());
        QSignalSpy fallbackSpy(&store, &TokenStore::fallbackActivated);
        QSignalSpy retrySpy(&store, &TokenStore::keychainRetrying);
        const QString secret = QStringLiteral("tok-") + QUuid::createUuid().toString(QUuid::Id128);
        QVERIFY(lockKeychain());

        const TokenResult written = await(store.write(QStringLiteral("locked@h:1"), secret));
        QVERIFY(!written.ok);
        QVERIFY(!written.error.isEmpty());
        QVERIFY(!written.error.contains(secret));
        QCOMPARE(fallbackSpy.count(), 0);
        QVERIFY(!QFileInfo::exists(store.fallbackPath()));
        QVERIFY(fileContaining(profile.path(), secret.toUtf8()).isEmpty());
        QVERIFY(written.keychainFailed);
        QCOMPARE(retrySpy.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestTokenStore)
#include "tst_tokenstore.moc"
