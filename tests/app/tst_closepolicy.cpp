// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "appsettings.h"
#include "closepolicy.h"

#include <QGuiApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWindow>

using talker::app::AppSettings;
using talker::app::ClosePolicy;

class TestClosePolicy : public QObject
{
    Q_OBJECT

    struct Fixture
    {
        QTemporaryDir dir;
        AppSettings settings{dir.path()};
        bool tray = true;
        ClosePolicy policy{&settings, [this] {
                               return tray;
                           }};
        QWindow window;
        QSignalSpy quit{&policy, &ClosePolicy::quitRequested};
        Fixture()
        {
            policy.watch(&window);
            window.resize(200, 100);
            window.show();
        }
    };

private slots:
    void closeHidesToTheTrayWhenSetAndThere()
    {
        Fixture f;
        f.settings.setCloseToTray(true);
        QVERIFY(QTest::qWaitForWindowExposed(&f.window));
        QVERIFY(!f.window.close()); // refused: the window only hides
        QVERIFY(!f.window.isVisible());
        QCOMPARE(f.quit.count(), 0);
    }

    void closeQuitsWithoutTheSetting()
    {
        Fixture f;
        f.settings.setCloseToTray(false);
        QVERIFY(QTest::qWaitForWindowExposed(&f.window));
        QVERIFY(f.window.close());
        QCOMPARE(f.quit.count(), 1);
    }

    void closeQuitsWhenThereIsNoTray()
    {
        Fixture f;
        f.settings.setCloseToTray(true);
        f.tray = false; // e.g. a desktop without a status area
        QVERIFY(QTest::qWaitForWindowExposed(&f.window));
        QVERIFY(f.window.close());
        QCOMPARE(f.quit.count(), 1);
    }
};

QTEST_MAIN(TestClosePolicy)
#include "tst_closepolicy.moc"
