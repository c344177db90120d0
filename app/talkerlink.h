// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace talker::app {

/// A parsed `talker://HOST[:PORT]/ROOM[?invite=CODE]` link. A cluster's link may name
/// several nodes, `talker://h1:p1,h2:p2/ROOM`: the first is host/port, the rest `fallbacks`.
///
///     const TalkerLink link = TalkerLink::parse(QStringLiteral("talker://chat.example.org/Main"));
///     if (!link.isValid())
///         showError(link.error());
struct TalkerLink
{
    /// The port used when a link names none (the protocol's default).
    static constexpr quint16 DefaultPort = 8500;

    QString host;
    quint16 port = DefaultPort;
    QString room;
    /// More nodes of the same server, "HOST:PORT" each (tried in turn).
    QStringList fallbacks;
    /// The invite code of an invite link (a secret: never log it), else empty.
    QString invite;
    /// Empty when the link is valid; otherwise a sentence for the user.
    QString error;

    bool isValid() const { return error.isEmpty(); }
    /// True for 127.0.0.0/8, ::1 and "localhost": TLS defaults to off for these.
    bool isLoopback() const;
    bool isInvite() const { return !invite.isEmpty(); }
    /// The canonical text form, `talker://host:port[,host:port...]/room` (room
    /// percent-encoded), with `?invite=CODE` for an invite link.
    QString toString() const;
    /// "host:port[,host:port...]": every node, for AccountRegistry::addServer().
    QString addressText() const;

    /// Parses a link; never throws. An invalid link carries a clear `error`.
    static TalkerLink parse(const QString &text);
    /// True when `host` names the local machine (see isLoopback()).
    static bool isLoopbackHost(const QString &host);
};

} // namespace talker::app
