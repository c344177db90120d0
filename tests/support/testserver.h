#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <initializer_list>
#include <memory>
#include <utility>

namespace talker::test {

/// Runs the real `talker-server` binary on a free loopback port for black-box tests.
///
///     TestServer server;
///     QVERIFY(server.start());
///     const QString token = server.addUser("alice");
///     socket.connectToHost(QHostAddress::LocalHost, server.port());
///
/// The database lives in a temporary folder that survives stop()/start(), so a test
/// can restart the server on the same data. Extra command-line options (for example
/// `--idle-timeout 0.5`) go in `extraArgs`.
class TestServer
{
public:
    explicit TestServer(QStringList extraArgs = {});
    ~TestServer();

    /// Starts the server and waits for its `listening on HOST:PORT` line.
    /// Reuses the previous port when restarting if `samePort` is set.
    bool start(bool samePort = false);
    /// SIGTERM and wait; the server shuts down cleanly.
    void stop();
    /// SIGKILL: an abrupt crash.
    void kill();
    bool isRunning() const;

    /// `talker-server --database DB user add NAME`; returns the new token, empty on failure.
    QString addUser(const QString &name);
    /// addUser() for each {name, &token}; false if any of them fails.
    bool addUsers(std::initializer_list<std::pair<QString, QString *>> users);
    /// start(), then addUsers().
    bool startWithUsers(std::initializer_list<std::pair<QString, QString *>> users);
    /// Runs `talker-server --database DB ARGS...`; returns stdout, sets *exitCode.
    QByteArray runCommand(const QStringList &args, int *exitCode = nullptr) const;

    quint16 port() const { return m_port; }
    QString databasePath() const;
    QString dataDir() const { return m_dir.path(); }
    /// Everything the server printed on stderr so far (its log, across restarts).
    QByteArray log() const;
    /// The file the server's stderr goes to.
    QString logPath() const;
    QStringList &extraArgs() { return m_extraArgs; }

    static QString binary();

private:
    QTemporaryDir m_dir;
    QStringList m_extraArgs;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
};

} // namespace talker::test
