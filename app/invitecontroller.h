// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "talkerlink.h"

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace talker::client {
class InviteRedemption;
}

namespace talker::app {

class Controller;

/// Joining through an invite link: "Join ROOM on HOST" with one button. Redeeming
/// creates the account on the server, its token goes to the keychain (through
/// Connector::applyToken) and the room opens. A used or expired invite says so
/// and offers the regular connect form, prefilled. The views bind to it as the
/// `Invites` singleton.
class InviteController : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Invites)
    QML_SINGLETON
    Q_PROPERTY(bool pending READ pending NOTIFY changed)
    Q_PROPERTY(QString host READ host NOTIFY changed)
    Q_PROPERTY(int port READ port NOTIFY changed)
    Q_PROPERTY(QString room READ room NOTIFY changed)
    Q_PROPERTY(QString suggestedName READ suggestedName NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)
    Q_PROPERTY(bool inviteUsed READ inviteUsed NOTIFY changed)

public:
    explicit InviteController(Controller *app, QObject *parent = nullptr);
    ~InviteController() override;

    static void setInstance(InviteController *controller);
    static InviteController *create(QQmlEngine *, QJSEngine *);

    bool pending() const { return m_link.isInvite(); }
    QString host() const { return m_link.host; }
    int port() const { return m_link.port; }
    QString room() const { return m_link.room; }
    QString suggestedName() const { return m_suggestedName; }
    bool busy() const;
    QString error() const { return m_error; }
    bool inviteUsed() const { return m_used; }

    /// Shows the join prompt when `text` is an invite link; false for anything else
    /// (the caller then opens it as a plain link).
    Q_INVOKABLE bool offer(const QString &text);
    /// Redeems the pending invite as `name`; the room opens when it worked.
    Q_INVOKABLE void join(const QString &name);
    /// Closes the prompt.
    Q_INVOKABLE void cancel();

    /// The name the prompt starts with: the user's name on that server, else the
    /// system user name.
    QString nameFor(const QString &host, quint16 port) const;
    /// Links that name a host use TLS; links with a bare IP address (the embedded
    /// server's, on the LAN) or loopback use plain TCP.
    static bool useTlsFor(const QString &host);

signals:
    void changed();
    /// The account exists and its room is open.
    void joined(const QString &room);

private:
    void finishJoin(int outcome, const QString &userId, const QString &userName,
                    const QString &token, const QString &error);

    Controller *m_app;
    TalkerLink m_link;
    QString m_suggestedName;
    QString m_error;
    QString m_joiningName;
    bool m_used = false;
    QPointer<client::InviteRedemption> m_redemption;
};

} // namespace talker::app
