// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// DBusNotifier against a test org.freedesktop.Notifications service registered on a
// real session bus (the wrapper runs this under dbus-run-session). The service
// runs on its own bus connection, so every call really crosses the bus daemon.
#include "dbusnotifier.h"

#include <QDBusAbstractAdaptor>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTest>

using talker::app::DBusNotifier;

namespace {
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");

struct Call
{
    QString appName;
    QString icon;
    uint replacesId = 0;
    QString summary;
    QString body;
    QStringList actions;
    QVariantMap hints;
};
} // namespace

/// A minimal notification daemon: records Notify calls and hands out ids.
class FakeNotificationDaemon : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    QList<Call> calls;
    QList<uint> closed;
    uint nextId = 41;

public slots:
    uint Notify(const QString &appName, uint replacesId, const QString &icon,
                const QString &summary, const QString &body, const QStringList &actions,
                const QVariantMap &hints, int timeout)
    {
        Q_UNUSED(timeout)
        calls.append({appName, icon, replacesId, summary, body, actions, hints});
        return replacesId ? replacesId : ++nextId;
    }
    void CloseNotification(uint id) { closed.append(id); }
    QStringList GetCapabilities() { return {QStringLiteral("actions"), QStringLiteral("body")}; }
};

class TestDBusNotifier : public QObject
{
    Q_OBJECT
    FakeNotificationDaemon m_daemon;
    QDBusConnection m_daemonBus{QString()};

    void emitDaemonSignal(const QString &name, const QVariantList &args)
    {
        QDBusMessage signal = QDBusMessage::createSignal(kPath, kService, name);
        signal.setArguments(args);
        QVERIFY(m_daemonBus.send(signal));
    }

private slots:
    void initTestCase()
    {
        if (!QDBusConnection::sessionBus().isConnected())
            QSKIP("needs a session bus: run through run-dbus-test.sh");
        m_daemonBus =
            QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("daemon"));
        QVERIFY(m_daemonBus.isConnected());
        QVERIFY(m_daemonBus.registerObject(kPath, &m_daemon, QDBusConnection::ExportAllSlots));
        QVERIFY2(m_daemonBus.registerService(kService),
                 "another notification daemon owns the name");
        QVERIFY(DBusNotifier::isServiceAvailable());
    }

    void oneNotificationPerRoomReplaced()
    {
        m_daemon.calls.clear();
        DBusNotifier notifier;
        QSignalSpy shown(&notifier, &DBusNotifier::shown);
        notifier.show(QStringLiteral("acc/Main"), QStringLiteral("alice in Main"),
                      QStringLiteral("hello"));
        QVERIFY(shown.wait(10000));
        QCOMPARE(m_daemon.calls.size(), 1);
        const Call first = m_daemon.calls.first();
        QCOMPARE(first.replacesId, 0u);
        QCOMPARE(first.summary, QStringLiteral("alice in Main"));
        QCOMPARE(first.body, QStringLiteral("hello"));
        QVERIFY(first.actions.contains(QStringLiteral("default")));
        QCOMPARE(first.hints.value(QStringLiteral("category")).toString(),
                 QStringLiteral("im.received"));
        QCOMPARE(first.icon, QStringLiteral("org.talker.Talker"));

        // The next message of that room replaces the bubble instead of stacking ...
        notifier.show(QStringLiteral("acc/Main"), QStringLiteral("alice in Main"),
                      QStringLiteral("again"));
        QVERIFY(shown.wait(10000));
        QCOMPARE(m_daemon.calls.size(), 2);
        QCOMPARE(m_daemon.calls.at(1).replacesId, 42u);
        // ... while another room gets its own.
        notifier.show(QStringLiteral("acc/Dev"), QStringLiteral("bob in Dev"),
                      QStringLiteral("hi"));
        QVERIFY(shown.wait(10000));
        QCOMPARE(m_daemon.calls.at(2).replacesId, 0u);
    }

    void burstSendsNewestAsReplacement()
    {
        m_daemon.calls.clear();
        DBusNotifier notifier;
        QSignalSpy shown(&notifier, &DBusNotifier::shown);
        for (int i = 0; i < 5; ++i)
            notifier.show(QStringLiteral("acc/Burst"), QStringLiteral("t"), QString::number(i));
        QVERIFY(QTest::qWaitFor([&] { return shown.count() >= 2; }, 10000));
        QTest::qWait(100);
        // The first call, then one replacement carrying the newest text: not five bubbles.
        QCOMPARE(m_daemon.calls.size(), 2);
        QCOMPARE(m_daemon.calls.at(1).body, QStringLiteral("4"));
        QVERIFY(m_daemon.calls.at(1).replacesId != 0u);
    }

    void clickActivatesRoom()
    {
        m_daemon.calls.clear();
        DBusNotifier notifier;
        QSignalSpy shown(&notifier, &DBusNotifier::shown);
        QSignalSpy activated(&notifier, &DBusNotifier::activated);
        notifier.show(QStringLiteral("acc/Click"), QStringLiteral("t"), QStringLiteral("b"));
        QVERIFY(shown.wait(10000));
        const uint id = m_daemon.nextId;
        // Some daemons report the close before the action: the room is still known.
        emitDaemonSignal(QStringLiteral("NotificationClosed"), {id, 2u});
        emitDaemonSignal(QStringLiteral("ActionInvoked"), {id, QStringLiteral("default")});
        QVERIFY(activated.wait(10000));
        QCOMPARE(activated.first().first().toString(), QStringLiteral("acc/Click"));
        // Another action key or an unknown id does nothing.
        emitDaemonSignal(QStringLiteral("ActionInvoked"), {id, QStringLiteral("other")});
        emitDaemonSignal(QStringLiteral("ActionInvoked"), {9999u, QStringLiteral("default")});
        QTest::qWait(300);
        QCOMPARE(activated.count(), 1);
    }

    void bodyIsEscapedForTheDaemon()
    {
        m_daemon.calls.clear();
        DBusNotifier notifier;
        QSignalSpy shown(&notifier, &DBusNotifier::shown);
        notifier.show(QStringLiteral("acc/Esc"), QStringLiteral("bob in Main"),
                      QStringLiteral("<b>x</b> & y"));
        QVERIFY(shown.wait(10000));
        QCOMPARE(m_daemon.calls.size(), 1);
        QCOMPARE(m_daemon.calls.first().body, QStringLiteral("&lt;b&gt;x&lt;/b&gt; &amp; y"));
    }

    void withdrawClosesIt()
    {
        m_daemon.closed.clear();
        DBusNotifier notifier;
        QSignalSpy shown(&notifier, &DBusNotifier::shown);
        notifier.show(QStringLiteral("acc/W"), QStringLiteral("t"), QStringLiteral("b"));
        QVERIFY(shown.wait(10000));
        notifier.withdraw(QStringLiteral("acc/W"));
        QVERIFY(QTest::qWaitFor([&] { return !m_daemon.closed.isEmpty(); }, 10000));
        QCOMPARE(m_daemon.closed.first(), m_daemon.nextId);
    }
};

QTEST_MAIN(TestDBusNotifier)
#include "tst_dbusnotifier.moc"
