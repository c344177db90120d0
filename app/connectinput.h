// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace talker::app {

/// Checks what the connect form takes, so that junk gets an inline error and never
/// becomes an account. Each returns an empty string when the value is fine, else a
/// sentence for the user.
namespace connectinput {
/// One or more nodes, "HOST[:PORT][,HOST[:PORT]...]", each a host name (RFC 1123
/// labels), an IPv4 address or an IPv6 address (in brackets when a port follows).
/// "127.0.0.1127.0.0.1" and "http://h" are refused.
QString hostError(const QString &host);
QString portError(int port);
/// 1 to 256 characters, no "/" and no control characters.
QString roomError(const QString &room);
} // namespace connectinput

/// The checks above for the views, as the `ConnectInput` singleton.
class ConnectInput : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(ConnectInput)
    QML_SINGLETON

public:
    explicit ConnectInput(QObject *parent = nullptr);

    Q_INVOKABLE QString hostError(const QString &host) const;
    Q_INVOKABLE QString portError(int port) const;
    Q_INVOKABLE QString roomError(const QString &room) const;
    /// A pasted talker:// link as {host, port, room, invite}, or {error}.
    Q_INVOKABLE QVariantMap parseLink(const QString &text) const;
    /// True when `text` looks like a link (the form then fills every field from it).
    Q_INVOKABLE bool isLink(const QString &text) const;
};

} // namespace talker::app
