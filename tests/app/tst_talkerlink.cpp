// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "commandline.h"
#include "talkerlink.h"

#include <QTemporaryDir>
#include <QTest>

using talker::app::CommandLineOptions;
using talker::app::TalkerLink;

class TestTalkerLink : public QObject
{
    Q_OBJECT
private slots:
    void validLinks_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("room");
        QTest::newRow("default port") << "talker://chat.example.org/Main"
                                      << "chat.example.org" << 8500 << "Main";
        QTest::newRow("port") << "talker://127.0.0.1:9000/Dev"
                              << "127.0.0.1" << 9000 << "Dev";
        QTest::newRow("encoded room") << "talker://h/Tea%20Room"
                                      << "h" << 8500 << "Tea Room";
        QTest::newRow("trailing slash") << "talker://h:1/R/"
                                        << "h" << 1 << "R";
        QTest::newRow("upper scheme") << "TALKER://h/R"
                                      << "h" << 8500 << "R";
        QTest::newRow("ipv6") << "talker://[::1]:8501/R"
                              << "::1" << 8501 << "R";
        QTest::newRow("spaces around") << "  talker://h/R \n"
                                       << "h" << 8500 << "R";
    }
    void validLinks()
    {
        QFETCH(QString, text);
        const TalkerLink link = TalkerLink::parse(text);
        QVERIFY2(link.isValid(), qPrintable(link.error));
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, room);
        QCOMPARE(link.host, host);
        QCOMPARE(int(link.port), port);
        QCOMPARE(link.room, room);
        QCOMPARE(TalkerLink::parse(link.toString()).room, room);
    }

    void clusterLinks()
    {
        const TalkerLink link =
            TalkerLink::parse(QStringLiteral("talker://n1.example:8501,n2.example,[::1]:9/Ops"));
        QVERIFY2(link.isValid(), qPrintable(link.error));
        QCOMPARE(link.host, QStringLiteral("n1.example"));
        QCOMPARE(int(link.port), 8501);
        QCOMPARE(link.room, QStringLiteral("Ops"));
        QCOMPARE(link.fallbacks,
                 (QStringList{QStringLiteral("n2.example:8500"), QStringLiteral("[::1]:9")}));
        QCOMPARE(link.addressText(), QStringLiteral("n1.example:8501,n2.example:8500,[::1]:9"));
        QCOMPARE(TalkerLink::parse(link.toString()).fallbacks, link.fallbacks);
        const TalkerLink bad = TalkerLink::parse(QStringLiteral("talker://a:1,b:x/R"));
        QVERIFY(!bad.isValid());
        QVERIFY2(bad.error.contains(QStringLiteral("b:x")), qPrintable(bad.error));
    }

    void inviteLinks()
    {
        const TalkerLink link =
            TalkerLink::parse(QStringLiteral("talker://192.168.1.5:8501/Lobby?invite=Ab-_9xYz"));
        QVERIFY2(link.isValid(), qPrintable(link.error));
        QVERIFY(link.isInvite());
        QCOMPARE(link.invite, QStringLiteral("Ab-_9xYz"));
        QCOMPARE(link.room, QStringLiteral("Lobby"));
        QCOMPARE(link.toString(),
                 QStringLiteral("talker://192.168.1.5:8501/Lobby?invite=Ab-_9xYz"));
        QVERIFY(!TalkerLink::parse(QStringLiteral("talker://h/R")).isInvite());
    }

    void invalidLinks_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << ""
                               << "empty";
        QTest::newRow("http") << "http://h/R"
                              << "must start with talker://";
        QTest::newRow("no host") << "talker:///R"
                                 << "names no server";
        QTest::newRow("no room") << "talker://h:8500"
                                 << "names no room";
        QTest::newRow("slash room") << "talker://h/"
                                    << "names no room";
        QTest::newRow("bad port") << "talker://h:99999/R"
                                  << "";
        QTest::newRow("port zero") << "talker://h:0/R"
                                   << "invalid port";
        QTest::newRow("nested room") << "talker://h/a/b"
                                     << "must not contain";
        QTest::newRow("user info") << "talker://bob:pw@h/R"
                                   << "user name or password";
        QTest::newRow("garbage") << "talker://h:x/R"
                                 << "";
    }
    void invalidLinks()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const TalkerLink link = TalkerLink::parse(text);
        QVERIFY(!link.isValid());
        QVERIFY(!link.error.isEmpty());
        QVERIFY2(link.error.contains(expected), qPrintable(link.error));
    }

    void loopback()
    {
        QVERIFY(TalkerLink::isLoopbackHost(QStringLiteral("localhost")));
        QVERIFY(TalkerLink::isLoopbackHost(QStringLiteral("127.0.0.1")));
        QVERIFY(TalkerLink::isLoopbackHost(QStringLiteral("127.3.0.1")));
        QVERIFY(TalkerLink::isLoopbackHost(QStringLiteral("::1")));
        QVERIFY(!TalkerLink::isLoopbackHost(QStringLiteral("chat.example.org")));
        QVERIFY(!TalkerLink::isLoopbackHost(QStringLiteral("10.0.0.1")));
    }

    void commandLineConnect()
    {
        QTemporaryDir dir;
        const QString tokenFile = dir.filePath(QStringLiteral("token"));
        QFile f(tokenFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("secret\n");
        f.close();
        const CommandLineOptions o = CommandLineOptions::parse(
            {QStringLiteral("talker"), QStringLiteral("--connect"),
             QStringLiteral("talker://127.0.0.1:9100/Main"), QStringLiteral("--token-file"),
             tokenFile, QStringLiteral("--profile"), dir.path()});
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QVERIFY(!o.exitNow);
        QVERIFY(o.connect.has_value());
        QCOMPARE(o.connect->port, quint16(9100));
        QCOMPARE(o.connect->room, QStringLiteral("Main"));
        QCOMPARE(o.tokenFile, QFileInfo(tokenFile).absoluteFilePath());
        QCOMPARE(o.profileDir, QDir(dir.path()).absolutePath());
    }

    void commandLineErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bad link") << QStringList{QStringLiteral("--connect"),
                                                 QStringLiteral("http://x/y")}
                                  << "talker://";
        QTest::newRow("missing token file")
            << QStringList{QStringLiteral("--connect"), QStringLiteral("talker://h/R"),
                           QStringLiteral("--token-file"), QStringLiteral("/nonexistent/token")}
            << "Cannot read the token file";
        QTest::newRow("token without connect")
            << QStringList{QStringLiteral("--token-file"), QStringLiteral("/etc/hostname")}
            << "needs --connect";
        QTest::newRow("host-local and link")
            << QStringList{QStringLiteral("--host-local"), QStringLiteral("talker://h/R")}
            << "not both";
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("--frobnicate")} << "frobnicate";
    }
    void commandLineErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        args.prepend(QStringLiteral("talker"));
        const CommandLineOptions o = CommandLineOptions::parse(args);
        QVERIFY(o.exitNow);
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.error.contains(expected), qPrintable(o.error));
    }

    void bareLinkAndHostLocal()
    {
        CommandLineOptions o =
            CommandLineOptions::parse({QStringLiteral("talker"), QStringLiteral("talker://h/R")});
        QVERIFY(o.error.isEmpty());
        QVERIFY(o.connect && o.connect->host == QLatin1String("h"));
        o = CommandLineOptions::parse({QStringLiteral("talker"), QStringLiteral("--host-local")});
        QVERIFY(o.error.isEmpty());
        QVERIFY(o.hostLocal);
        QVERIFY(!o.connect);
        QVERIFY(!o.profileDir.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTalkerLink)
#include "tst_talkerlink.moc"
