// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "testserver.h"

#include "natscluster.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/types.h>
#endif

namespace talker::test {

TestServer::TestServer(QStringList extraArgs)
    : m_extraArgs(std::move(extraArgs))
{
    const int nodes = qEnvironmentVariableIntValue("TALKER_TEST_CLUSTER");
    if (nodes > 0) {
        m_clusterNodes = nodes;
        m_natsServers = qMax(1, qEnvironmentVariableIntValue("TALKER_TEST_CLUSTER_NATS"));
    }
}

TestServer::TestServer(int nodes, int natsServers, QStringList extraArgs)
    : m_extraArgs(std::move(extraArgs))
    , m_clusterNodes(nodes)
    , m_natsServers(natsServers)
{}

TestServer::~TestServer()
{
    stop();
    m_nats.reset();
}

quint16 TestServer::port() const
{
    if (m_nodes.empty())
        return m_port;
    return m_nodes.at(size_t(m_nextNode++ % int(m_nodes.size()))).port;
}

quint16 TestServer::metricsPort(int i) const
{
    if (m_nodes.empty())
        return m_metricsPort;
    return m_nodes.at(size_t(i)).metricsPort;
}

QString TestServer::clusterUrls() const
{
    return m_nats ? m_nats->urls() : QString();
}

QString TestServer::binary()
{
    const QByteArray env = qgetenv("TALKER_SERVER_BIN");
    if (!env.isEmpty())
        return QString::fromLocal8Bit(env);
#ifdef TALKER_SERVER_BIN
    return QStringLiteral(TALKER_SERVER_BIN);
#else
    return QStringLiteral("talker-server");
#endif
}

QString TestServer::databasePath() const
{
    return m_dir.filePath(QStringLiteral("talker.db"));
}

bool TestServer::start(bool samePort)
{
    if (m_clusterNodes > 0)
        return startCluster(samePort);
    stop();
    m_process = std::make_unique<QProcess>();
    const QString listen = QStringLiteral("127.0.0.1:%1").arg(samePort ? m_port : 0);
    QStringList args{QStringLiteral("--listen"), listen, QStringLiteral("--database"),
                     databasePath()};
    Node node;
    node.port = m_port;
    const bool ok = launch(&node, args + m_extraArgs, samePort);
    m_process = std::move(node.process);
    m_port = node.port;
    m_metricsPort = node.metricsPort;
    return ok;
}

bool TestServer::launch(Node *node, const QStringList &args, bool samePort)
{
    node->process = std::make_unique<QProcess>();
    QProcess *process = node->process.get();
    QStringList all = args;
    if (!samePort) {
        const int listen = all.indexOf(QStringLiteral("--listen"));
        if (listen >= 0)
            all[listen + 1] = QStringLiteral("127.0.0.1:0");
    }
    process->setProgram(binary());
    process->setArguments(all);
    // The log goes to a file, not a pipe: a pipe nobody drains could block the server.
    process->setStandardErrorFile(logPath(), QIODevice::Append);
    process->start();
    if (!process->waitForStarted(10000))
        return false;

    static const QRegularExpression re(QStringLiteral("^listening on ([^\\s]+):(\\d+)\\s*$"));
    QByteArray out;
    // A cluster node first waits for JetStream (a leader election): allow for it.
    const QDeadlineTimer deadline(m_clusterNodes > 0 ? 60000 : 15000);
    while (!deadline.hasExpired()) {
        if (!process->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            break;
        out += process->readAllStandardOutput();
        for (const QByteArray &line : out.split('\n')) {
            if (line.startsWith("metrics on "))
                node->metricsPort = quint16(line.mid(line.lastIndexOf(':') + 1).toUInt());
            const auto match = re.match(QString::fromUtf8(line));
            if (match.hasMatch()) {
                node->port = quint16(match.captured(2).toUInt());
                return true;
            }
        }
        if (process->state() != QProcess::Running)
            break;
    }
    qWarning("talker-server did not start: %s", log().constData());
    return false;
}

bool TestServer::startCluster(bool samePort)
{
    stop();
    if (!m_nats) {
        m_nats = std::make_unique<NatsCluster>(m_natsServers);
        if (!m_nats->start())
            return false;
    }
    m_nodes.resize(size_t(m_clusterNodes));
    for (int i = 0; i < m_clusterNodes; ++i) {
        if (!samePort)
            m_nodes[size_t(i)].port = 0;
        if (!startNode(i))
            return false;
    }
    m_port = m_nodes.front().port;
    return true;
}

bool TestServer::startNode(int i)
{
    Node &node = m_nodes.at(size_t(i));
    if (node.process)
        killNode(i);
    const QStringList args{
        QStringLiteral("--cluster"),   clusterUrls(),
        QStringLiteral("--node-name"), QStringLiteral("node%1").arg(i),
        QStringLiteral("--listen"),    QStringLiteral("127.0.0.1:%1").arg(node.port)};
    return launch(&node, args + m_extraArgs, node.port != 0);
}

bool TestServer::pauseNode(int i, bool paused)
{
#ifdef Q_OS_UNIX
    if (!isNodeRunning(i))
        return false;
    const qint64 pid = m_nodes.at(size_t(i)).process->processId();
    return ::kill(pid_t(pid), paused ? SIGSTOP : SIGCONT) == 0;
#else
    Q_UNUSED(i)
    Q_UNUSED(paused)
    return false;
#endif
}

bool TestServer::isNodeRunning(int i) const
{
    const Node &node = m_nodes.at(size_t(i));
    return node.process && node.process->state() == QProcess::Running;
}

void TestServer::killNode(int i)
{
    Node &node = m_nodes.at(size_t(i));
    if (!node.process)
        return;
    node.process->kill();
    node.process->waitForFinished(5000);
    node.process.reset();
}

void TestServer::stop()
{
    for (Node &node : m_nodes) {
        if (node.process && node.process->state() != QProcess::NotRunning) {
            node.process->terminate();
            if (!node.process->waitForFinished(10000))
                node.process->kill();
            node.process->waitForFinished(5000);
        }
        node.process.reset();
    }
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
}

void TestServer::kill()
{
    for (int i = 0; i < int(m_nodes.size()); ++i)
        killNode(i);
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished(5000);
    m_process.reset();
}

qint64 TestServer::pid() const
{
    if (!isRunning())
        return 0;
    return m_nodes.empty() ? m_process->processId() : m_nodes.front().process->processId();
}

bool TestServer::isRunning() const
{
    if (!m_nodes.empty())
        return m_nodes.front().process && m_nodes.front().process->state() == QProcess::Running;
    return m_process && m_process->state() == QProcess::Running;
}

QString TestServer::logPath() const
{
    return m_dir.filePath(QStringLiteral("server.log"));
}

QByteArray TestServer::log() const
{
    QFile file(logPath());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray TestServer::runCommand(const QStringList &args, int *exitCode) const
{
    QProcess p;
    if (m_clusterNodes > 0)
        p.start(binary(), QStringList{QStringLiteral("--cluster"), clusterUrls()} + args);
    else
        p.start(binary(), QStringList{QStringLiteral("--database"), databasePath()} + args);
    p.waitForFinished(20000);
    if (exitCode)
        *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return p.readAllStandardOutput();
}

QString TestServer::addUser(const QString &name)
{
    int code = -1;
    const QByteArray out = runCommand({QStringLiteral("user"), QStringLiteral("add"), name}, &code);
    if (code != 0)
        return QString();
    const QList<QByteArray> lines = out.trimmed().split('\n');
    return lines.isEmpty() ? QString() : QString::fromUtf8(lines.last().trimmed());
}

bool TestServer::addUsers(std::initializer_list<std::pair<QString, QString *>> users)
{
    bool ok = true;
    for (const auto &[name, token] : users) {
        *token = addUser(name);
        ok = ok && !token->isEmpty();
    }
    return ok;
}

bool TestServer::startWithUsers(std::initializer_list<std::pair<QString, QString *>> users)
{
    return start() && addUsers(users);
}

} // namespace talker::test
