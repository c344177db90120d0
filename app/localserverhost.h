#pragma once

#include <QObject>
#include <QString>
#include <memory>

namespace talker::server {
class Server;
}

namespace talker::app {

/// "Host a local room": runs the server core inside the app on 127.0.0.1 with a
/// demo room and a local user. The database lives in the profile, so the room's
/// history survives restarts.
class LocalServerHost : public QObject
{
    Q_OBJECT
public:
    /// The room a fresh local server opens with.
    static QString demoRoom() { return QStringLiteral("Lobby"); }

    explicit LocalServerHost(const QString &profileDir, QObject *parent = nullptr);
    ~LocalServerHost() override;

    /// Starts listening (on `preferredPort` when free, else any port) and makes sure
    /// the local user and the demo room exist. False on failure (see errorString()).
    bool start(quint16 preferredPort = 0);
    void stop();
    bool isRunning() const;
    quint16 port() const;
    /// The local user's name and a fresh token for it (valid while running).
    QString userName() const { return m_userName; }
    QString token() const { return m_token; }
    QString errorString() const { return m_error; }

private:
    QString m_profileDir;
    std::unique_ptr<server::Server> m_server;
    QString m_userName;
    QString m_token;
    QString m_error;
};

} // namespace talker::app
