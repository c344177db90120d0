// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>
#include <vector>

namespace talker::test {

/// Real `nats-server` processes with JetStream on free loopback ports: one server, or
/// several routed into one JetStream cluster (Raft needs 3 for a quorum that survives
/// the loss of one). Data lives in a temporary folder that survives kill()/start(i).
///
///     NatsCluster nats(3);
///     QVERIFY(nats.start());
///     // talker-server --cluster nats.urls() ...
class NatsCluster
{
public:
    explicit NatsCluster(int size = 3);
    ~NatsCluster();

    /// Starts every server and waits until each accepts clients.
    bool start();
    /// (Re)starts server `i` on its ports and data.
    bool start(int i);
    /// SIGKILL of server `i`.
    void kill(int i);
    void stopAll();
    bool isRunning(int i) const;
    int size() const { return int(m_nodes.size()); }

    /// nats://127.0.0.1:PORT of every server, comma-separated.
    QString urls() const;
    QString url(int i) const;
    /// Where the servers keep their JetStream data.
    QString dataDir() const { return m_dir.path(); }
    /// Empty when nats-server is installed; else why not (for QSKIP).
    static QString unavailableReason();

private:
    struct Node
    {
        std::unique_ptr<QProcess> process;
        quint16 clientPort = 0;
        quint16 routePort = 0;
    };
    QTemporaryDir m_dir;
    std::vector<Node> m_nodes;
};

/// A free TCP port on 127.0.0.1 right now.
quint16 freeLoopbackPort();

} // namespace talker::test
