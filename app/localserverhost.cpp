// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "localserverhost.h"

#include "protocol/username.h"
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

bool LocalServerHost::isOpenToNetwork() const
{
    return isRunning() && m_server->address() != QHostAddress(QHostAddress::LocalHost);
}

QString LocalServerHost::createInvite()
{
    if (!isRunning())
        return QString();
    server::ServerAdmin admin(m_server->store());
    const QString code = admin.createInvite(demoRoom(), 1, 7 * 24 * 3600);
    if (code.isEmpty()) {
        m_error = admin.lastError();
        return QString();
    }
    return server::ServerAdmin::inviteLink(server::ServerAdmin::lanAddress(), port(), demoRoom(),
                                           code);
}

bool LocalServerHost::start(quint16 preferredPort, bool openToNetwork)
{
    if (isRunning())
        return true;
    QDir().mkpath(m_profileDir);
    server::ServerConfig config;
    config.address = openToNetwork ? QHostAddress::Any : QHostAddress::LocalHost;
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
    // The welcome message comes from Talker itself, not from the user.
    const QString guide = QStringLiteral("Talker");
    if (!m_server->store()->userByName(guide))
        admin.addUser(guide);
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty() || name == QLatin1String("root") ||
        protocol::checkUserName(protocol::normalizeUserName(name)) != protocol::NameProblem::None ||
        protocol::userNameKey(name) == protocol::userNameKey(guide))
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
    admin.createRoom(demoRoom(), guide,
                     QCoreApplication::translate(
                         "LocalServerHost",
                         "Welcome to your local room! Choose \u201cInvite someone\u2026\u201d to "
                         "let people on your network join, or connect to a team server from the "
                         "sidebar."));
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
