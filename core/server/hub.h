#pragma once

#include "protocol/events.h"
#include "server/serverconfig.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <memory>
#include <unordered_map>

class QTimer;

namespace talker::store {
class Store;
}

namespace talker::server {

class Connection;
class Room;
class AuthThrottle;

/// Owns the rooms of one event loop and routes authenticated connections into them.
/// Each Room is independent, so rooms can later be spread over several hubs/threads.
class Hub : public QObject
{
    Q_OBJECT

public:
    /// `store` must outlive the hub.
    Hub(const ServerConfig &config, store::Store *store, QObject *parent = nullptr);
    ~Hub() override;

    const ServerConfig &config() const { return m_config; }
    store::Store *store() const { return m_store; }
    /// Monotonic milliseconds since the hub started.
    qint64 now() const { return m_clock.elapsed(); }

    /// A connection sent `connect`: authenticate (slowed down after failures from the
    /// same address) and join the room, or answer "Authentication failed".
    void requestConnect(Connection *connection, const protocol::ConnectEvent &event);
    /// Closes every connection (server shutdown).
    void closeAll();

    /// The room with this name, nullptr if nobody is in it.
    Room *room(const QString &name) const;
    int roomCount() const { return int(m_rooms.size()); }

private:
    void authenticate(Connection *connection, const protocol::ConnectEvent &event);
    void sweep();

    ServerConfig m_config;
    store::Store *m_store;
    QElapsedTimer m_clock;
    std::unordered_map<QString, std::unique_ptr<Room>> m_rooms;
    std::unique_ptr<AuthThrottle> m_throttle;
    QTimer *m_sweepTimer;
};

} // namespace talker::server
