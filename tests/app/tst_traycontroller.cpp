// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "traycontroller.h"
#include <QMenu>

#include <QApplication>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>

using talker::app::TrayController;

class TestTrayController : public QObject
{
    Q_OBJECT
    static QIcon plainIcon()
    {
        QPixmap pixmap(32, 32);
        pixmap.fill(QColor(0x30, 0x60, 0xc0));
        return QIcon(pixmap);
    }

private slots:
    void badgeShowsTheCount()
    {
        const QIcon base = plainIcon();
        QCOMPARE(TrayController::badgeIcon(base, 0).cacheKey(), base.cacheKey());
        const QImage plain = base.pixmap(32, 32).toImage();
        const QImage badged = TrayController::badgeIcon(base, 7).pixmap(32, 32).toImage();
        QVERIFY(!badged.isNull());
        // The badge sits in the top-right corner and is red; the rest is untouched.
        const QColor corner = badged.pixelColor(29, 9); // inside the circle, right of the digit
        QVERIFY2(corner.red() > 180 && corner.blue() < 120, qPrintable(corner.name()));
        QCOMPARE(badged.pixelColor(4, 28), plain.pixelColor(4, 28));
        QVERIFY(!TrayController::badgeIcon(base, 250).pixmap(32, 32).isNull()); // "99+"
    }

    void unreadUpdatesIconAndTooltip()
    {
        TrayController tray(plainIcon());
        QVERIFY(tray.trayIcon());
        QSignalSpy spy(&tray, &TrayController::unreadChanged);
        tray.setUnread(5);
        QCOMPARE(tray.unread(), 5);
        QCOMPARE(spy.count(), 1);
        QVERIFY2(tray.trayIcon()->toolTip().contains(QLatin1String("5")),
                 qPrintable(tray.trayIcon()->toolTip()));
        tray.setUnread(5);
        QCOMPARE(spy.count(), 1);
        tray.setUnread(-3);
        QCOMPARE(tray.unread(), 0);
        QCOMPARE(tray.trayIcon()->toolTip(), QStringLiteral("Talker"));
    }

    void menuHasShowAndQuit()
    {
        TrayController tray(plainIcon());
        QMenu *menu = tray.trayIcon()->contextMenu();
        QVERIFY(menu);
        QStringList texts;
        for (QAction *action : menu->actions()) {
            if (!action->isSeparator())
                texts << action->text();
        }
        QCOMPARE(texts, (QStringList{QStringLiteral("Show Talker"), QStringLiteral("Quit")}));
        QSignalSpy show(&tray, &TrayController::showRequested);
        QSignalSpy quit(&tray, &TrayController::quitRequested);
        menu->actions().first()->trigger();
        menu->actions().last()->trigger();
        QCOMPARE(show.count(), 1);
        QCOMPARE(quit.count(), 1);
    }
};

QTEST_MAIN(TestTrayController)
#include "tst_traycontroller.moc"
