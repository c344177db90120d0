// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace talker::client {

/// Where and as whom an account connects. Never holds the token: the app hands the
/// token to Account::setToken() from its keychain.
struct AccountConfig
{
    QString id; ///< stable local key (file names, registry); made by the registry
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 8500;
    /// More nodes of the same server (a cluster), "HOST:PORT" each: a session that
    /// loses its node or cannot reach it tries the next address in turn.
    QStringList fallbacks;
    bool useTls = false;
    QString userName;    ///< the user's name, learnt from `connected` (mention detection)
    QString userId;      ///< the user's id, learnt from `connected` (own-message detection)
    QString displayName; ///< label of the account in the UI (defaults to user@host)

    /// "user@host:port", or displayName when set.
    QString label() const;

    struct Address
    {
        QString host;
        quint16 port = 8500;
    };
    /// host:port first, then the fallbacks.
    QList<Address> addresses() const;
    /// "h1:p1,h2:p2": every address as one text (the connect form's field).
    QString addressText() const;
    /// Parses "HOST[:PORT][,HOST[:PORT]...]" (IPv6 in brackets) into host, port and
    /// fallbacks; `defaultPort` for entries without one. False with `*error` on a bad entry.
    bool setAddresses(const QString &text, quint16 defaultPort, QString *error = nullptr);
};

} // namespace talker::client
