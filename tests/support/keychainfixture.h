// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QFuture>
#include <QString>
#include <QTest>

namespace talker::test {

/// What the keychain tests (TokenStore and the controllers that store tokens) share.
/// run-keychain-test.sh runs each of them twice: TALKER_TEST_KEYCHAIN=real inside a
/// session bus with an unlocked gnome-keyring, and =none with no secret service
/// (tst_tokenstore also =bare: a bus on which no secret service is or can be started).
///
///     KeychainFixture m_keychain;
///     void initTestCase() { if (!m_keychain.setUp("TalkerX-")) QSKIP(KeychainFixture::skipReason);
///     }
class KeychainFixture
{
public:
    static constexpr const char *skipReason =
        "run through run-keychain-test.sh (TALKER_TEST_KEYCHAIN=real|none)";

    /// Reads the mode and makes a service name of its own (PREFIX + random), so runs
    /// never see each other's secrets. False outside the wrapper script.
    bool setUp(const QString &servicePrefix);

    QString mode() const { return m_mode; }
    bool real() const { return m_mode == QLatin1String("real"); }
    /// No keychain: "none" has no session bus, "bare" a bus without a Secret Service.
    bool none() const { return m_mode == QLatin1String("none") || m_mode == QLatin1String("bare"); }
    /// The keychain service name the test's TokenStores use.
    QString service() const { return m_service; }

private:
    QString m_mode;
    QString m_service;
};

/// The result of a TokenStore future, waiting for it (30 s at most, then the test aborts).
template<typename T>
T await(QFuture<T> future)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 30000))
        qFatal("TokenStore future never finished");
    return future.result();
}

/// Asks the Secret Service directly (with secret-tool, not QtKeychain) what it holds
/// for ACCOUNT under SERVICE; empty when nothing.
QString secretToolLookup(const QString &service, const QString &account);

/// Whether the file at PATH contains NEEDLE.
bool fileContains(const QString &path, const QByteArray &needle);

/// The first file under DIR (recursively) that contains NEEDLE, empty when none does.
QString fileContaining(const QString &dir, const QByteArray &needle);

} // namespace talker::test
