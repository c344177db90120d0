// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "natscluster.h"

#include <QDeadlineTimer>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace talker::test {

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

NatsCluster::NatsCluster(int size)
    : m_nodes(size_t(qMax(1, size)))
{
    for (Node &n : m_nodes) {
        n.clientPort = freeLoopbackPort();
        n.routePort = freeLoopbackPort();
    }
}

NatsCluster::~NatsCluster()
{
    stopAll();
}

QString NatsCluster::unavailableReason()
{
    if (QStandardPaths::findExecutable(QStringLiteral("nats-server")).isEmpty() &&
        QStandardPaths::findExecutable(QStringLiteral("nats-server"), {QStringLiteral("/usr/sbin")})
            .isEmpty())
        return QStringLiteral("nats-server is not installed (.ci/packages/cluster.txt)");
    return QString();
}

QString NatsCluster::url(int i) const
{
    return QStringLiteral("nats://127.0.0.1:%1").arg(m_nodes.at(size_t(i)).clientPort);
}

QString NatsCluster::urls() const
{
    QStringList out;
    for (int i = 0; i < size(); ++i)
        out.append(url(i));
    return out.join(QLatin1Char(','));
}

bool NatsCluster::start()
{
    for (int i = 0; i < size(); ++i) {
        if (!start(i))
            return false;
    }
    return true;
}

bool NatsCluster::start(int i)
{
    Node &n = m_nodes.at(size_t(i));
    kill(i);
    QString program = QStandardPaths::findExecutable(QStringLiteral("nats-server"));
    if (program.isEmpty())
        program = QStringLiteral("/usr/sbin/nats-server");
    const QString name = QStringLiteral("n%1").arg(i);
    QStringList args{QStringLiteral("-js"),
                     QStringLiteral("-a"),
                     QStringLiteral("127.0.0.1"),
                     QStringLiteral("-p"),
                     QString::number(n.clientPort),
                     QStringLiteral("-n"),
                     name,
                     QStringLiteral("-sd"),
                     m_dir.filePath(name)};
    if (size() > 1) {
        QStringList routes;
        for (const Node &other : m_nodes) {
            if (&other != &n)
                routes.append(QStringLiteral("nats://127.0.0.1:%1").arg(other.routePort));
        }
        args += {QStringLiteral("--cluster_name"),
                 QStringLiteral("talker-test"),
                 QStringLiteral("--cluster"),
                 QStringLiteral("nats://127.0.0.1:%1").arg(n.routePort),
                 QStringLiteral("--routes"),
                 routes.join(QLatin1Char(','))};
    }
    n.process = std::make_unique<QProcess>();
    n.process->setStandardOutputFile(m_dir.filePath(name + QStringLiteral(".log")),
                                     QIODevice::Append);
    n.process->setStandardErrorFile(m_dir.filePath(name + QStringLiteral(".log")),
                                    QIODevice::Append);
    n.process->start(program, args);
    if (!n.process->waitForStarted(5000))
        return false;
    // Accepting clients is enough: talker nodes wait for JetStream themselves.
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, n.clientPort);
        if (probe.waitForConnected(200))
            return true;
        QThread::msleep(50);
    }
    return false;
}

void NatsCluster::kill(int i)
{
    Node &n = m_nodes.at(size_t(i));
    if (!n.process)
        return;
    n.process->kill();
    n.process->waitForFinished(5000);
    n.process.reset();
}

void NatsCluster::stopAll()
{
    for (int i = 0; i < size(); ++i) {
        Node &n = m_nodes.at(size_t(i));
        if (n.process) {
            n.process->terminate();
            if (!n.process->waitForFinished(5000))
                kill(i);
            n.process.reset();
        }
    }
}

bool NatsCluster::isRunning(int i) const
{
    const Node &n = m_nodes.at(size_t(i));
    return n.process && n.process->state() == QProcess::Running;
}

} // namespace talker::test
