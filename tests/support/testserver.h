// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <initializer_list>
#include <memory>
#include <utility>
#include <vector>

namespace talker::test {

class NatsCluster;

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
///
/// Cluster form: with TALKER_TEST_CLUSTER=N in the environment (or cluster(N, ...)),
/// start() runs N talker-server nodes in cluster mode over real nats-server processes
/// (TALKER_TEST_CLUSTER_NATS of them, default 1, as one JetStream cluster), and port()
/// hands out the nodes' ports in turn, so a suite's clients spread over the nodes.
/// The NATS data survives stop()/start() like the database does.
class TestServer
{
public:
    explicit TestServer(QStringList extraArgs = {});
    /// A cluster of `nodes` talker nodes over `natsServers` NATS servers.
    TestServer(int nodes, int natsServers, QStringList extraArgs = {});
    ~TestServer();

    /// Starts the server and waits for its `listening on HOST:PORT` line.
    /// Reuses the previous port when restarting if `samePort` is set.
    bool start(bool samePort = false);
    /// SIGTERM and wait; the server shuts down cleanly.
    void stop();
    /// SIGKILL: an abrupt crash.
    void kill();
    bool isRunning() const;
    /// The server's process id (node 0's in cluster form), 0 when it is not running.
    qint64 pid() const;

    /// `talker-server --database DB user add NAME`; returns the new token, empty on failure.
    QString addUser(const QString &name);
    /// addUser() for each {name, &token}; false if any of them fails.
    bool addUsers(std::initializer_list<std::pair<QString, QString *>> users);
    /// start(), then addUsers().
    bool startWithUsers(std::initializer_list<std::pair<QString, QString *>> users);
    /// Runs `talker-server --database DB ARGS...`; returns stdout, sets *exitCode.
    QByteArray runCommand(const QStringList &args, int *exitCode = nullptr) const;

    /// The port to connect to; in cluster form the next node's, in turn.
    quint16 port() const;

    /// The `--metrics` port the server (node `i`) printed, 0 without --metrics.
    quint16 metricsPort(int i = 0) const;

    bool isCluster() const { return m_clusterNodes > 0; }
    int nodeCount() const { return int(m_nodes.size()); }
    quint16 nodePort(int i) const { return m_nodes.at(size_t(i)).port; }
    /// SIGKILL of node `i` (cluster form).
    void killNode(int i);
    /// SIGSTOP (`paused`) or SIGCONT of node `i`: a node that stalls (cluster form,
    /// Unix only; false elsewhere or when it is not running).
    bool pauseNode(int i, bool paused);
    /// (Re)starts node `i` on its port.
    bool startNode(int i);
    bool isNodeRunning(int i) const;
    NatsCluster *nats() const { return m_nats.get(); }
    /// The NATS URLs the nodes use (cluster form).
    QString clusterUrls() const;
    QString databasePath() const;
    QString dataDir() const { return m_dir.path(); }
    /// Everything the server printed on stderr so far (its log, across restarts).
    QByteArray log() const;
    /// The file the server's stderr goes to.
    QString logPath() const;
    QStringList &extraArgs() { return m_extraArgs; }

    static QString binary();

private:
    struct Node
    {
        std::unique_ptr<QProcess> process;
        quint16 port = 0;
        quint16 metricsPort = 0;
    };
    bool startCluster(bool samePort);
    bool launch(Node *node, const QStringList &args, bool samePort);

    QTemporaryDir m_dir;
    QStringList m_extraArgs;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    quint16 m_metricsPort = 0;
    int m_clusterNodes = 0;
    int m_natsServers = 0;
    std::unique_ptr<NatsCluster> m_nats;
    std::vector<Node> m_nodes;
    mutable int m_nextNode = 0;
};

} // namespace talker::test
