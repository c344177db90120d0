// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "singleinstance.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>
#include <atomic>
#include <thread>

using talker::app::SingleInstance;

class TestSingleInstance : public QObject
{
    Q_OBJECT
private slots:
    void secondStartHandsOverItsLink()
    {
        const QString key = QUuid::createUuid().toString();
        SingleInstance primary(key);
        QVERIFY(primary.listen());
        QSignalSpy received(&primary, &SingleInstance::messageReceived);

        SingleInstance second(key);
        QVERIFY(!second.listen()); // the primary is running
        QCOMPARE(second.serverName(), primary.serverName());

        // The second start blocks on its socket, so it runs on another thread while
        // the primary's event loop answers here.
        std::atomic<int> sent{-1};
        std::thread client([&] {
            SingleInstance other(key);
            sent = other.sendToPrimary({QStringLiteral("talker://h:1/Main")}, 10000) ? 1 : 0;
        });
        QVERIFY(QTest::qWaitFor([&] { return sent != -1; }, 15000));
        client.join();
        QCOMPARE(sent.load(), 1);
        QCOMPARE(received.count(), 1);
        QCOMPARE(received.first().first().toStringList(),
                 QStringList{QStringLiteral("talker://h:1/Main")});
    }

    void differentProfilesAreIndependent()
    {
        SingleInstance a(QUuid::createUuid().toString());
        SingleInstance b(QUuid::createUuid().toString());
        QVERIFY(a.listen());
        QVERIFY(b.listen());
        QVERIFY(a.serverName() != b.serverName());
    }

    void nothingRunning()
    {
        SingleInstance lone(QUuid::createUuid().toString());
        QVERIFY(!lone.sendToPrimary({QStringLiteral("x")}, 500));
    }
};

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
