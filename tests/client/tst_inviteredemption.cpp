// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// InviteRedemption against the real talker-server: an invite becomes an account whose
// token connects, and each refusal comes back as its own outcome.
#include "client/inviteredemption.h"
#include "testserver.h"
#include "wireclient.h"

#include <QSignalSpy>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

using talker::client::AccountConfig;
using talker::client::InviteRedemption;
using namespace talker::test;

Q_DECLARE_METATYPE(talker::client::InviteRedemption::Outcome)

class TestInviteRedemption : public QObject
{
    Q_OBJECT

private:
    QString newCode()
    {
        int exit = -1;
        const QByteArray out = m_server.runCommand(
            {QStringLiteral("invite"), QStringLiteral("create"), QStringLiteral("--listen"),
             QStringLiteral("127.0.0.1:%1").arg(m_server.port())},
            &exit);
        const QUrl link(QString::fromUtf8(out.trimmed().split('\n').last()));
        return QUrlQuery(link).queryItemValue(QStringLiteral("invite"));
    }

    /// A loopback port where nothing listens any more.
    static quint16 deadPort()
    {
        TestServer other;
        if (!other.start())
            return 0;
        const quint16 port = other.port();
        other.stop();
        return port;
    }

    /// Runs one redemption; returns its finished() arguments.
    QList<QVariant> redeem(const QString &code, const QString &name, quint16 port = 0,
                           const QStringList &fallbacks = {})
    {
        AccountConfig config;
        config.host = QStringLiteral("127.0.0.1");
        config.port = port ? port : m_server.port();
        config.fallbacks = fallbacks;
        InviteRedemption redemption(config);
        QSignalSpy spy(&redemption, &InviteRedemption::finished);
        redemption.start(code, name);
        if (!spy.wait(20000) || spy.size() != 1)
            return {};
        QTest::qWait(50); // nothing else may follow
        return spy.size() == 1 ? spy.takeFirst() : QList<QVariant>{};
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<InviteRedemption::Outcome>();
        QVERIFY(m_server.startWithUsers({{QStringLiteral("alice"), &m_alice}}));
    }

    void registersAndTokenConnects()
    {
        const QString code = newCode();
        QCOMPARE(code.size(), 22);
        const QList<QVariant> result = redeem(code, QStringLiteral("carol"));
        QCOMPARE(result.size(), 4);
        QCOMPARE(result[0].value<InviteRedemption::Outcome>(),
                 InviteRedemption::Outcome::Registered);
        const auto user = result[1].value<talker::protocol::User>();
        QCOMPARE(user.name, QStringLiteral("carol"));
        const QString token = result[2].toString();
        QVERIFY(token.size() >= 40);
        WireClient c(m_server.port());
        QVERIFY(c.join(QStringLiteral("Lobby"), token));
        QCOMPARE(c.userId(), user.id);
        // The same invite again: used up.
        const QList<QVariant> again = redeem(code, QStringLiteral("dave"));
        QCOMPARE(again.value(0).value<InviteRedemption::Outcome>(),
                 InviteRedemption::Outcome::InvalidInvite);
        QCOMPARE(again.value(3).toString(), QStringLiteral("Invalid invite"));
        QVERIFY(again.value(2).toString().isEmpty());
    }

    void refusals()
    {
        QCOMPARE(
            redeem(newCode(), QStringLiteral("Alice")).value(0).value<InviteRedemption::Outcome>(),
            InviteRedemption::Outcome::NameTaken);
        QCOMPARE(
            redeem(newCode(), QStringLiteral("007")).value(0).value<InviteRedemption::Outcome>(),
            InviteRedemption::Outcome::InvalidName);
    }

    void noServerFails()
    {
        const quint16 port = deadPort();
        QVERIFY(port != 0);
        const QList<QVariant> result = redeem(QStringLiteral("x"), QStringLiteral("erin"), port);
        QCOMPARE(result.value(0).value<InviteRedemption::Outcome>(),
                 InviteRedemption::Outcome::Failed);
        QVERIFY(!result.value(3).toString().isEmpty());
    }

    // A cluster link "talker://dead:p1,live:p2/Room?invite=…": the dead first node
    // passes to the next address, where the invite registers.
    void deadFirstAddressTriesTheNext()
    {
        const quint16 dead = deadPort();
        QVERIFY(dead != 0);
        const QString live = QStringLiteral("127.0.0.1:%1").arg(m_server.port());
        const QList<QVariant> result = redeem(newCode(), QStringLiteral("frank"), dead, {live});
        QCOMPARE(result.value(0).value<InviteRedemption::Outcome>(),
                 InviteRedemption::Outcome::Registered);
        QCOMPARE(result.value(1).value<talker::protocol::User>().name, QStringLiteral("frank"));
        WireClient c(m_server.port());
        QVERIFY(c.join(QStringLiteral("Lobby"), result.value(2).toString()));
    }

    // Every address dead: one failure naming each address tried.
    void everyAddressDeadFailsOnce()
    {
        const quint16 first = deadPort(), second = deadPort();
        QVERIFY(first != 0 && second != 0);
        const QList<QVariant> result = redeem(QStringLiteral("x"), QStringLiteral("gina"), first,
                                              {QStringLiteral("127.0.0.1:%1").arg(second)});
        QCOMPARE(result.value(0).value<InviteRedemption::Outcome>(),
                 InviteRedemption::Outcome::Failed);
        const QString error = result.value(3).toString();
        QVERIFY2(error.contains(QString::number(first)) && error.contains(QString::number(second)),
                 qPrintable(error));
    }

private:
    TestServer m_server;
    QString m_alice;
};

QTEST_GUILESS_MAIN(TestInviteRedemption)
#include "tst_inviteredemption.moc"
