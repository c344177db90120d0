// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "client/accountconfig.h"
#include "client/clientsettings.h"
#include "client/message.h"
#include "client/session.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <functional>
#include <memory>

class QSslSocket;

namespace talker::client {

class Chat;
class Conversation;
class HistoryCache;
class Outbox;
class Room;

/// One account on one server: its config, its token (memory only), its rooms (one
/// Session each), its private conversations, its cache and outbox.
///
/// The aggregate state is the best of its rooms (Connected when any room is),
/// statusText the worst problem ("Authentication failed", "Offline, retrying at ...").
class Account : public QObject
{
    Q_OBJECT
    Q_MOC_INCLUDE("client/room.h")
    Q_MOC_INCLUDE("client/conversation.h")
    Q_PROPERTY(QString id READ id CONSTANT)
    Q_PROPERTY(QString label READ label NOTIFY configChanged)
    Q_PROPERTY(QString host READ host NOTIFY configChanged)
    Q_PROPERTY(int port READ port NOTIFY configChanged)
    Q_PROPERTY(bool useTls READ useTls NOTIFY configChanged)
    Q_PROPERTY(QString userName READ userName NOTIFY configChanged)
    Q_PROPERTY(QString userId READ userId NOTIFY configChanged)
    Q_PROPERTY(bool hasToken READ hasToken NOTIFY tokenChanged)
    Q_PROPERTY(talker::client::Session::State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString statusText READ statusText NOTIFY stateChanged)
    Q_PROPERTY(QDateTime nextRetry READ nextRetry NOTIFY stateChanged)
    Q_PROPERTY(bool authenticationFailed READ authenticationFailed NOTIFY stateChanged)
    Q_PROPERTY(QStringList roomNames READ roomNames NOTIFY roomsChanged)

public:
    /// cachePath: the SQLite file of this account (":memory:" for none on disk).
    Account(const AccountConfig &config, const QString &cachePath, QObject *parent = nullptr);
    ~Account() override;

    const AccountConfig &config() const { return m_config; }
    void setConfig(const AccountConfig &config);
    QString id() const { return m_config.id; }
    QString label() const { return m_config.label(); }
    QString host() const { return m_config.host; }
    int port() const { return m_config.port; }
    bool useTls() const { return m_config.useTls; }
    QString userName() const { return m_config.userName; }
    QString userId() const { return m_config.userId; }

    /// Hands in the secret and (re)connects every room. Never stored by core.
    Q_INVOKABLE void setToken(const QString &token);
    bool hasToken() const { return !m_token.isEmpty(); }
    /// Applies to every room's session (tests use short intervals).
    void setSessionSettings(const SessionSettings &settings);
    const SessionSettings &sessionSettings() const { return m_settings; }
    /// TLS hook for every room's socket, present and future (trust store, pinning).
    void setSslConfigurator(std::function<void(QSslSocket &)> configurator);
    /// Messages kept in RAM per timeline.
    void setWindowSize(int size);
    int windowSize() const { return m_windowSize; }

    Session::State state() const;
    QString statusText() const;
    QDateTime nextRetry() const;
    bool authenticationFailed() const;

    /// Joins (or returns the already joined) room and connects it when a token is set.
    Q_INVOKABLE talker::client::Room *joinRoom(const QString &name);
    /// Sends `close` for the room and removes it.
    Q_INVOKABLE void leaveRoom(const QString &name);
    Q_INVOKABLE talker::client::Room *room(const QString &name) const;
    /// Moves a room in the user's order.
    Q_INVOKABLE void moveRoom(int from, int to);
    QList<Room *> rooms() const { return m_rooms; }
    QStringList roomNames() const;

    QList<Conversation *> conversations() const { return m_conversations; }
    Q_INVOKABLE talker::client::Conversation *conversation(const QString &peerId) const;
    /// The conversation with a user (created when missing); `via` is a room both share.
    Q_INVOKABLE talker::client::Conversation *openConversation(const QString &peerId,
                                                               const QString &peerName,
                                                               talker::client::Room *via = nullptr);

    /// Connects all rooms now (Retry now).
    Q_INVOKABLE void retryNow();
    /// Closes all rooms (sends `close`).
    Q_INVOKABLE void disconnectAll();

    HistoryCache *cache() const { return m_cache; }
    Outbox *outbox() const { return m_outbox.get(); }
    QString token() const { return m_token; } ///< for Room/Session only; never log it
    const std::function<void(QSslSocket &)> &sslConfigurator() const { return m_sslConfigurator; }

    /// Room plumbing: the user's identity learnt from `connected`.
    void setIdentity(const protocol::User &self);

signals:
    void configChanged();
    void tokenChanged();
    void stateChanged();
    void roomsChanged();
    void roomAdded(talker::client::Room *room);
    /// Emitted before the room is deleted.
    void roomAboutToBeRemoved(talker::client::Room *room);
    void conversationAdded(talker::client::Conversation *conversation);
    /// A live message from someone else, in the chat it landed in (the conversation for
    /// private ones): notifications.
    void messageArrived(talker::client::Chat *chat, const talker::client::Message &message);
    /// Something the registry persists changed.
    void persistentStateChanged();

private:
    void loadConversations();

    AccountConfig m_config;
    QString m_token;
    SessionSettings m_settings;
    std::function<void(QSslSocket &)> m_sslConfigurator;
    int m_windowSize = 500;
    HistoryCache *m_cache;
    std::unique_ptr<Outbox> m_outbox;
    QList<Room *> m_rooms;
    QList<Conversation *> m_conversations;
};

} // namespace talker::client
