// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/server.h"

#include "server/connection.h"
#include "server/cpuslice.h"
#include "server/hub.h"
#include "server/listener.h"
#include "server/metrics.h"
#include "server/metricsendpoint.h"
#include "server/roombus.h"
#include "server/roomplacement.h"
#include "server/servererrors.h"
#include "server/storewriter.h"
#include "server/transport.h"
#include "store/eventjournal.h"
#include "store/sqlitestore.h"
#include "store/token.h"

#include "protocol/codec.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QLoggingCategory>
#include <QTcpSocket>
#include <QThread>

namespace talker::server {

Q_LOGGING_CATEGORY(lcServer, "talker.server")

/// A room shard on its own thread: its own hub and its own store connection.
struct Server::Worker
{
    QThread thread;
    QObject context;                           ///< moved to `thread`: runs code there
    std::unique_ptr<store::SqliteStore> store; ///< created and used in `thread`
    Hub *hub = nullptr;                        ///< lives in `thread`
};

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
    if (m_bus) {
        m_hub = std::make_unique<Hub>(m_config, m_bus->store());
        m_hub->setBus(m_bus);
        m_bus->attach(m_hub.get());
        return startListener();
    }
    m_store = std::make_unique<store::SqliteStore>();
    store::SqliteStore::Options options;
    options.busyTimeoutMs = m_config.storeBusyTimeoutMs;
    options.maxSizeBytes = m_config.storeMaxSizeBytes;
    if (!m_store->open(m_config.databasePath, options)) {
        m_error = QStringLiteral("cannot open database %1: %2")
                      .arg(m_config.databasePath, m_store->lastError());
        m_store.reset();
        return false;
    }
    if (!startJournal()) {
        close();
        return false;
    }
    m_writer = std::make_unique<StoreWriter>();
    m_writer->setJournal(m_journal.get());
    m_writer->setHistoryCap(m_config.historyCapEvents, m_config.historyCapBytes);
    QString error;
    if (!m_writer->open(m_config.databasePath, options, &error)) {
        m_error = QStringLiteral("cannot open database %1: %2").arg(m_config.databasePath, error);
        close();
        return false;
    }
    m_hub = std::make_unique<Hub>(m_config, m_store.get());
    attachRoomThread(m_hub.get(), m_store.get());
    if (m_config.threads > 1 && !startWorkers()) {
        close();
        return false;
    }
    return startListener();
}

bool Server::startJournal()
{
    m_journal = std::make_unique<store::EventJournal>();
    const QString path = m_config.databasePath + QStringLiteral("-events");
    QString error;
    if (!m_journal->open(path, &error)) {
        m_error = error;
        return false;
    }
    const QList<store::StoredEvent> left = m_journal->recovered();
    if (!left.isEmpty()) {
        // Kept in the journal until the database takes them: nothing is lost.
        if (m_store->importJournaled(left) < left.size()) {
            m_error = QStringLiteral("the database cannot take the %1 events journaled before "
                                     "the last stop (%2): %3")
                          .arg(left.size())
                          .arg(path, m_store->lastError());
            return false;
        }
        qCInfo(lcServer) << "imported" << left.size() << "events journaled before the last stop";
    }
    closeOpenPresences();
    const qint64 lastSeq = m_store->maxSeq();
    if (lastSeq < 0 || !m_journal->start(lastSeq, &error)) {
        m_error = lastSeq < 0 ? m_store->lastError() : error;
        return false;
    }
    return true;
}

void Server::attachRoomThread(Hub *hub, store::SqliteStore *store) const
{
    // In the room thread, and after the store writer's thread started: a thread
    // inherits the slice of the thread that starts it, and the writer's must stay long.
    if (m_config.shortCpuSlices)
        requestShortCpuSlices();
    hub->setWriter(m_writer.get(), m_journal.get());
    store->readThrough(m_journal.get());
    // What a room thread still writes itself (a new room's row) must not wait for a
    // locked database (the writer adds it with the room's first events too), nor copy
    // the write-ahead log into the database: the writer does (StoreWriter::maintain()).
    store->setWriteWait(0, true);
    store->setAutoCheckpoint(false);
}

void Server::closeOpenPresences()
{
    const QList<store::StoredEvent> open = m_store->openPresences();
    QList<store::StoredEvent> leaves;
    for (const store::StoredEvent &join : open) {
        protocol::PresenceEvent leave;
        leave.kind = protocol::PresenceEvent::Kind::Leave;
        leave.user.id = join.senderId;
        leave.time = QDateTime::currentSecsSinceEpoch();
        leave.id = store::generateEventId();
        store::StoredEvent stored;
        stored.room = join.room;
        stored.id = leave.id;
        stored.kind = store::EventKind::Leave;
        stored.senderId = join.senderId;
        stored.time = leave.time;
        stored.line = protocol::encode(leave);
        leaves.append(stored);
    }
    QList<store::StoredEvent *> pointers;
    for (store::StoredEvent &e : leaves)
        pointers.append(&e);
    if (!m_store->appendClosingLeaves(pointers))
        qCWarning(lcServer) << "could not store the leaves of users present at the last stop:"
                            << m_store->lastError();
    else if (!leaves.isEmpty())
        qCInfo(lcServer) << "stored" << leaves.size()
                         << "leave events for users present when the server last stopped";
}

bool Server::startListener()
{
    m_listener = new Listener(this);
    if (m_config.useTls() &&
        !m_listener->setTls(m_config.tlsCertificateFile, m_config.tlsKeyFile, &m_error)) {
        close();
        return false;
    }
    connect(m_listener, &Listener::socketReady, this, &Server::accept);
    connect(m_listener, &Listener::transportReady, this, &Server::acceptTransport);
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
    return startMetrics();
}

bool Server::startMetrics()
{
    if (!m_config.metricsEnabled)
        return true;
    m_metrics = new MetricsEndpoint(
        [this] { return metrics::render(m_config.nodeName, m_connectionCount, healthy()); },
        [this] { return healthy(); }, this);
    if (!m_metrics->listen(m_config.metricsAddress, m_config.metricsPort)) {
        m_error = QStringLiteral("cannot serve metrics on %1:%2: %3")
                      .arg(m_config.metricsAddress.toString())
                      .arg(m_config.metricsPort)
                      .arg(m_metrics->errorString());
        close();
        return false;
    }
    return true;
}

bool Server::healthy() const
{
    return m_bus ? m_bus->isReachable() : m_store != nullptr;
}

quint16 Server::metricsPort() const
{
    return m_metrics ? m_metrics->port() : 0;
}

void Server::close()
{
    delete m_metrics;
    m_metrics = nullptr;
    if (m_listener) {
        m_listener->close();
        delete m_listener;
        m_listener = nullptr;
    }
    if (m_hub) {
        m_hub->closeAll();
        for (const auto &worker : m_workers)
            QMetaObject::invokeMethod(worker->hub, &Hub::closeAll, Qt::BlockingQueuedConnection);
        // Give the clients a moment to receive what is queued and see the close.
        QDeadlineTimer grace(2000);
        while (m_connectionCount > 0 && !grace.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        // Connections are children of their hub: they go with it.
        stopWorkers();
        if (m_bus)
            m_bus->attach(nullptr);
        m_hub.reset();
    }
    m_perAddress.clear();
    m_connectionCount = 0;
    m_writer.reset(); // after the hubs: it imports what they journaled
    m_journal.reset();
    if (m_store)
        m_store->close();
    m_store.reset();
}

bool Server::startWorkers()
{
    QList<Hub *> shards{m_hub.get()};
    for (int i = 1; i < m_config.threads; ++i) {
        auto worker = std::make_unique<Worker>();
        worker->thread.setObjectName(QStringLiteral("talker-rooms-%1").arg(i));
        worker->context.moveToThread(&worker->thread);
        worker->thread.start();
        bool ok = false;
        Worker *w = worker.get();
        QMetaObject::invokeMethod(
            &w->context,
            [this, w, &ok] {
                w->store = std::make_unique<store::SqliteStore>();
                store::SqliteStore::Options options;
                options.busyTimeoutMs = m_config.storeBusyTimeoutMs;
                options.maxSizeBytes = m_config.storeMaxSizeBytes;
                ok = w->store->open(m_config.databasePath, options);
                if (ok) {
                    w->hub = new Hub(m_config, w->store.get());
                    attachRoomThread(w->hub, w->store.get());
                    w->hub->shareByteRate(m_hub->sharedByteRate()); // per user, not per thread
                } else
                    m_error = w->store->lastError();
            },
            Qt::BlockingQueuedConnection);
        m_workers.push_back(std::move(worker));
        if (!ok)
            return false;
        shards.append(w->hub);
    }
    m_hub->setRouter([shards, placement = std::make_shared<RoomPlacement>(int(shards.size()))](
                         const QString &room) { return shards.at(placement->shardOf(room)); });
    return true;
}

void Server::stopWorkers()
{
    for (const auto &worker : m_workers) {
        Worker *w = worker.get();
        if (w->thread.isRunning()) {
            QMetaObject::invokeMethod(
                &w->context,
                [w] {
                    delete w->hub;
                    w->hub = nullptr;
                    w->store.reset();
                },
                Qt::BlockingQueuedConnection);
            w->thread.quit();
            w->thread.wait();
        }
    }
    m_workers.clear();
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
    if (m_bus)
        return m_bus->store();
    return m_store.get();
}

void Server::accept(QTcpSocket *socket)
{
    acceptTransport(new SocketTransport(socket));
}

void Server::acceptTransport(Transport *transport)
{
    const QString address = transport->address();
    int &count = m_perAddress[address];
    auto *connection = new Connection(transport, m_hub.get(), m_hub.get());
    if (m_config.maxConnectionsPerAddress > 0 && count >= m_config.maxConnectionsPerAddress) {
        qCInfo(lcServer) << address << "refused: too many connections";
        connection->sendError(errors::text(errors::ServerError::TooManyConnections), true);
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
