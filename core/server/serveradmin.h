// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "store/store.h"

#include <QString>
#include <QStringList>

namespace talker::server {

/// User and room administration on a store: what `talker-server user ...` does, and
/// what the desktop app's "Host a local room" needs (a user, a token, a demo room).
class ServerAdmin
{
public:
    /// `store` must outlive the admin (e.g. Server::store() after listen()).
    explicit ServerAdmin(store::Store *store);

    /// Creates a user under the name rules (protocol/username.h); returns the new
    /// token, empty on failure (see lastError()).
    QString addUser(const QString &name);
    /// Removes a user; false when there is no such user.
    bool removeUser(const QString &name);
    /// A new token for an existing user (the old one stops working); empty on failure.
    QString resetToken(const QString &name);
    /// All users.
    QList<store::UserRecord> users() const;
    /// Every known room name.
    QStringList rooms() const;

    /// Creates an invite for `uses` accounts valid for `validSecs`; returns its code,
    /// empty on failure.
    QString createInvite(const QString &room, int uses, qint64 validSecs);
    /// Every invite the store knows.
    QList<store::InviteRecord> invites() const;
    /// Revokes an invite by its code or its id; false when there is no such invite.
    bool revokeInvite(const QString &codeOrId);
    /// The link that redeems `code`: `talker://HOST:PORT/ROOM?invite=CODE`.
    static QString inviteLink(const QString &host, quint16 port, const QString &room,
                              const QString &code);
    /// This machine's first non-loopback address (IPv4 preferred), for links that
    /// people on the network can open; 127.0.0.1 when there is none.
    static QString lanAddress();

    /// Makes sure a room exists; when `welcome` is set and the room has no history yet,
    /// stores it as a first message from `author` (who must exist). Returns false on
    /// failure.
    bool createRoom(const QString &room, const QString &author = QString(),
                    const QString &welcome = QString());

    QString lastError() const { return m_error; }

private:
    store::Store *m_store;
    QString m_error;
};

} // namespace talker::server
