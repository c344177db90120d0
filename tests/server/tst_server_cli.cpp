// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// The command line: serving, user administration, --help/--version, bad options,
// clean shutdown on SIGTERM, and tokens kept out of logs and files.
#include "testserver.h"
#include "wireclient.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <csignal>

using namespace talker::test;

namespace {
struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QStringList &args)
{
    QProcess p;
    p.start(TestServer::binary(), args);
    Run r;
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QByteArray lastLine(const QByteArray &out)
{
    return out.trimmed().split('\n').last().trimmed();
}
} // namespace

class TestServerCli : public QObject
{
    Q_OBJECT

private slots:
    void helpAndVersion()
    {
        const Run help = run({QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        for (const char *word :
             {"--listen", "--database", "--idle-timeout", "--leave-timeout", "--tls-cert",
              "--tls-key", "user add", "--max-line-size", "--replay-cap",
              "--max-connections-per-address", "--max-events-per-second"})
            QVERIFY2(help.out.contains(word), word);
        const Run version = run({QStringLiteral("--version")});
        QCOMPARE(version.code, 0);
        QVERIFY(version.out.contains(TALKER_VERSION_TEXT));
    }

    void userCommands()
    {
        TestServer server;
        int code = -1;
        const QByteArray added = server.runCommand(
            {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("alice")}, &code);
        QCOMPARE(code, 0);
        const QByteArray token = lastLine(added);
        QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]{40,}$"))
                    .match(QString::fromLatin1(token))
                    .hasMatch());
        QVERIFY(!server.addUser(QStringLiteral("bob")).isEmpty());
        // Duplicate names are refused.
        server.runCommand({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("alice")},
                          &code);
        QVERIFY(code != 0);
        const QByteArray list =
            server.runCommand({QStringLiteral("user"), QStringLiteral("list")}, &code);
        QCOMPARE(code, 0);
        QVERIFY(list.contains("alice"));
        QVERIFY(list.contains("bob"));
        QVERIFY(!list.contains(token));
        // reset-token prints a new one.
        const QByteArray reset = server.runCommand(
            {QStringLiteral("user"), QStringLiteral("reset-token"), QStringLiteral("alice")},
            &code);
        QCOMPARE(code, 0);
        QVERIFY(lastLine(reset) != token);
        server.runCommand(
            {QStringLiteral("user"), QStringLiteral("reset-token"), QStringLiteral("nobody")},
            &code);
        QVERIFY(code != 0);
        // remove.
        server.runCommand({QStringLiteral("user"), QStringLiteral("remove"), QStringLiteral("bob")},
                          &code);
        QCOMPARE(code, 0);
        QVERIFY(
            !server.runCommand({QStringLiteral("user"), QStringLiteral("list")}).contains("bob"));
        server.runCommand({QStringLiteral("user"), QStringLiteral("remove"), QStringLiteral("bob")},
                          &code);
        QVERIFY(code != 0);
        // Usage errors.
        server.runCommand({QStringLiteral("user"), QStringLiteral("frobnicate")}, &code);
        QVERIFY(code != 0);
        server.runCommand({QStringLiteral("user"), QStringLiteral("add")}, &code);
        QVERIFY(code != 0);
    }

    void userAddAppliesTheNameRules_data()
    {
        // Issue 11 item 12: what `user add` accepted before. Empty: a name it takes.
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("why");
        QTest::newRow("case variant") << QStringLiteral("Alice") << QByteArray("already exists");
        QTest::newRow("cyrillic look-alike")
            << QStringLiteral("\u0430lice") << QByteArray("different scripts");
        QTest::newRow("zero width space")
            << QStringLiteral("car\u200bol") << QByteArray("invisible");
        QTest::newRow("rtl override") << QStringLiteral("car\u202eol") << QByteArray("invisible");
        QTest::newRow("trailing space") << QStringLiteral("carol ") << QByteArray("space");
        QTest::newRow("newline") << QStringLiteral("car\nol") << QByteArray("invisible");
        QTest::newRow("all digits") << QStringLiteral("12345") << QByteArray("only digits");
        QTest::newRow("cyrillic name") << QStringLiteral("\u041e\u043b\u044f") << QByteArray();
    }

    void userAddAppliesTheNameRules()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, why);
        TestServer server;
        QVERIFY(!server.addUser(QStringLiteral("alice")).isEmpty());
        QProcess add;
        add.start(TestServer::binary(), {QStringLiteral("--database"), server.databasePath(),
                                         QStringLiteral("user"), QStringLiteral("add"), name});
        QVERIFY(add.waitForFinished(20000));
        const QByteArray error = add.readAllStandardError();
        const QByteArray token = add.readAllStandardOutput().trimmed();
        const QByteArray list = server.runCommand({QStringLiteral("user"), QStringLiteral("list")});
        if (why.isEmpty()) {
            QCOMPARE(add.exitCode(), 0);
            QVERIFY(!token.isEmpty());
            QVERIFY(list.contains(name.toUtf8()));
            return;
        }
        QVERIFY(add.exitCode() != 0);
        QVERIFY2(error.contains(why), error.constData()); // says why
        QVERIFY(token.isEmpty());                         // no token for a refused name
        QCOMPARE(list.trimmed().split('\n').size(), 1);   // alice only
    }

    void tokensStoredOnlyAsHashes()
    {
        TestServer server;
        const QString token = server.addUser(QStringLiteral("alice"));
        QVERIFY(!token.isEmpty());
        QVERIFY(server.start());
        {
            WireClient c(server.port());
            QVERIFY(c.join(QStringLiteral("r"), token));
            c.send(message(QStringLiteral("hi")));
            c.waitFor(QStringLiteral("message"));
        }
        server.stop();
        QByteArray everything;
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            QFile f(server.databasePath() + suffix);
            if (f.open(QIODevice::ReadOnly))
                everything += f.readAll();
        }
        QVERIFY(!everything.isEmpty());
        QVERIFY(!everything.contains(token.toUtf8()));
        QVERIFY(everything.contains(
            QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex()));
        QVERIFY(!server.log().contains(token.toUtf8()));
    }

    void badOptions_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("bad listen")
            << QStringList{QStringLiteral("--listen"), QStringLiteral("nonsense")};
        QTest::newRow("bad port") << QStringList{QStringLiteral("--listen"),
                                                 QStringLiteral("127.0.0.1:99999")};
        QTest::newRow("bad timeout")
            << QStringList{QStringLiteral("--idle-timeout"), QStringLiteral("soon")};
        QTest::newRow("negative timeout")
            << QStringList{QStringLiteral("--leave-timeout"), QStringLiteral("-1")};
        QTest::newRow("cert without key")
            << QStringList{QStringLiteral("--tls-cert"), QStringLiteral("x.pem")};
        QTest::newRow("missing cert file")
            << QStringList{QStringLiteral("--tls-cert"), QStringLiteral("/nonexistent.pem"),
                           QStringLiteral("--tls-key"), QStringLiteral("/nonexistent.key")};
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")};
    }
    void badOptions()
    {
        QFETCH(QStringList, args);
        TestServer server;
        const Run r = run(QStringList{QStringLiteral("--database"), server.databasePath(),
                                      QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")} +
                          args);
        QVERIFY(r.code > 0);
        QVERIFY(!r.err.isEmpty());
        QVERIFY(!r.out.contains("listening on"));
    }

    void unwritableDatabaseFailsClearly()
    {
        const Run r =
            run({QStringLiteral("--database"), QStringLiteral("/nonexistent-dir/x/talker.db"),
                 QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("cannot open database"));
    }

    void portInUseFailsClearly()
    {
        TestServer first;
        QVERIFY(first.start());
        const Run r =
            run({QStringLiteral("--database"), first.databasePath() + QStringLiteral("2"),
                 QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(first.port())});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("cannot listen"));
    }

    void listeningLineAndSigtermClosesClients()
    {
        TestServer server;
        const QString token = server.addUser(QStringLiteral("alice"));
        QProcess p;
        p.setProgram(TestServer::binary());
        p.setArguments({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                        QStringLiteral("--database"), server.databasePath()});
        p.start();
        QVERIFY(p.waitForStarted());
        QByteArray out;
        while (!out.contains('\n') && p.waitForReadyRead(20000))
            out += p.readAllStandardOutput();
        const QRegularExpression re(QStringLiteral("^listening on 127\\.0\\.0\\.1:(\\d+)\\n$"));
        const auto match = re.match(QString::fromUtf8(out));
        QVERIFY2(match.hasMatch(), out.constData());
        WireClient c(quint16(match.captured(1).toUInt()));
        QVERIFY(c.join(QStringLiteral("r"), token));
        c.send(message(QStringLiteral("stored")));
        c.waitFor(QStringLiteral("message"));
        ::kill(pid_t(p.processId()), SIGTERM);
        QVERIFY(c.waitClosed());
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(p.readAllStandardOutput().isEmpty()); // one line only
        // The data is there after the restart.
        QVERIFY(server.start());
        WireClient again(server.port());
        QVERIFY(
            again.join(QStringLiteral("r"), token, QJsonObject{{QStringLiteral("history"), 10}}));
        bool found = false;
        for (const QJsonObject &e : again.handshake())
            found |= e.value(QStringLiteral("content")) == QStringLiteral("stored");
        QVERIFY(found);
    }
};

QTEST_GUILESS_MAIN(TestServerCli)
#include "tst_server_cli.moc"
