// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Invites end to end on the real binary: `invite create|list|revoke`, `register` and
// each of its errors, uses, throttling, the name rules at `register` and `user add`,
// and codes kept out of the database file and the log.
#include "databaselock.h"
#include "natscluster.h"
#include "testserver.h"
#include "wireclient.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QUrlQuery>

using namespace talker::test;

namespace {
const QString kInvite = QStringLiteral("invite");

QJsonObject registerEvent(const QString &code, const QString &name)
{
    return QJsonObject{{kType, QStringLiteral("register")},
                       {QStringLiteral("invite"), code},
                       {QStringLiteral("name"), name}};
}

/// Sends `register` on a fresh connection; returns the answer and whether the server
/// closed the connection after it.
QJsonObject redeem(quint16 port, const QString &code, const QString &name, bool *closed = nullptr)
{
    WireClient c(port);
    if (!c.open())
        return {};
    c.send(registerEvent(code, name));
    const QJsonObject answer = c.next();
    const bool gone = c.waitClosed();
    if (closed)
        *closed = gone;
    return answer;
}

QString errorOf(const QJsonObject &event)
{
    return event.value(kType).toString() == QLatin1String("error")
               ? event.value(kMessage).toString()
               : QStringLiteral("<%1>").arg(event.value(kType).toString());
}
} // namespace

class TestServerInvites : public QObject
{
    Q_OBJECT

private:
    /// `invite create ARGS`; returns the link (the last line) and sets *code.
    QString createInvite(const QStringList &args, QString *code = nullptr)
    {
        int exit = -1;
        const QByteArray out =
            m_server.runCommand(QStringList{kInvite, QStringLiteral("create")} + args, &exit);
        if (exit != 0)
            return QString();
        const QString link = QString::fromUtf8(out.trimmed().split('\n').last().trimmed());
        if (code)
            *code = QUrlQuery(QUrl(link)).queryItemValue(kInvite);
        return link;
    }

private slots:
    void initTestCase() { QVERIFY(m_server.startWithUsers({{QStringLiteral("alice"), &m_alice}})); }

    void createPrintsLink()
    {
        QString code;
        const QString link = createInvite({QStringLiteral("--room"), QStringLiteral("Tea Room"),
                                           QStringLiteral("--public-address"),
                                           QStringLiteral("chat.example.org:9001")},
                                          &code);
        QCOMPARE(link, QStringLiteral("talker://chat.example.org:9001/Tea%20Room?invite=") + code);
        // 128 random bits: 22 URL-safe characters.
        QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]{22}$")).match(code).hasMatch());
        // Without --public-address a specific --listen address names the host.
        const QString fromListen =
            createInvite({QStringLiteral("--listen"), QStringLiteral("10.1.2.3:7000")}, &code);
        QVERIFY2(fromListen.startsWith(QStringLiteral("talker://10.1.2.3:7000/Lobby?invite=")),
                 qPrintable(fromListen));
        // Junk options are refused with the reason.
        int exit = -1;
        m_server.runCommand(
            {kInvite, QStringLiteral("create"), QStringLiteral("--uses"), QStringLiteral("0")},
            &exit);
        QCOMPARE(exit, 2);
        m_server.runCommand({kInvite, QStringLiteral("create"), QStringLiteral("--expires"),
                             QStringLiteral("soon")},
                            &exit);
        QCOMPARE(exit, 2);
    }

    void registerCreatesAccount()
    {
        QString code;
        QVERIFY(!createInvite({QStringLiteral("--room"), QStringLiteral("r")}, &code).isEmpty());
        bool closed = false;
        const QJsonObject answer = redeem(m_server.port(), code, QStringLiteral("carol"), &closed);
        QCOMPARE(answer.value(kType).toString(), QStringLiteral("registered"));
        QVERIFY(closed);
        const QString token = answer.value(QStringLiteral("token")).toString();
        QVERIFY(token.size() >= 40);
        const QJsonObject user = answer.value(QStringLiteral("user")).toObject();
        QCOMPARE(user.value(QStringLiteral("name")).toString(), QStringLiteral("carol"));
        // The token works like one from `user add`.
        WireClient c(m_server.port());
        QVERIFY(c.join(QStringLiteral("r"), token));
        QCOMPARE(c.userId(), user.value(QStringLiteral("id")).toString());
        // Used up: the one use is gone.
        QCOMPARE(errorOf(redeem(m_server.port(), code, QStringLiteral("dave"))),
                 QStringLiteral("Invalid invite"));
        // Neither the code nor the token is in the log or the database file.
        QByteArray bytes = m_server.log();
        if (m_server.isCluster()) { // the NATS servers' files (streams and buckets)
            QDirIterator files(m_server.nats()->dataDir(), QDir::Files,
                               QDirIterator::Subdirectories);
            while (files.hasNext()) {
                QFile f(files.next());
                if (f.open(QIODevice::ReadOnly))
                    bytes += f.readAll();
            }
        } else {
            QFile db(m_server.databasePath());
            QVERIFY(db.open(QIODevice::ReadOnly));
            bytes += db.readAll();
        }
        QVERIFY(!bytes.contains(code.toUtf8()));
        QVERIFY(!bytes.contains(token.toUtf8()));
    }

    void registrationWaitsForALockedDatabase()
    {
        if (m_server.isCluster())
            QSKIP("cluster stores keep accounts in NATS, not SQLite");
        QString code;
        QVERIFY(!createInvite({}, &code).isEmpty());
        DatabaseLock lock(m_server.databasePath());
        QVERIFY(lock.isHeld());
        WireClient c(m_server.port());
        QVERIFY(c.open());
        c.send(registerEvent(code, QStringLiteral("erin")));
        // Within --db-busy-timeout (5 s) the server waits for the lock, as a room thread
        // may not: it answered "Not registered" at once.
        QTest::qWait(400);
        QVERIFY(lock.release());
        const QJsonObject answer = c.next();
        QCOMPARE(answer.value(kType).toString(), QStringLiteral("registered"));
        QCOMPARE(answer.value(QStringLiteral("user")).toObject().value(QStringLiteral("name")),
                 QJsonValue(QStringLiteral("erin")));
    }

    void usesAreCounted()
    {
        QString code;
        createInvite({QStringLiteral("--uses"), QStringLiteral("2")}, &code);
        QCOMPARE(errorOf(redeem(m_server.port(), code, QStringLiteral("u1"))),
                 QStringLiteral("<registered>"));
        QCOMPARE(errorOf(redeem(m_server.port(), code, QStringLiteral("u2"))),
                 QStringLiteral("<registered>"));
        QCOMPARE(errorOf(redeem(m_server.port(), code, QStringLiteral("u3"))),
                 QStringLiteral("Invalid invite"));
        int exit = -1;
        const QByteArray list = m_server.runCommand({kInvite, QStringLiteral("list")}, &exit);
        QCOMPARE(exit, 0);
        QVERIFY2(list.contains("\t2/2\t") && list.contains("used up"), list.constData());
    }

    void errorsClose_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown code") << QStringLiteral("erin") << QStringLiteral("Invalid invite");
        QTest::newRow("taken") << QStringLiteral("alice") << QStringLiteral("Name taken");
        QTest::newRow("taken, other case")
            << QStringLiteral("ALICE") << QStringLiteral("Name taken");
        QTest::newRow("empty") << QString() << QStringLiteral("Invalid name");
        QTest::newRow("digits") << QStringLiteral("42") << QStringLiteral("Invalid name");
        QTest::newRow("zero width")
            << QStringLiteral("ev\u200Be") << QStringLiteral("Invalid name");
        QTest::newRow("rtl override")
            << QStringLiteral("ev\u202Ee") << QStringLiteral("Invalid name");
        QTest::newRow("trailing space") << QStringLiteral("eve ") << QStringLiteral("Invalid name");
        QTest::newRow("newline") << QStringLiteral("eve\n") << QStringLiteral("Invalid name");
        QTest::newRow("too long") << QString(65, QLatin1Char('e'))
                                  << QStringLiteral("Invalid name");
    }

    void errorsClose()
    {
        QFETCH(QString, name);
        QFETCH(QString, error);
        QString code;
        if (error != QLatin1String("Invalid invite"))
            createInvite({}, &code);
        else
            code = QStringLiteral("AAAAAAAAAAAAAAAAAAAAAA");
        bool closed = false;
        QCOMPARE(errorOf(redeem(m_server.port(), code, name, &closed)), error);
        QVERIFY(closed);
        // A refused name does not use the invite up.
        if (!code.startsWith(QLatin1String("AAAA"))) {
            QCOMPARE(
                errorOf(redeem(m_server.port(), code, QStringLiteral("fresh%1").arg(m_fresh++))),
                QStringLiteral("<registered>"));
        }
    }

    void revokedInviteIsInvalid()
    {
        QString code;
        createInvite({}, &code);
        int exit = -1;
        m_server.runCommand({kInvite, QStringLiteral("revoke"), code}, &exit);
        QCOMPARE(exit, 0);
        QCOMPARE(errorOf(redeem(m_server.port(), code, QStringLiteral("gina"))),
                 QStringLiteral("Invalid invite"));
        // Revoking by the id `invite list` shows works too; unknown ones fail.
        createInvite({}, &code);
        const QByteArray list = m_server.runCommand({kInvite, QStringLiteral("list")});
        const QByteArray id = list.trimmed().split('\n').last().split('\t').first();
        m_server.runCommand({kInvite, QStringLiteral("revoke"), QString::fromLatin1(id)}, &exit);
        QCOMPARE(exit, 0);
        QCOMPARE(errorOf(redeem(m_server.port(), code, QStringLiteral("gina"))),
                 QStringLiteral("Invalid invite"));
        m_server.runCommand({kInvite, QStringLiteral("revoke"), QStringLiteral("nope")}, &exit);
        QCOMPARE(exit, 1);
    }

    void registerOnlyBeforeConnect()
    {
        QString code;
        createInvite({}, &code);
        WireClient c(m_server.port());
        QVERIFY(c.join(QStringLiteral("r"), m_alice));
        c.send(registerEvent(code, QStringLiteral("henry")));
        QCOMPARE(errorOf(c.waitFor(QStringLiteral("error"))),
                 QStringLiteral("Unknown event type: \"register\""));
        QCOMPARE(errorOf(redeem(m_server.port(), code, QStringLiteral("henry"))),
                 QStringLiteral("<registered>"));
    }

    void userAddFollowsNameRules_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("reason");
        QTest::newRow("case variant") << QStringLiteral("Alice") << QByteArray("already exists");
        QTest::newRow("cyrillic a") << QStringLiteral("\u0430lice") << QByteArray("scripts");
        QTest::newRow("zero width") << QStringLiteral("al\u200Bice") << QByteArray("invisible");
        QTest::newRow("rtl override") << QStringLiteral("al\u202Eice") << QByteArray("invisible");
        QTest::newRow("trailing space") << QStringLiteral("ally ") << QByteArray("space");
        QTest::newRow("newline") << QStringLiteral("ally\n") << QByteArray("invisible");
        QTest::newRow("digits") << QStringLiteral("1234") << QByteArray("digits");
    }

    void userAddFollowsNameRules()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, reason);
        QProcess p;
        const QStringList store =
            m_server.isCluster()
                ? QStringList{QStringLiteral("--cluster"), m_server.clusterUrls()}
                : QStringList{QStringLiteral("--database"), m_server.databasePath()};
        p.start(TestServer::binary(),
                store + QStringList{QStringLiteral("user"), QStringLiteral("add"), name});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 1);
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(err.contains(reason), err.constData());
    }

    void userAddStoresNfc()
    {
        // "é" typed as e + combining acute is stored as the one precomposed character.
        QVERIFY(!m_server.addUser(QStringLiteral("rene\u0301")).isEmpty());
        const QByteArray list =
            m_server.runCommand({QStringLiteral("user"), QStringLiteral("list")});
        QVERIFY(list.contains(QStringLiteral("ren\u00e9").toUtf8()));
        QVERIFY(m_server.addUser(QStringLiteral("REN\u00c9")).isEmpty());
    }

    void failedInvitesAreSlowedDown()
    {
        TestServer server({QStringLiteral("--auth-failures"), QStringLiteral("2"),
                           QStringLiteral("--auth-failure-delay"), QStringLiteral("1")});
        QVERIFY(server.start());
        // One node: the throttle counts per node (a cluster test's clients rotate nodes).
        const quint16 port = server.isCluster() ? server.nodePort(0) : server.port();
        for (int i = 0; i < 2; ++i)
            QCOMPARE(
                errorOf(redeem(port, QStringLiteral("guess%1").arg(i), QStringLiteral("mallory"))),
                QStringLiteral("Invalid invite"));
        // The third guess from this address waits at least the first delay.
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(errorOf(redeem(port, QStringLiteral("guess2"), QStringLiteral("mallory"))),
                 QStringLiteral("Invalid invite"));
        QVERIFY2(timer.elapsed() >= 900, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(server.log().contains("authentication delayed"));
        QVERIFY(!server.log().contains("guess"));
    }

private:
    TestServer m_server;
    QString m_alice;
    int m_fresh = 0;
};

QTEST_GUILESS_MAIN(TestServerInvites)
#include "tst_server_invites.moc"
