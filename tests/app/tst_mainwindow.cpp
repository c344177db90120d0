// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Main.qml with the real controllers: the chat and member panel are made after the
// first frame, and the welcome screen, the switcher, search and the settings and join
// dialogs when first needed (app start time, bench/app-start.sh); the popups then open
// centred in the window.
#include "accountscontroller.h"
#include "chatcontroller.h"
#include "connector.h"
#include "controller.h"
#include "invitecontroller.h"
#include "localsharecontroller.h"
#include "startupreport.h"
#include "tokenstore.h"
#include "traycontroller.h"

#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(TalkerPlugin)

using namespace talker::app;

namespace {
/// The app's controllers over a fresh profile, registered for QML as in the app.
struct Controllers
{
    QTemporaryDir profile;
    TokenStore tokens{profile.path(), QStringLiteral("TalkerMainWindowTest")};
    Controller app{profile.path(), &tokens};
    ChatController chat{app.chats()};
    InviteController invites{&app};
    LocalShareController localShare{&app};
    AccountsController accounts{&app};
    TrayController tray{QIcon()};

    Controllers()
    {
        InviteController::setInstance(&invites);
        LocalShareController::setInstance(&localShare);
        AccountsController::setInstance(&accounts);
        Controller::setInstance(&app);
        ChatController::setInstance(&chat);
        TrayController::setInstance(&tray);
    }
    ~Controllers()
    {
        Controller::setInstance(nullptr);
        InviteController::setInstance(nullptr);
        LocalShareController::setInstance(nullptr);
        AccountsController::setInstance(nullptr);
        ChatController::setInstance(nullptr);
        TrayController::setInstance(nullptr);
    }
};

QQuickWindow *loadMain(QQmlApplicationEngine &engine)
{
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.load(QUrl(QStringLiteral("qrc:/Talker/Main.qml")));
    return engine.rootObjects().size() == 1
               ? qobject_cast<QQuickWindow *>(engine.rootObjects().first())
               : nullptr;
}
/// Main.qml loaded over fresh controllers, its window exposed.
struct ShownMainWindow
{
    Controllers c;
    QQmlApplicationEngine engine;
    QQuickWindow *window = nullptr;

    bool show()
    {
        window = loadMain(engine);
        return window && QTest::qWaitForWindowExposed(window);
    }
};
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/talker-test-bus");
        QQuickStyle::setStyle(QStringLiteral("Basic"));
    }

    // The first frame shows the window, its header and the sidebar with the rooms;
    // the chat and member panel are made once it is prepared, and StartupReport says
    // when a frame shows them too (bench/app-start.sh).
    void chatIsMadeAfterTheFirstFrame()
    {
        Controllers c;
        // Port 1: nothing listens; the account and its room exist all the same.
        c.app.connector()->connectToServer(QStringLiteral("127.0.0.1"), 1, false,
                                           QStringLiteral("token"), QStringLiteral("Main"));
        QVERIFY(c.app.hasAccounts());
        QQmlApplicationEngine engine;
        QQuickWindow *window = loadMain(engine);
        QVERIFY(window);
        StartupReport startup(window);
        QSignalSpy completed(&startup, &StartupReport::completed);

        auto *chatLoader = window->findChild<QQuickItem *>(QStringLiteral("chatLoader"));
        auto *membersLoader = window->findChild<QQuickItem *>(QStringLiteral("membersLoader"));
        QVERIFY(chatLoader && membersLoader);
        QVERIFY(!chatLoader->property("active").toBool());
        QVERIFY(!membersLoader->property("active").toBool());
        QVERIFY(!window->findChild<QObject *>(QStringLiteral("chatTitle")));
        QVERIFY(!window->property("startupComplete").toBool());
        QVERIFY(!startup.isComplete());
        // The sidebar with the room is there from the start.
        auto *rooms = window->findChild<QObject *>(QStringLiteral("roomList"));
        QVERIFY(rooms);
        QCOMPARE(rooms->property("count").toInt(), 1);

        QVERIFY(QTest::qWaitForWindowExposed(window));
        QTRY_VERIFY(completed.size() == 1);
        QVERIFY(startup.isComplete());
        QVERIFY(window->property("startupComplete").toBool());
        auto *title = window->findChild<QObject *>(QStringLiteral("chatTitle"));
        QVERIFY(title);
        QCOMPARE(title->property("text").toString(), QStringLiteral("Main"));
        QVERIFY(membersLoader->property("item").value<QObject *>());
    }

    void popupsAreCreatedWhenFirstOpened()
    {
        ShownMainWindow m;
        QVERIFY(m.show());
        QQuickWindow *window = m.window;

        // No account yet: the welcome screen is there.
        QVERIFY(window->findChild<QObject *>(QStringLiteral("hostLocalButton")));

        const struct
        {
            const char *loader;
            const char *popup; // the popup's own objectName
        } popups[] = {{"settingsPopup", "settingsDialog"},
                      {"searchPopup", "searchView"},
                      {"switcherPopup", nullptr},
                      {"joinPopup", nullptr},
                      {"connectPopup", "connectDialog"}};
        for (const auto &entry : popups) {
            auto *loader = window->findChild<QQuickItem *>(QLatin1String(entry.loader));
            QVERIFY2(loader, entry.loader);
            QCOMPARE(loader->property("item").value<QObject *>(), nullptr);
            if (entry.popup)
                QVERIFY(!window->findChild<QObject *>(QLatin1String(entry.popup)));
            QVERIFY(QMetaObject::invokeMethod(loader, "open"));
            auto *popup = loader->property("item").value<QObject *>();
            QVERIFY2(popup, entry.loader);
            QTRY_VERIFY2(popup->property("opened").toBool(), entry.loader);
            QVERIFY(loader->property("opened").toBool());
            if (entry.popup) {
                QCOMPARE(popup->objectName(), QLatin1String(entry.popup));
                // Centred in the window, not in the loader's corner.
                const double centre =
                    popup->property("x").toDouble() + popup->property("width").toDouble() / 2;
                QVERIFY2(qAbs(centre - window->width() / 2.0) < 2, entry.loader);
            }
            QVERIFY(QMetaObject::invokeMethod(popup, "close"));
            QTRY_VERIFY2(!loader->property("opened").toBool(), entry.loader);
            // Opened again: the same popup, kept.
            QVERIFY(QMetaObject::invokeMethod(loader, "open"));
            QCOMPARE(loader->property("item").value<QObject *>(), popup);
            QVERIFY(QMetaObject::invokeMethod(popup, "close"));
        }
        // The welcome screen makes no chat, and nothing is left to load.
        auto *chatLoader = window->findChild<QQuickItem *>(QStringLiteral("chatLoader"));
        QVERIFY(chatLoader);
        QCOMPARE(chatLoader->property("item").value<QObject *>(), nullptr);
        QTRY_VERIFY(window->property("startupComplete").toBool());
    }

    // The connect form, asked for with values (the invite dialog's "connect instead"):
    // made then, opened and filled in.
    void connectFormIsMadeWhenAskedFor()
    {
        ShownMainWindow m;
        QVERIFY(m.show());
        QQuickWindow *window = m.window;
        QVERIFY(!window->findChild<QObject *>(QStringLiteral("connectDialog")));
        QVERIFY(QMetaObject::invokeMethod(window, "openConnectForm",
                                          Q_ARG(QString, QStringLiteral("chat.example.org")),
                                          Q_ARG(int, 8600), Q_ARG(QString, QStringLiteral("Tea"))));
        auto *dialog = window->findChild<QObject *>(QStringLiteral("connectDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->property("opened").toBool());
        // The welcome screen has a connect form of its own: this is the dialog's.
        auto *host = dialog->findChild<QObject *>(QStringLiteral("hostField"));
        auto *room = dialog->findChild<QObject *>(QStringLiteral("roomField"));
        QVERIFY(host && room);
        QCOMPARE(host->property("text").toString(), QStringLiteral("chat.example.org"));
        QCOMPARE(room->property("text").toString(), QStringLiteral("Tea"));
    }

    // The invite dialog is made when an invite is first offered (also one offered
    // before the window loads), shows while it is pending, and is kept.
    void inviteDialogIsMadeWhenAnInviteIsOffered()
    {
        ShownMainWindow m;
        QVERIFY(m.show());
        QQuickWindow *window = m.window;
        auto *loader = window->findChild<QQuickItem *>(QStringLiteral("invitePopup"));
        QVERIFY(loader);
        QCOMPARE(loader->property("item").value<QObject *>(), nullptr);

        const QString link = QStringLiteral("talker://127.0.0.1:1/Tea?invite=Ab-_9xYz");
        QVERIFY(m.c.invites.offer(link));
        QTRY_VERIFY(loader->property("item").value<QObject *>());
        auto *dialog = loader->property("item").value<QObject *>();
        QCOMPARE(dialog->objectName(), QStringLiteral("joinInviteDialog"));
        QTRY_VERIFY(dialog->property("opened").toBool());
        m.c.invites.cancel();
        QTRY_VERIFY(!dialog->property("visible").toBool());
        QVERIFY(m.c.invites.offer(link));
        QCOMPARE(loader->property("item").value<QObject *>(), dialog);
        QTRY_VERIFY(dialog->property("opened").toBool());

        // Offered before the window exists, as a link on the command line is.
        QQmlApplicationEngine second;
        QQuickWindow *other = loadMain(second);
        QVERIFY(other);
        auto *early = other->findChild<QQuickItem *>(QStringLiteral("invitePopup"));
        QVERIFY(early);
        QTRY_VERIFY(early->property("item").value<QObject *>());
    }

    // A keychain error's notice carries "Try again"; pressing it runs the retry (the
    // C++ side is tst_keychainnotice's) and takes the notice down. Other notices have
    // no such button.
    void keychainErrorOffersTryAgain()
    {
        ShownMainWindow m;
        QVERIFY(m.show());
        QQuickWindow *window = m.window;
        auto *button = window->findChild<QQuickItem *>(QStringLiteral("noticeActionButton"));
        QVERIFY(button);
        QVERIFY(!button->isVisible());

        emit m.c.app.connector()->keychainFailed(
            QStringLiteral("No token for x: The keychain could not be read: Access denied"));
        QVERIFY(m.c.app.notice().contains(QStringLiteral("Access denied")));
        QTRY_VERIFY(button->isVisible());
        QCOMPARE(button->property("text").toString(), QStringLiteral("Try again"));
        QTest::mouseClick(
            window, Qt::LeftButton, {},
            button->mapToScene(QPointF(button->width() / 2, button->height() / 2)).toPoint());
        QTRY_COMPARE(m.c.app.notice(), QString());
        QVERIFY(!button->isVisible());

        QVERIFY(!m.c.app.connector()->openLink(QStringLiteral("talker://")));
        QVERIFY(!m.c.app.notice().isEmpty());
        QVERIFY(!button->isVisible());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
