#include "localserverhost.h"

#include "server/server.h"
#include "server/serveradmin.h"

#include <QCoreApplication>
#include <QDir>

namespace talker::app {

LocalServerHost::LocalServerHost(const QString &profileDir, QObject *parent)
    : QObject(parent)
    , m_profileDir(profileDir)
{}

LocalServerHost::~LocalServerHost()
{
    stop();
}

bool LocalServerHost::isRunning() const
{
    return m_server && m_server->isListening();
}

quint16 LocalServerHost::port() const
{
    return m_server ? m_server->port() : 0;
}

bool LocalServerHost::start(quint16 preferredPort)
{
    if (isRunning())
        return true;
    QDir().mkpath(m_profileDir);
    server::ServerConfig config;
    config.address = QHostAddress::LocalHost;
    config.databasePath = QDir(m_profileDir).filePath(QStringLiteral("local-server.sqlite"));
    config.port = preferredPort;
    m_server = std::make_unique<server::Server>(config);
    if (!m_server->listen() && preferredPort != 0) {
        // The remembered port is taken: any free one will do.
        config.port = 0;
        m_server = std::make_unique<server::Server>(config);
        m_server->listen();
    }
    if (!m_server->isListening()) {
        m_error =
            QCoreApplication::translate("LocalServerHost", "Cannot start the local server: %1")
                .arg(m_server->errorString());
        m_server.reset();
        return false;
    }
    server::ServerAdmin admin(m_server->store());
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty() || name == QLatin1String("root"))
        name = QStringLiteral("me");
    m_userName = name;
    // A token is made fresh each start: it only has to live as long as this process.
    m_token = admin.resetToken(name);
    if (m_token.isEmpty())
        m_token = admin.addUser(name);
    if (m_token.isEmpty()) {
        m_error = QCoreApplication::translate("LocalServerHost", "Cannot create the local user: %1")
                      .arg(admin.lastError());
        stop();
        return false;
    }
    admin.createRoom(demoRoom(), name,
                     QCoreApplication::translate(
                         "LocalServerHost",
                         "Welcome to your local room! Share talker://%1:%2/%3 with people on this "
                         "computer, or connect to a team server from the sidebar.")
                         .arg(QStringLiteral("127.0.0.1"))
                         .arg(m_server->port())
                         .arg(demoRoom()));
    return true;
}

void LocalServerHost::stop()
{
    if (m_server)
        m_server->close();
    m_server.reset();
    m_token.clear();
}

} // namespace talker::app
