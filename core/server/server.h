// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "server/serverconfig.h"

#include <QHash>
#include <QObject>
#include <memory>
#include <vector>

class QTcpSocket;

namespace talker::store {
class EventJournal;
class SqliteStore;
class Store;
} // namespace talker::store

namespace talker::server {

class Hub;
class Connection;
class Listener;
class Transport;
class RoomBus;
class MetricsEndpoint;
class StoreWriter;

/// The Talker server: listens on TCP (optionally TLS), opens the store and runs the
/// rooms on the current thread's event loop. Usable in-process, e.g. the desktop app's
/// "Host a local room":
///
///     ServerConfig config;
///     config.port = 0;
///     config.databasePath = dir + "/talker.db";
///     Server server(config);
///     if (!server.listen()) qWarning() << server.errorString();
///     ServerAdmin admin(server.store());
///     const QString token = admin.addUser("me");
///     // connect a client to server.address():server.port()
class Server : public QObject
{
    Q_OBJECT

public:
    explicit Server(const ServerConfig &config, QObject *parent = nullptr);
    ~Server() override;

    /// Cluster mode: use the bus's shared store instead of the SQLite database, and
    /// deliver through the bus. Call before listen(); `bus` must outlive the server.
    /// The rooms then run on one thread (the bus gives the order).
    void setBus(RoomBus *bus) { m_bus = bus; }

    /// Opens the database and starts listening. False on failure (see errorString()).
    bool listen();
    /// Stops accepting, closes every client connection; the database stays consistent.
    void close();
    bool isListening() const;

    /// The port actually bound (useful with port 0).
    quint16 port() const;
    QHostAddress address() const;
    QString errorString() const { return m_error; }
    const ServerConfig &config() const { return m_config; }

    /// The open store (valid after a successful listen()), for ServerAdmin.
    store::Store *store() const;
    /// The metrics endpoint's port (0 when off).
    quint16 metricsPort() const;
    /// Currently open client connections.
    int connectionCount() const { return m_connectionCount; }

signals:
    /// A client connected or disconnected.
    void connectionCountChanged(int count);

private:
    void accept(QTcpSocket *socket);
    void acceptTransport(Transport *transport);
    void connectionFinished(Connection *connection, const QString &address);

    bool startListener();
    /// Stores a `leave` for every user still present in a room's history: the server
    /// stopped or crashed while they were there, and nobody is present after a start.
    void closeOpenPresences();
    /// Opens the event journal, imports what the last run left in it and closes the
    /// presences that run left open.
    bool startJournal();
    /// Gives a room thread's hub the writer and journal, and sets its store up to see
    /// what is journaled and not imported yet.
    void attachRoomThread(Hub *hub, store::SqliteStore *store) const;
    bool startMetrics();
    /// Ready to serve: the store (or NATS) is reachable.
    bool healthy() const;
    struct Worker;
    bool startWorkers();
    void stopWorkers();

    ServerConfig m_config;
    std::unique_ptr<store::SqliteStore> m_store;
    std::unique_ptr<store::EventJournal> m_journal; ///< the rooms' events, first
    std::unique_ptr<StoreWriter> m_writer;          ///< imports the journal; outlives the hubs
    RoomBus *m_bus = nullptr;
    std::unique_ptr<Hub> m_hub;
    std::vector<std::unique_ptr<Worker>> m_workers;
    Listener *m_listener = nullptr;
    MetricsEndpoint *m_metrics = nullptr;
    QHash<QString, int> m_perAddress;
    int m_connectionCount = 0;
    QString m_error;
};

} // namespace talker::server
