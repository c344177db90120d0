// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Joining through an invite link with InviteController over a real talker-server:
// the account is created, its token lands in the keychain (or, without one, in the
// fallback file) and the room opens; used invites and taken names say so. The
// wrapper script runs it with a real gnome-keyring and with no keychain at all.
#include "chatmanager.h"
#include "connector.h"
#include "controller.h"
#include "invitecontroller.h"
#include "keychainfixture.h"
#include "tokenstore.h"

#include "testserver.h"
#include "wireclient.h"

#include "client/account.h"
#include "client/accountregistry.h"
#include "client/room.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace talker::app;
using namespace talker::test;

class TestInviteJoin : public QObject
{
    Q_OBJECT
    KeychainFixture m_keychain;
    TestServer m_server;
    QString m_alice;

    QString inviteLink(const QString &room)
    {
        int exit = -1;
        const QByteArray out = m_server.runCommand(
            {QStringLiteral("invite"), QStringLiteral("create"), QStringLiteral("--room"), room,
             QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(m_server.port())},
            &exit);
        return exit == 0 ? QString::fromUtf8(out.trimmed().split('\n').last()) : QString();
    }

private slots:
    void initTestCase()
    {
        if (!m_keychain.setUp(QStringLiteral("TalkerInvite-")))
            QSKIP(KeychainFixture::skipReason);
        qputenv("USER", "sysname");
        QVERIFY(m_server.startWithUsers({{QStringLiteral("alice"), &m_alice}}));
    }

    void joinStoresTokenAndOpensRoom()
    {
        QTemporaryDir profile;
        TokenStore tokens(profile.path(), m_keychain.service());
        tokens.setKeychainTimeout(20000);
        Controller app(profile.path(), &tokens);
        InviteController invites(&app);
        const QString link = inviteLink(QStringLiteral("Tea"));
        QVERIFY(!invites.offer(QStringLiteral("talker://127.0.0.1:1/Tea")));
        QVERIFY(invites.offer(link));
        QVERIFY(invites.pending());
        QCOMPARE(invites.room(), QStringLiteral("Tea"));
        QCOMPARE(invites.host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(invites.suggestedName(), QStringLiteral("sysname"));

        // A name the rules refuse never reaches the server.
        invites.join(QStringLiteral("12345"));
        QVERIFY(!invites.busy());
        QVERIFY(invites.error().contains(QLatin1String("digits")));

        invites.join(QStringLiteral("carol"));
        QVERIFY(invites.busy());
        QTRY_VERIFY_WITH_TIMEOUT(
            app.chats()->currentRoom() && app.chats()->currentRoom()->isConnected(), 20000);
        QVERIFY(!invites.pending());
        QCOMPARE(app.chats()->currentTitle(), QStringLiteral("Tea"));
        talker::client::Account *account = app.chats()->currentAccount();
        QCOMPARE(account->userName(), QStringLiteral("carol"));

        // The token is in the keychain (or the fallback file), and it is carol's.
        const TokenResult stored = await(tokens.read(account->id()));
        QVERIFY2(stored.ok, qPrintable(stored.error));
        if (m_keychain.real()) {
            QCOMPARE(stored.where, TokenResult::Where::Keychain);
            QCOMPARE(secretToolLookup(m_keychain.service(), account->id()), stored.token);
            QVERIFY(!QFile::exists(tokens.fallbackPath()));
        } else {
            QCOMPARE(stored.where, TokenResult::Where::File);
        }
        WireClient c(m_server.port());
        QVERIFY(c.join(QStringLiteral("Tea"), stored.token));
        QCOMPARE(c.user().value(QStringLiteral("name")).toString(), QStringLiteral("carol"));

        // The same link again: used, and the prompt offers the connect form instead.
        QVERIFY(invites.offer(link));
        QCOMPARE(invites.suggestedName(), QStringLiteral("carol")); // known on this server
        invites.join(QStringLiteral("dave"));
        QTRY_VERIFY_WITH_TIMEOUT(invites.inviteUsed(), 20000);
        QVERIFY(invites.error().contains(QLatin1String("already used")));
        QCOMPARE(app.registry()->count(), 1);
        invites.cancel();
        QVERIFY(!invites.pending());
        await(tokens.remove(account->id()));
    }

    void takenNameSaysSo()
    {
        QTemporaryDir profile;
        TokenStore tokens(profile.path(), m_keychain.service());
        Controller app(profile.path(), &tokens);
        InviteController invites(&app);
        QVERIFY(invites.offer(inviteLink(QStringLiteral("Lobby"))));
        invites.join(QStringLiteral("ALICE"));
        QTRY_VERIFY_WITH_TIMEOUT(!invites.busy(), 20000);
        QVERIFY2(invites.error().contains(QLatin1String("already uses")),
                 qPrintable(invites.error()));
        QVERIFY(!invites.inviteUsed());
        QCOMPARE(app.registry()->count(), 0);
        // The invite kept its use: another name works.
        invites.join(QStringLiteral("erin"));
        QTRY_VERIFY_WITH_TIMEOUT(
            app.chats()->currentRoom() && app.chats()->currentRoom()->isConnected(), 20000);
        await(tokens.remove(app.chats()->currentAccount()->id()));
    }

    void addressLinksUsePlainTcp()
    {
        QVERIFY(!InviteController::useTlsFor(QStringLiteral("127.0.0.1")));
        QVERIFY(!InviteController::useTlsFor(QStringLiteral("192.168.1.20")));
        QVERIFY(!InviteController::useTlsFor(QStringLiteral("fd00::5")));
        QVERIFY(!InviteController::useTlsFor(QStringLiteral("localhost")));
        QVERIFY(InviteController::useTlsFor(QStringLiteral("chat.example.org")));
    }
};

QTEST_MAIN(TestInviteJoin)
#include "tst_invitejoin.moc"
