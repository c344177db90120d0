// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// Notification rules over the real App controller, a real talker-server and bob's
// real client: what raises a notification, which key replaces which, and what a
// click does. The platform Notifier is replaced by a recorder here; the D-Bus one is
// tested in tst_dbusnotifier and end to end in e2e_app_notification.
#include "chatmanager.h"
#include "connector.h"
#include "controller.h"
#include "notificationcontroller.h"
#include "notifier.h"
#include "serverwithbob.h"
#include "tokenstore.h"

#include "client/account.h"
#include "client/conversation.h"
#include "client/room.h"
#include "client/timeline.h"
#include "models/membermodel.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace talker::app;

class RecordingNotifier : public Notifier
{
public:
    struct Shown
    {
        QString key, title, body;
    };
    QList<Shown> shown;
    QStringList withdrawn;
    void show(const QString &key, const QString &title, const QString &body) override
    {
        shown.append({key, title, body});
    }
    void withdraw(const QString &key) override { withdrawn.append(key); }
    void click(const QString &key) { emit activated(key); }
};

namespace {
bool timelineHas(talker::client::Room *room, const QString &text)
{
    const auto *t = room->timeline();
    for (int i = 0; i < t->count(); ++i) {
        if (t->at(i).text == text)
            return true;
    }
    return false;
}
} // namespace

class TestNotifications : public QObject
{
    Q_OBJECT
    QTemporaryDir m_profile;
    ServerWithBob m_serverWithBob;
    std::unique_ptr<TokenStore> m_tokens;
    std::unique_ptr<Controller> m_app;
    RecordingNotifier m_notifier;
    std::unique_ptr<NotificationController> m_controller;
    talker::client::Room *m_main = nullptr;

    /// bob says `text` in Main; returns once alice has it.
    bool bobSays(const QString &text)
    {
        m_serverWithBob.bobSays(QStringLiteral("Main"), text);
        return QTest::qWaitFor([&] { return timelineHas(m_main, text); }, 10000);
    }

private slots:
    void initTestCase()
    {
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/talker-test-bus");
        QVERIFY(m_serverWithBob.start());
        m_tokens =
            std::make_unique<TokenStore>(m_profile.path(), QStringLiteral("TalkerNotifyTest"));
        m_app = std::make_unique<Controller>(m_profile.path(), m_tokens.get());
        m_controller = std::make_unique<NotificationController>(m_app.get(), &m_notifier);
        m_app->connector()->connectToServer(QStringLiteral("127.0.0.1"), m_serverWithBob.port(),
                                            false, m_serverWithBob.aliceToken(),
                                            QStringLiteral("Main"));
        m_main = m_app->chats()->currentRoom();
        QVERIFY(m_main);
        QTRY_VERIFY_WITH_TIMEOUT(m_main->isConnected(), 15000);
        m_serverWithBob.connectBob(QStringLiteral("Main"));
        QTRY_VERIFY_WITH_TIMEOUT(m_serverWithBob.bobConnected(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(m_app->chats()->members()->count(), 2, 15000);
        m_app->chats()->setWindowActive(false);
    }

    void plainRoomMessageIsQuietByDefault()
    {
        m_notifier.shown.clear();
        QVERIFY(bobSays(QStringLiteral("just chatting")));
        QTest::qWait(50);
        QCOMPARE(m_notifier.shown.size(), 0);
    }

    void mentionNotifies()
    {
        m_notifier.shown.clear();
        QVERIFY(bobSays(QStringLiteral("hey alice, look at this")));
        QTRY_COMPARE(m_notifier.shown.size(), 1);
        QCOMPARE(m_notifier.shown.first().key, m_main->key());
        QVERIFY2(m_notifier.shown.first().title.contains(QLatin1String("bob")),
                 qPrintable(m_notifier.shown.first().title));
        QCOMPARE(m_notifier.shown.first().body, QStringLiteral("hey alice, look at this"));
    }

    void bodyIsPlainText()
    {
        m_notifier.shown.clear();
        QVERIFY(bobSays(QStringLiteral("alice: **look** at _this_\n> `code`")));
        QTRY_COMPARE(m_notifier.shown.size(), 1);
        QCOMPARE(m_notifier.shown.first().body, QStringLiteral("alice: look at this code"));
        QVERIFY(m_notifier.shown.first().title.startsWith(QLatin1String("bob")));
    }

    void privateNotifiesWithItsOwnKey()
    {
        m_notifier.shown.clear();
        m_serverWithBob.bobWhispers(QStringLiteral("Main"), m_main->account()->userId(),
                                    QStringLiteral("psst"));
        QTRY_COMPARE_WITH_TIMEOUT(m_notifier.shown.size(), 1, 10000);
        const auto &n = m_notifier.shown.first();
        QVERIFY(n.key.startsWith(m_main->account()->id() + QStringLiteral("/@")));
        QCOMPARE(n.title, QStringLiteral("bob (private)"));
        QCOMPARE(n.body, QStringLiteral("psst"));
    }

    void perRoomRules()
    {
        const QString key = m_main->key();
        m_app->settings()->setNotifyLevel(key, AppSettings::None);
        m_notifier.shown.clear();
        QVERIFY(bobSays(QStringLiteral("alice, muted room")));
        QTest::qWait(50);
        QCOMPARE(m_notifier.shown.size(), 0);

        m_app->settings()->setNotifyLevel(key, AppSettings::All);
        QVERIFY(bobSays(QStringLiteral("anything at all")));
        QTRY_COMPARE(m_notifier.shown.size(), 1);
        // Repeated messages keep one key: the notifier replaces, never stacks.
        QVERIFY(bobSays(QStringLiteral("and more")));
        QTRY_COMPARE(m_notifier.shown.size(), 2);
        QCOMPARE(m_notifier.shown.at(0).key, m_notifier.shown.at(1).key);
    }

    void notWhenTheRoomIsOpenInTheActiveWindow()
    {
        m_app->chats()->selectRoom(m_main);
        m_app->chats()->setWindowActive(true);
        QVERIFY(m_notifier.withdrawn.contains(m_main->key()));
        m_notifier.shown.clear();
        QVERIFY(bobSays(QStringLiteral("alice you are looking at this")));
        QTest::qWait(50);
        QCOMPARE(m_notifier.shown.size(), 0);
        QCOMPARE(m_main->unreadCount(), 0); // seen at once
        m_app->chats()->setWindowActive(false);
    }

    void clickOpensTheChatAndRaises()
    {
        m_app->chats()->selectRoom(m_main);
        QSignalSpy raise(m_app.get(), &Controller::raiseRequested);
        const auto conversations = m_main->account()->conversations();
        QCOMPARE(conversations.size(), 1);
        const QString key = conversations.first()->key();
        m_notifier.click(key);
        QCOMPARE(m_app->chats()->currentKey(), key);
        QCOMPARE(m_app->chats()->currentTitle(), QStringLiteral("bob"));
        QCOMPARE(raise.count(), 1);
    }
};

QTEST_MAIN(TestNotifications)
#include "tst_notifications.moc"
