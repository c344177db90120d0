// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The connect form's checks: hosts (names, IPv4, [IPv6]), ports, rooms, and pasted
// talker:// links filling every field.
#include "connectinput.h"

#include <QTest>

using namespace talker::app;

class TestConnectInput : public QObject
{
    Q_OBJECT

private slots:
    void hosts_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("valid");
        QTest::newRow("name") << "chat.example.org" << true;
        QTest::newRow("single label") << "localhost" << true;
        QTest::newRow("trailing dot") << "chat.example.org." << true;
        QTest::newRow("hyphen") << "my-server.lan" << true;
        QTest::newRow("ipv4") << "192.168.1.20" << true;
        QTest::newRow("spaces around") << "  10.0.0.1 " << true;
        QTest::newRow("ipv6 bracketed") << "[::1]" << true;
        QTest::newRow("ipv6 bare") << "fe80::1" << true;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("doubled ipv4") << "127.0.0.1127.0.0.1" << false;
        QTest::newRow("ipv4 octet too big") << "300.1.1.1" << false;
        QTest::newRow("ipv4 short") << "10.0.1" << false;
        QTest::newRow("http url") << "http://chat.example.org" << false;
        QTest::newRow("space inside") << "chat example" << false;
        QTest::newRow("underscore") << "chat_example.org" << false;
        QTest::newRow("leading hyphen") << "-chat.org" << false;
        QTest::newRow("empty label") << "chat..org" << false;
        QTest::newRow("bad ipv6") << "[::zz]" << false;
        QTest::newRow("host with port") << "chat.org:8500" << true;
        QTest::newRow("cluster nodes") << "n1.example:8501,n2.example,[::1]:9" << true;
        QTest::newRow("cluster bad port") << "a:1,b:x" << false;
        QTest::newRow("cluster bad host") << "a:1,127.0.0.1127.0.0.1:2" << false;
    }
    void hosts()
    {
        QFETCH(QString, host);
        QFETCH(bool, valid);
        const QString error = connectinput::hostError(host);
        QVERIFY2(error.isEmpty() == valid, qPrintable(error));
    }

    void portsAndRooms()
    {
        QVERIFY(connectinput::portError(1).isEmpty());
        QVERIFY(connectinput::portError(65535).isEmpty());
        QVERIFY(!connectinput::portError(0).isEmpty());
        QVERIFY(!connectinput::portError(65536).isEmpty());
        QVERIFY(connectinput::roomError(QStringLiteral("Tea Room")).isEmpty());
        QVERIFY(!connectinput::roomError(QStringLiteral("  ")).isEmpty());
        QVERIFY(!connectinput::roomError(QStringLiteral("a/b")).isEmpty());
        QVERIFY(!connectinput::roomError(QStringLiteral("a\u200bb")).isEmpty());
        QVERIFY(!connectinput::roomError(QString(257, QLatin1Char('r'))).isEmpty());
    }

    void pastedLinkFillsEveryField()
    {
        const ConnectInput input;
        QVERIFY(input.isLink(QStringLiteral(" talker://h/R")));
        QVERIFY(!input.isLink(QStringLiteral("http://h/R")));
        const QVariantMap fields =
            input.parseLink(QStringLiteral("talker://[::1]:9001/Tea%20Room?invite=abc"));
        QCOMPARE(fields.value(QStringLiteral("host")).toString(), QStringLiteral("::1"));
        QCOMPARE(fields.value(QStringLiteral("port")).toInt(), 9001);
        QCOMPARE(fields.value(QStringLiteral("room")).toString(), QStringLiteral("Tea Room"));
        QCOMPARE(fields.value(QStringLiteral("invite")).toString(), QStringLiteral("abc"));
        QVERIFY(!fields.contains(QStringLiteral("error")));
        const QVariantMap junk = input.parseLink(QStringLiteral("talker://h_x/R"));
        QVERIFY(!junk.value(QStringLiteral("error")).toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConnectInput)
#include "tst_connectinput.moc"
