#include "testserver.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>

namespace talker::test {

TestServer::TestServer(QStringList extraArgs)
    : m_extraArgs(std::move(extraArgs))
{}

TestServer::~TestServer()
{
    stop();
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
    stop();
    m_process = std::make_unique<QProcess>();
    const QString listen = QStringLiteral("127.0.0.1:%1").arg(samePort ? m_port : 0);
    QStringList args{QStringLiteral("--listen"), listen, QStringLiteral("--database"),
                     databasePath()};
    args += m_extraArgs;
    m_process->setProgram(binary());
    m_process->setArguments(args);
    // The log goes to a file, not a pipe: a pipe nobody drains could block the server.
    m_process->setStandardErrorFile(logPath(), QIODevice::Append);
    m_process->start();
    if (!m_process->waitForStarted(10000))
        return false;

    static const QRegularExpression re(QStringLiteral("^listening on ([^\\s]+):(\\d+)\\s*$"));
    QByteArray out;
    const QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired()) {
        if (!m_process->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            break;
        out += m_process->readAllStandardOutput();
        for (const QByteArray &line : out.split('\n')) {
            const auto match = re.match(QString::fromUtf8(line));
            if (match.hasMatch()) {
                m_port = quint16(match.captured(2).toUInt());
                return true;
            }
        }
        if (m_process->state() != QProcess::Running)
            break;
    }
    qWarning("talker-server did not start: %s", log().constData());
    return false;
}

void TestServer::stop()
{
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
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished(5000);
    m_process.reset();
}

bool TestServer::isRunning() const
{
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
