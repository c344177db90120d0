// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/accountconfig.h"
#include "protocol/framedecoder.h"
#include "protocol/user.h"

#include <QObject>
#include <QTimer>
#include <functional>

class QSslSocket;
class QTcpSocket;

namespace talker::client {

/// Redeems an invite code once: connects to the account's server, sends `register`
/// and reports the new account and its token, or why not. A cluster link names
/// several nodes: an address that cannot be reached (refused, unknown host, no
/// answer to the connect within the per-address timeout) passes to the next one in
/// turn. Once `register` is sent there is no retry, since the node may have used the
/// invite. The caller keeps the token (the app puts it in its keychain).
///
///     auto *r = new InviteRedemption(config, this);
///     connect(r, &InviteRedemption::finished, this, [](InviteRedemption::Outcome o, ...) {});
///     r->start(code, QStringLiteral("carol"));
class InviteRedemption : public QObject
{
    Q_OBJECT

public:
    enum class Outcome { Registered, InvalidInvite, NameTaken, InvalidName, Failed };
    Q_ENUM(Outcome)

    explicit InviteRedemption(const AccountConfig &account, QObject *parent = nullptr);
    ~InviteRedemption() override;

    /// Hook called on the TLS socket before connecting (CA, pinning, errors).
    void setSslConfigurator(std::function<void(QSslSocket &)> configurator);
    /// How long the whole exchange may take (default 15 s).
    void setTimeoutMs(int ms) { m_timer.setInterval(ms); }
    /// How long one address may take to accept the connection (default 5 s).
    void setConnectTimeoutMs(int ms) { m_connectTimer.setInterval(ms); }

    /// Connects and sends `register`; finished() follows exactly once.
    void start(const QString &code, const QString &name);
    bool isRunning() const { return m_socket != nullptr; }

signals:
    /// `user` and `token` are set for Registered; `error` is a sentence for the user
    /// otherwise. The token is a secret: never log it.
    void finished(talker::client::InviteRedemption::Outcome outcome,
                  const talker::protocol::User &user, const QString &token, const QString &error);

private:
    /// Connects to m_addresses[m_next]; the next failure before `register` moves on.
    void connectNext();
    /// The current address failed before `register` went out: next one, or finish.
    void addressFailed(const QString &reason);
    void onReadyRead();
    void finish(Outcome outcome, const QString &error, const protocol::User &user = {},
                const QString &token = QString());

    AccountConfig m_account;
    std::function<void(QSslSocket &)> m_sslConfigurator;
    QTcpSocket *m_socket = nullptr;
    protocol::FrameDecoder m_decoder;
    QTimer m_timer;
    QTimer m_connectTimer;
    QByteArray m_request;
    QList<AccountConfig::Address> m_addresses;
    int m_next = 0;
    bool m_sent = false;
    QStringList m_failures; ///< "host:port: reason" for each address that failed
};

} // namespace talker::client
