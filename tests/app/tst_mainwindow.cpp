// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Main.qml with the real controllers: the welcome screen, the switcher, search and
// the settings and join dialogs are created when first needed (app start time,
// bench/app-start.sh), and then open centred in the window.
#include "accountscontroller.h"
#include "chatcontroller.h"
#include "controller.h"
#include "invitecontroller.h"
#include "localsharecontroller.h"
#include "tokenstore.h"
#include "traycontroller.h"

#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(TalkerPlugin)

using namespace talker::app;

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void popupsAreCreatedWhenFirstOpened()
    {
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/talker-test-bus");
        QTemporaryDir profile;
        TokenStore tokens(profile.path(), QStringLiteral("TalkerMainWindowTest"));
        Controller app(profile.path(), &tokens);
        ChatController chat(app.chats());
        InviteController invites(&app);
        LocalShareController localShare(&app);
        AccountsController accounts(&app);
        TrayController tray{QIcon()};
        InviteController::setInstance(&invites);
        LocalShareController::setInstance(&localShare);
        AccountsController::setInstance(&accounts);
        Controller::setInstance(&app);
        ChatController::setInstance(&chat);
        TrayController::setInstance(&tray);
        QQuickStyle::setStyle(QStringLiteral("Basic"));
        QQmlApplicationEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/"));
        engine.load(QUrl(QStringLiteral("qrc:/Talker/Main.qml")));
        QCOMPARE(engine.rootObjects().size(), 1);
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));

        // No account yet: the welcome screen is there.
        QVERIFY(window->findChild<QObject *>(QStringLiteral("hostLocalButton")));

        const struct
        {
            const char *loader;
            const char *popup; // the popup's own objectName
        } popups[] = {{"settingsPopup", "settingsDialog"},
                      {"searchPopup", "searchView"},
                      {"switcherPopup", nullptr},
                      {"joinPopup", nullptr}};
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
        Controller::setInstance(nullptr);
        InviteController::setInstance(nullptr);
        LocalShareController::setInstance(nullptr);
        AccountsController::setInstance(nullptr);
        ChatController::setInstance(nullptr);
        TrayController::setInstance(nullptr);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
