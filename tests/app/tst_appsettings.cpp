// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "appsettings.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using talker::app::AppSettings;

class TestAppSettings : public QObject
{
    Q_OBJECT
private slots:
    void defaults()
    {
        QTemporaryDir dir;
        AppSettings s(dir.path());
        QCOMPARE(s.theme(), AppSettings::System);
        QCOMPARE(s.fontSize(), AppSettings::DefaultFontSize);
        QVERIFY(s.closeToTray());
        QVERIFY(!s.startMinimized());
        QVERIFY(s.language().isEmpty()); // follow the system
        QCOMPARE(s.notifyLevel(QStringLiteral("room")), AppSettings::Mentions);
        QCOMPARE(s.notifyLevel(QStringLiteral("dm"), true), AppSettings::All);
        QVERIFY(s.notice().isEmpty());
    }

    void persists()
    {
        QTemporaryDir dir;
        {
            AppSettings s(dir.path());
            QSignalSpy themeSpy(&s, &AppSettings::themeChanged);
            s.setTheme(AppSettings::Dark);
            s.setFontSize(14);
            s.setCloseToTray(false);
            s.setStartMinimized(true);
            s.setLanguage(QStringLiteral("de"));
            s.setNotifyLevel(QStringLiteral("a/Main"), AppSettings::None);
            s.setValue(QStringLiteral("lastRoom"), QStringLiteral("a/Main"));
            QCOMPARE(themeSpy.count(), 1);
            s.setFontSize(100);
            QCOMPARE(s.fontSize(), AppSettings::MaxFontSize);
        }
        AppSettings s(dir.path());
        QCOMPARE(s.theme(), AppSettings::Dark);
        QCOMPARE(s.fontSize(), AppSettings::MaxFontSize);
        QVERIFY(!s.closeToTray());
        QVERIFY(s.startMinimized());
        QCOMPARE(s.language(), QStringLiteral("de"));
        QCOMPARE(s.notifyLevel(QStringLiteral("a/Main")), AppSettings::None);
        QCOMPARE(s.value(QStringLiteral("lastRoom")).toString(), QStringLiteral("a/Main"));
    }

    void corruptFileIsSetAside()
    {
        QTemporaryDir dir;
        const QString path = QDir(dir.path()).filePath(QStringLiteral("settings.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"theme\": \"dark\", \x01\x02 not json");
        f.close();
        AppSettings s(dir.path());
        QCOMPARE(s.theme(), AppSettings::System);
        QVERIFY(!s.notice().isEmpty());
        QVERIFY(s.notice().contains(QStringLiteral("corrupt")));
        const QStringList aside =
            QDir(dir.path()).entryList({QStringLiteral("settings.json.corrupt-*")});
        QCOMPARE(aside.size(), 1);
        // The damaged bytes are kept for the user, and the app writes a fresh file.
        QFile kept(QDir(dir.path()).filePath(aside.first()));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QVERIFY(kept.readAll().contains("not json"));
        s.setTheme(AppSettings::Light);
        AppSettings again(dir.path());
        QCOMPARE(again.theme(), AppSettings::Light);
        QVERIFY(again.notice().isEmpty());
    }

    void nonObjectJsonIsCorrupt()
    {
        QTemporaryDir dir;
        QFile f(QDir(dir.path()).filePath(QStringLiteral("settings.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[1,2,3]");
        f.close();
        AppSettings s(dir.path());
        QVERIFY(!s.notice().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
