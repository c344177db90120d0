#include "server/server.h"

#include "server/connection.h"
#include "server/hub.h"
#include "server/listener.h"
#include "server/peer.h"
#include "server/servererrors.h"
#include "store/sqlitestore.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QLoggingCategory>
#include <QTcpSocket>

Q_LOGGING_CATEGORY(lcServer, "talker.server")

namespace talker::server {

Server::Server(const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
{}

Server::~Server()
{
    close();
}

bool Server::listen()
{
    if (isListening())
        return true;
    m_store = std::make_unique<store::SqliteStore>();
    store::SqliteStore::Options options;
    options.busyTimeoutMs = m_config.storeBusyTimeoutMs;
    if (!m_store->open(m_config.databasePath, options)) {
        m_error = QStringLiteral("cannot open database %1: %2")
                      .arg(m_config.databasePath, m_store->lastError());
        m_store.reset();
        return false;
    }
    m_hub = std::make_unique<Hub>(m_config, m_store.get());
    m_listener = new Listener(this);
    if (m_config.useTls() &&
        !m_listener->setTls(m_config.tlsCertificateFile, m_config.tlsKeyFile, &m_error)) {
        close();
        return false;
    }
    connect(m_listener, &Listener::socketReady, this, &Server::accept);
    if (!m_listener->listen(m_config.address, m_config.port)) {
        m_error = QStringLiteral("cannot listen on %1:%2: %3")
                      .arg(m_config.address.toString())
                      .arg(m_config.port)
                      .arg(m_listener->errorString());
        close();
        return false;
    }
    qCInfo(lcServer).noquote() << "listening on" << address().toString() << port()
                               << (m_config.useTls() ? "with TLS" : "");
    return true;
}

void Server::close()
{
    if (m_listener) {
        m_listener->close();
        delete m_listener;
        m_listener = nullptr;
    }
    if (m_hub) {
        m_hub->closeAll();
        // Give the clients a moment to receive what is queued and see the close.
        QDeadlineTimer grace(2000);
        while (m_connectionCount > 0 && !grace.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        // Connections are children of the hub: they go with it.
        m_hub.reset();
    }
    m_perAddress.clear();
    m_connectionCount = 0;
    if (m_store)
        m_store->close();
    m_store.reset();
}

bool Server::isListening() const
{
    return m_listener && m_listener->isListening();
}

quint16 Server::port() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

QHostAddress Server::address() const
{
    return m_listener ? m_listener->serverAddress() : QHostAddress();
}

store::Store *Server::store() const
{
    return m_store.get();
}

void Server::accept(QTcpSocket *socket)
{
    auto *peer = new SocketPeer(socket);
    const QString address = peer->address();
    int &count = m_perAddress[address];
    auto *connection = new Connection(peer, m_hub.get(), m_hub.get());
    if (m_config.maxConnectionsPerAddress > 0 && count >= m_config.maxConnectionsPerAddress) {
        qCInfo(lcServer) << address << "refused: too many connections";
        connection->sendError(errors::tooManyConnections(), true);
        return;
    }
    ++count;
    ++m_connectionCount;
    emit connectionCountChanged(m_connectionCount);
    connect(connection, &Connection::finished, this,
            [this, address](Connection *c) { connectionFinished(c, address); });
}

void Server::connectionFinished(Connection *, const QString &address)
{
    auto it = m_perAddress.find(address);
    if (it != m_perAddress.end() && --it.value() <= 0)
        m_perAddress.erase(it);
    --m_connectionCount;
    emit connectionCountChanged(m_connectionCount);
}

} // namespace talker::server
