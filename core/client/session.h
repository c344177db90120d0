// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "client/accountconfig.h"
#include "client/backoff.h"
#include "client/clientsettings.h"
#include "protocol/events.h"
#include "protocol/framedecoder.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>

class QTcpSocket;
class QSslSocket;

namespace talker::client {

/// One connection to one room (the protocol joins one room per connection).
///
/// Owns the socket, the state machine, keep-alive and reconnection. It turns the
/// byte stream into typed signals and never interprets message content: Room does.
///
/// States: Disconnected -> Connecting (TCP/TLS) -> Authenticating (`connect` sent) ->
/// Connected; on any loss Reconnecting (waiting for the backoff timer) -> Connecting.
/// A wrong token stops retrying: state Disconnected, authenticationFailed() true,
/// statusText "Authentication failed", until setToken() or retryNow().
class Session : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString statusText READ statusText NOTIFY statusChanged)
    Q_PROPERTY(QDateTime nextRetry READ nextRetry NOTIFY statusChanged)
    Q_PROPERTY(bool authenticationFailed READ authenticationFailed NOTIFY statusChanged)

public:
    enum class State { Disconnected, Connecting, Authenticating, Connected, Reconnecting };
    Q_ENUM(State)

    Session(const AccountConfig &account, const QString &room, QObject *parent = nullptr);
    ~Session() override;

    QString room() const { return m_room; }
    const AccountConfig &account() const { return m_account; }
    void setAccount(const AccountConfig &account) { m_account = account; }

    /// The secret sent in `connect`. Kept in memory only, never logged or stored.
    void setToken(const QString &token);
    bool hasToken() const { return !m_token.isEmpty(); }
    void setSettings(const SessionSettings &settings);
    const SessionSettings &settings() const { return m_settings; }
    /// The id sent as `last_event_id` on the next connect (Room keeps it current).
    void setLastEventId(const QString &id) { m_lastEventId = id; }
    QString lastEventId() const { return m_lastEventId; }
    /// Ask the server for live-typing drafts of others.
    void setIncludePartial(bool on) { m_includePartial = on; }
    /// Hook called on every new TLS socket before connecting (CA, pinning, errors).
    void setSslConfigurator(std::function<void(QSslSocket &)> configurator);

    State state() const { return m_state; }
    bool isConnected() const { return m_state == State::Connected; }
    /// Human-readable status for the UI ("Connected", "Reconnecting in 4 s", ...).
    QString statusText() const;
    /// When the next automatic attempt happens (invalid when none is scheduled).
    QDateTime nextRetry() const { return m_nextRetry; }
    bool authenticationFailed() const { return m_authFailed; }
    /// The last connection problem in words (empty when none).
    QString lastError() const { return m_lastError; }
    /// The user the server authenticated (valid after `connected`).
    protocol::User self() const { return m_self; }

    /// Starts connecting (and keeps reconnecting until close()).
    Q_INVOKABLE void open();
    /// Sends `close`, disconnects and stops reconnecting.
    Q_INVOKABLE void close();
    /// Gives up the current wait and connects now (also after an auth failure).
    Q_INVOKABLE void retryNow();

    /// Sends a message event; false (nothing sent) when not connected.
    bool send(const protocol::MessageEvent &message);

    /// Asks for the stored events before `before` [ext]; answered by historyPage(), or
    /// by serverError() ("Unknown event id"). False (nothing sent) when not connected.
    bool requestHistory(const QString &before, int limit);
    /// Asks the server to search the user's rooms [ext]; answered by searchResults(),
    /// or by serverError() (e.g. "Search not available"). False when not connected.
    bool requestSearch(const QString &query, int limit, const QString &before = QString());

    /// Handles bytes as if they came from the socket (benchmarks, tests).
    void processIncoming(const QByteArray &bytes);
    /// Total events decoded since construction.
    quint64 eventsReceived() const { return m_eventsReceived; }

signals:
    void stateChanged(talker::client::Session::State state);
    /// statusText, nextRetry or authenticationFailed changed.
    void statusChanged();
    /// `connected` received; replayed events follow.
    void connected(const talker::protocol::User &self);
    void messageReceived(const talker::protocol::MessageEvent &message);
    void usersReceived(const QList<talker::protocol::User> &users);
    void presenceReceived(const talker::protocol::PresenceEvent &event);
    /// A `history` answer: its messages, oldest first (presence events are left out),
    /// the id of its oldest event of any kind (the next page's `before`), and `more`
    /// when older ones exist. These messages are not sent to messageReceived.
    void historyPage(const QString &before, const QList<talker::protocol::MessageEvent> &messages,
                     const QString &oldestId, bool more);
    void searchResults(const talker::protocol::SearchResultsEvent &results);
    /// An `error` event from the server, its code decoded (and the message id when it
    /// is about one message).
    void serverError(const talker::protocol::ErrorEvent &error);
    /// The connection was lost or closed (before reconnecting).
    void disconnected();
    /// Around the events of one read: receivers may batch their updates in between.
    void incomingStarted();
    void incomingFinished();

private:
    void setState(State state);
    void connectSocket();
    void onSocketConnected();
    void onReadyRead();
    void onSocketGone(const QString &why);
    void scheduleReconnect();
    void handleFrame(const QByteArray &frame);
    void handleEvent(protocol::Event &&event);
    /// Inside a `history` bracket: collects its messages; true when `event` was one.
    bool collectHistory(protocol::Event &event);
    void writeEvent(const protocol::Event &event);
    void dropSocket();
    void onNetworkReachable(bool reachable);

    AccountConfig m_account;
    int m_addressIndex = 0; ///< which of m_account.addresses() the next attempt uses
    QString m_room;
    QString m_token;
    QString m_lastEventId;
    bool m_includePartial = false;
    SessionSettings m_settings;
    std::function<void(QSslSocket &)> m_sslConfigurator;

    QTcpSocket *m_socket = nullptr;
    protocol::FrameDecoder m_decoder;
    State m_state = State::Disconnected;
    bool m_wanted = false; ///< open() was called and close() was not
    bool m_authFailed = false;
    QString m_lastError;
    QDateTime m_nextRetry;
    protocol::User m_self;
    Backoff m_backoff;
    QTimer m_pingTimer;
    QTimer m_deadLinkTimer;
    QTimer m_connectTimer;
    QTimer m_retryTimer;
    quint64 m_eventsReceived = 0;
    bool m_inHistory = false; ///< between `history_start` and `history_end`
    QList<protocol::MessageEvent> m_historyMessages;
    QString m_historyOldest; ///< id of the bracket's first event
};

} // namespace talker::client
