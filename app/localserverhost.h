// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

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
/// history survives restarts. Opened to the network, it listens on every address
/// and hands out invite links that name this machine's LAN address.
class LocalServerHost : public QObject
{
    Q_OBJECT
public:
    /// The room a fresh local server opens with.
    static QString demoRoom() { return QStringLiteral("Lobby"); }

    explicit LocalServerHost(const QString &profileDir, QObject *parent = nullptr);
    ~LocalServerHost() override;

    /// Starts listening (on `preferredPort` when free, else any port) on loopback, or
    /// on every address when `openToNetwork`, and makes sure the local user and the
    /// demo room exist. False on failure (see errorString()).
    bool start(quint16 preferredPort = 0, bool openToNetwork = false);
    void stop();
    bool isRunning() const;
    quint16 port() const;
    bool isOpenToNetwork() const;
    /// A new one-use invite to the demo room, valid for 7 days, as a link naming this
    /// machine's LAN address; empty on failure (see errorString()).
    QString createInvite();
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
