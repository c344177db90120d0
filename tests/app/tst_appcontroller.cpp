// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// Controller over a real server and real profile files: tokens restored from the
// store after a restart, the keychain-fallback notice shown once, corrupt files set
// aside, and "Host a local room" with the embedded server.
#include "chatmanager.h"
#include "connector.h"
#include "controller.h"
#include "serverwithbob.h"
#include "tokenstore.h"

#include "certfactory.h"
#include "testserver.h"

#include "client/account.h"
#include "client/accountregistry.h"
#include "client/room.h"
#include "client/timeline.h"
#include "models/membermodel.h"
#include "models/messagemodel.h"
#include "models/roomlistmodel.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace talker::app;

class TestController : public QObject
{
    Q_OBJECT
    ServerWithBob m_serverWithBob;

private slots:
    void initTestCase()
    {
        // No session bus: no keychain, so tokens use the profile's fallback file.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/talker-test-bus");
        QVERIFY(m_serverWithBob.start());
    }

    void tokensSurviveARestartAndTheNoticeShowsOnce()
    {
        QTemporaryDir profile;
        QString accountId;
        {
            TokenStore tokens(profile.path(), QStringLiteral("TalkerAppTest"));
            Controller app(profile.path(), &tokens);
            QVERIFY(!app.hasAccounts());
            app.connector()->connectToServer(QStringLiteral("127.0.0.1"), m_serverWithBob.port(),
                                             false, m_serverWithBob.aliceToken(),
                                             QStringLiteral("Main"));
            QVERIFY(app.hasAccounts());
            QTRY_VERIFY_WITH_TIMEOUT(
                app.chats()->currentRoom() && app.chats()->currentRoom()->isConnected(), 15000);
            QTRY_VERIFY(app.notice().contains(QLatin1String("fallback-tokens.json")));
            app.clearNotice();
            app.chats()->joinRoom(QStringLiteral("Second"));
            QCOMPARE(app.chats()->currentTitle(), QStringLiteral("Second"));
            accountId = app.chats()->currentAccount()->id();
            // Same token again (e.g. reconnect form): written again, but no second notice.
            app.connector()->connectToServer(QStringLiteral("127.0.0.1"), m_serverWithBob.port(),
                                             false, m_serverWithBob.aliceToken(),
                                             QStringLiteral("Main"));
            QTest::qWait(200);
            QVERIFY(app.notice().isEmpty());
            QCOMPARE(app.registry()->count(), 1);
            app.chats()->selectRoom(app.chats()->currentAccount()->room(QStringLiteral("Second")));
        }
        // The token is in the 0600 fallback file only, not in settings or accounts.
        QVERIFY(
            QFile::exists(QDir(profile.path()).filePath(QStringLiteral("fallback-tokens.json"))));
        QFile settings(QDir(profile.path()).filePath(QStringLiteral("settings.json")));
        QVERIFY(settings.open(QIODevice::ReadOnly));
        QVERIFY(!settings.readAll().contains(m_serverWithBob.aliceToken().toUtf8()));
        QFile accounts(QDir(profile.path()).filePath(QStringLiteral("accounts.json")));
        QVERIFY(accounts.open(QIODevice::ReadOnly));
        QVERIFY(!accounts.readAll().contains(m_serverWithBob.aliceToken().toUtf8()));

        TokenStore tokens(profile.path(), QStringLiteral("TalkerAppTest"));
        Controller app(profile.path(), &tokens);
        QCOMPARE(app.registry()->count(), 1);
        QCOMPARE(app.rooms()->count(), 2);
        QCOMPARE(app.chats()->currentTitle(), QStringLiteral("Second")); // the last open chat
        app.connector()->restoreSessions();
        QTRY_VERIFY_WITH_TIMEOUT(app.chats()->currentRoom()->isConnected(), 15000);
        QVERIFY(app.notice().isEmpty()); // told once per profile, not at every start
    }

    void scrollbackLoadsOlderHistoryFromTheCache()
    {
        QTemporaryDir profile;
        const QString room = QStringLiteral("Busy");
        const int total = 260;
        {
            TokenStore tokens(profile.path(), QStringLiteral("TalkerAppTest"));
            Controller app(profile.path(), &tokens);
            app.connector()->connectToServer(QStringLiteral("127.0.0.1"), m_serverWithBob.port(),
                                             false, m_serverWithBob.aliceToken(), room);
            QTRY_VERIFY_WITH_TIMEOUT(
                app.chats()->currentRoom() && app.chats()->currentRoom()->isConnected(), 15000);
            m_serverWithBob.connectBob(room);
            QTRY_COMPARE_WITH_TIMEOUT(app.chats()->members()->count(), 2, 15000);
            for (int i = 0; i < total; ++i)
                m_serverWithBob.bobSays(room, QStringLiteral("line %1").arg(i));
            QTRY_COMPARE_WITH_TIMEOUT(app.chats()->currentRoom()->timeline()->count(), total,
                                      30000);
        }
        // After a restart the window starts with the newest part; older pages come from
        // the cache as the view scrolls up (the view calls fetchOlder).
        TokenStore tokens(profile.path(), QStringLiteral("TalkerAppTest"));
        Controller app(profile.path(), &tokens);
        QCOMPARE(app.chats()->currentTitle(), room);
        auto *timeline = app.chats()->currentRoom()->timeline();
        // the chat shown at start reads its first page (others only their newest message)
        QCOMPARE(timeline->count(), 200);
        QCOMPARE(timeline->last().text, QStringLiteral("line %1").arg(total - 1));
        QVERIFY(timeline->canFetchOlder());
        const int before = app.chats()->messages()->count();
        QVERIFY(timeline->fetchOlder(50) > 0);
        QVERIFY(app.chats()->messages()->count() > before);
        while (timeline->canFetchOlder() && timeline->fetchOlder(50) > 0) {
        }
        QCOMPARE(app.chats()->messages()->count(), total);
        QCOMPARE(timeline->at(0).text, QStringLiteral("line 0"));
    }

    void corruptFilesAreSetAside()
    {
        QTemporaryDir profile;
        for (const char *name : {"settings.json", "accounts.json"}) {
            QFile f(QDir(profile.path()).filePath(QString::fromLatin1(name)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{ this is not json");
        }
        TokenStore tokens(profile.path(), QStringLiteral("TalkerAppTest"));
        Controller app(profile.path(), &tokens);
        QVERIFY(!app.notice().isEmpty());
        QVERIFY(!app.hasAccounts());
        QCOMPARE(QDir(profile.path()).entryList({QStringLiteral("settings.json.corrupt-*")}).size(),
                 1);
        QCOMPARE(QDir(profile.path()).entryList({QStringLiteral("accounts.json.corrupt-*")}).size(),
                 1);
        // And it works normally afterwards.
        app.connector()->connectToServer(QStringLiteral("127.0.0.1"), m_serverWithBob.port(), false,
                                         m_serverWithBob.aliceToken(), QStringLiteral("Main"));
        QTRY_VERIFY_WITH_TIMEOUT(
            app.chats()->currentRoom() && app.chats()->currentRoom()->isConnected(), 15000);
    }

    void badInputGetsAClearMessage()
    {
        QTemporaryDir profile;
        Controller app(profile.path(), nullptr);
        app.connector()->connectToServer(QString(), 8500, false, QStringLiteral("t"),
                                         QStringLiteral("Main"));
        QVERIFY(app.notice().contains(QLatin1String("host")));
        QVERIFY(!app.hasAccounts());
        app.clearNotice();
        app.connector()->connectToServer(QStringLiteral("h"), 8500, false, QString(),
                                         QStringLiteral("Main"));
        QVERIFY(app.notice().contains(QLatin1String("token")));
        app.clearNotice();
        // Junk hosts get the reason and never become an account.
        for (const char *junk : {"127.0.0.1127.0.0.1", "http://chat.example.org", "a b"}) {
            app.connector()->connectToServer(QString::fromLatin1(junk), 8500, false,
                                             QStringLiteral("t"), QStringLiteral("Main"));
            QVERIFY2(!app.notice().isEmpty(), junk);
            QVERIFY(!app.hasAccounts());
            app.clearNotice();
        }
        app.connector()->connectToServer(QStringLiteral("h"), 8500, false, QStringLiteral("t"),
                                         QStringLiteral("a/b"));
        QVERIFY(app.notice().contains(QLatin1String("/")));
        QVERIFY(!app.hasAccounts());
        app.clearNotice();
        QVERIFY(!app.connector()->openLink(QStringLiteral("talker://h/a/b")));
        QVERIFY(app.notice().contains(QLatin1String("must not contain")));
        app.clearNotice();
        QVERIFY(!app.connector()->openLink(QStringLiteral("talker://unknown.example.org/Main")));
        QVERIFY(app.notice().contains(QLatin1String("first connect")));
        QVERIFY(app.connector()->defaultTlsFor(QStringLiteral("chat.example.org")));
        QVERIFY(!app.connector()->defaultTlsFor(QStringLiteral("127.0.0.1")));
        QVERIFY(!app.connector()->defaultTlsFor(QStringLiteral("localhost")));
    }

    void untrustedCertificateAsksAndPins()
    {
        talker::test::CertFactory certs;
        const auto cert = certs.selfSigned(QStringLiteral("server"));
        QVERIFY2(cert.ok(), qPrintable(certs.lastError()));
        talker::test::TestServer server({QStringLiteral("--tls-cert"), cert.certificate,
                                         QStringLiteral("--tls-key"), cert.key});
        QVERIFY(server.start());
        const QString token = server.addUser(QStringLiteral("carol"));
        QVERIFY(!token.isEmpty());

        QTemporaryDir profile;
        {
            TokenStore tokens(profile.path(), QStringLiteral("TalkerAppTest"));
            Controller app(profile.path(), &tokens);
            app.connector()->connectToServer(QStringLiteral("127.0.0.1"), server.port(), true,
                                             token, QStringLiteral("Main"));
            // Refused before the token is sent; the UI is asked.
            QTRY_VERIFY_WITH_TIMEOUT(!app.connector()->certificatePrompt().isEmpty(), 15000);
            QVERIFY(!app.chats()->currentRoom()->isConnected());
            const QVariantMap prompt = app.connector()->certificatePrompt();
            QCOMPARE(prompt.value(QStringLiteral("port")).toInt(), int(server.port()));
            QVERIFY(!prompt.value(QStringLiteral("problems")).toString().isEmpty());
            const QString fingerprint = prompt.value(QStringLiteral("fingerprint")).toString();
            QVERIFY(!fingerprint.isEmpty());
            app.connector()->trustCertificate();
            QVERIFY(app.connector()->certificatePrompt().isEmpty());
            QTRY_VERIFY_WITH_TIMEOUT(app.chats()->currentRoom()->isConnected(), 15000);
        }
        // Pinned: the next start connects without asking.
        TokenStore tokens(profile.path(), QStringLiteral("TalkerAppTest"));
        Controller app(profile.path(), &tokens);
        app.connector()->restoreSessions();
        QTRY_VERIFY_WITH_TIMEOUT(
            app.chats()->currentRoom() && app.chats()->currentRoom()->isConnected(), 15000);
        QVERIFY(app.connector()->certificatePrompt().isEmpty());
    }

    // "Don't connect" sticks: the account stops trying (so it never asks again by
    // itself) until the user reconnects by hand, which asks again.
    void dontConnectSticksUntilReconnectedByHand()
    {
        talker::test::CertFactory certs;
        const auto cert = certs.selfSigned(QStringLiteral("server"));
        QVERIFY2(cert.ok(), qPrintable(certs.lastError()));
        talker::test::TestServer server({QStringLiteral("--tls-cert"), cert.certificate,
                                         QStringLiteral("--tls-key"), cert.key});
        QVERIFY(server.start());
        const QString token = server.addUser(QStringLiteral("dave"));
        QTemporaryDir profile;
        Controller app(profile.path(), nullptr);
        app.connector()->connectToServer(QStringLiteral("127.0.0.1"), server.port(), true, token,
                                         QStringLiteral("Main"));
        QTRY_VERIFY_WITH_TIMEOUT(!app.connector()->certificatePrompt().isEmpty(), 15000);
        talker::client::Room *room = app.chats()->currentRoom();
        QSignalSpy prompts(app.connector(), &Connector::certificatePromptChanged);
        app.connector()->dismissCertificate();
        QVERIFY(app.connector()->certificatePrompt().isEmpty());
        QCOMPARE(prompts.count(), 1);
        // Nothing is scheduled: no retry, hence no new prompt.
        QCOMPARE(room->state(), talker::client::Session::State::Disconnected);
        QVERIFY(!room->nextRetry().isValid());
        QTest::qWait(1500); // longer than the first backoff step
        QCOMPARE(prompts.count(), 1);
        QVERIFY(!room->nextRetry().isValid());
        // Retry now, by hand: asked again.
        app.chats()->retryNow();
        QTRY_VERIFY_WITH_TIMEOUT(!app.connector()->certificatePrompt().isEmpty(), 15000);
        QVERIFY(!room->isConnected());
    }

    void hostLocalRoom()
    {
        QTemporaryDir profile;
        quint16 port = 0;
        {
            Controller app(profile.path(), nullptr);
            QVERIFY(app.connector()->hostLocalRoom());
            QVERIFY(app.connector()->hostingLocal());
            QCOMPARE(app.chats()->currentTitle(), QStringLiteral("Lobby"));
            QVERIFY(app.chats()->currentAccount()->host() == QLatin1String("127.0.0.1"));
            port = quint16(app.chats()->currentAccount()->port());
            QTRY_VERIFY_WITH_TIMEOUT(app.chats()->currentRoom()->isConnected(), 15000);
            // The demo room greets with a welcome message from Talker, not from the
            // user, pointing at "Invite someone…".
            QTRY_VERIFY_WITH_TIMEOUT(app.chats()->currentRoom()->timeline()->count() >= 1, 10000);
            const auto welcome = app.chats()->currentRoom()->timeline()->at(0);
            QVERIFY(welcome.text.contains(QStringLiteral("Invite someone")));
            QCOMPARE(welcome.authorName, QStringLiteral("Talker"));
            QVERIFY(!welcome.isOwn);
            QVERIFY(app.chats()
                        ->currentRoom()
                        ->sendMessage(QStringLiteral("first local message"))
                        .size() > 0);
            QTRY_VERIFY_WITH_TIMEOUT(app.chats()->currentRoom()->timeline()->last().delivery ==
                                         talker::client::Message::Delivery::Sent,
                                     10000);
        }
        // The next start (restoreSessions) brings the local server back, same history.
        Controller app(profile.path(), nullptr);
        app.connector()->restoreSessions();
        QVERIFY(app.connector()->hostingLocal());
        QCOMPARE(app.registry()->count(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(
            app.chats()->currentRoom() && app.chats()->currentRoom()->isConnected(), 15000);
        // The same port as before: links made earlier still work.
        QCOMPARE(quint16(app.chats()->currentAccount()->port()), port);
        bool found = false;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto *t = app.chats()->currentRoom()->timeline();
                for (int i = 0; i < t->count(); ++i)
                    found = found || t->at(i).text == QLatin1String("first local message");
                return found;
            }(),
            10000);
    }
};

QTEST_MAIN(TestController)
#include "tst_appcontroller.moc"
