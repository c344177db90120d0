// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>
#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace talker::client {
class Account;
}
namespace talker::test {
class TestServer;
}

/// The other side of the view tests: a real talker-server with users alice and bob,
/// and bob's client (a real client::Account) that the QML tests drive.
class ServerWithBob : public QObject
{
    Q_OBJECT
    Q_PROPERTY(int port READ port CONSTANT)
    Q_PROPERTY(QString aliceToken READ aliceToken CONSTANT)
    Q_PROPERTY(bool bobConnected READ bobConnected NOTIFY bobChanged)

public:
    ServerWithBob();
    ~ServerWithBob() override;

    bool start();
    int port() const;
    QString aliceToken() const { return m_aliceToken; }
    bool bobConnected() const;

    /// Connects bob to `room`.
    Q_INVOKABLE void connectBob(const QString &room);
    Q_INVOKABLE void bobSays(const QString &room, const QString &text);
    /// Bob writes privately to the user with this id through `room`.
    Q_INVOKABLE void bobWhispers(const QString &room, const QString &toUserId, const QString &text);
    Q_INVOKABLE void bobTypes(const QString &room, const QString &draft);
    /// Bob's messages not confirmed by the server yet (0: everything is stored).
    Q_INVOKABLE int bobUnsent() const;
    /// Bob leaves `room` (its members see him go).
    Q_INVOKABLE void bobLeaves(const QString &room);
    /// Stops the server (every client goes offline) and starts it again on the same
    /// port and data.
    Q_INVOKABLE void stopServer();
    Q_INVOKABLE bool restartServer();

signals:
    void bobChanged();

private:
    std::unique_ptr<talker::test::TestServer> m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<talker::client::Account> m_bob;
    QString m_aliceToken;
    QString m_bobToken;
};
