// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectinput.h"

#include "talkerlink.h"

#include "client/accountconfig.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>

namespace talker::app {

namespace {
// The context lupdate gives the tr() calls below (it files them under the enclosing
// class or namespace); tst_translations checks German is found under it.
QString tr(const char *text)
{
    return QCoreApplication::translate("talker::app::connectinput", text);
}

bool isHostLabel(const QString &label)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"));
    return pattern.match(label).hasMatch();
}
} // namespace

namespace connectinput {

namespace {

/// One host, without brackets: a host name, an IPv4 or an IPv6 address.
QString singleHostError(const QString &host)
{
    QHostAddress address;
    if (host.contains(QLatin1Char(':'))) {
        if (address.setAddress(host) && address.protocol() == QAbstractSocket::IPv6Protocol)
            return QString();
        return tr("\"%1\" is not a valid IPv6 address.").arg(host);
    }
    static const QRegularExpression numeric(QStringLiteral("^[0-9.]+$"));
    if (numeric.match(host).hasMatch()) {
        // Digits and dots only: it must be a complete IPv4 address.
        static const QRegularExpression quad(
            QStringLiteral("^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
                           "(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"));
        if (quad.match(host).hasMatch())
            return QString();
        return tr("\"%1\" is not a valid IPv4 address.").arg(host);
    }
    QString name = host;
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    if (name.size() > 253)
        return tr("The host name is too long.");
    const QStringList labels = name.split(QLatin1Char('.'));
    for (const QString &label : labels) {
        if (!isHostLabel(label))
            return tr("\"%1\" is not a valid host name.").arg(host);
    }
    return QString();
}

} // namespace

QString hostError(const QString &rawHost)
{
    const QString trimmed = rawHost.trimmed();
    if (trimmed.isEmpty())
        return tr("Enter the server's host name or address.");
    if (trimmed.contains(QLatin1String("://")))
        return tr("Enter only the host name, not a web address; or paste a talker:// link.");
    // A cluster may list several nodes: "h1:p1,h2:p2" (IPv6 in brackets).
    client::AccountConfig config;
    if (!config.setAddresses(trimmed, TalkerLink::DefaultPort))
        return tr("\"%1\" is not a valid address: use HOST, HOST:PORT or [IPv6]:PORT, several "
                  "separated by commas.")
            .arg(trimmed);
    const auto addresses = config.addresses();
    for (const auto &address : addresses) {
        const QString problem = singleHostError(address.host);
        if (!problem.isEmpty())
            return problem;
    }
    return QString();
}

QString portError(int port)
{
    if (port < 1 || port > 65535)
        return tr("The port is a number from 1 to 65535.");
    return QString();
}

QString roomError(const QString &rawRoom)
{
    const QString room = rawRoom.trimmed();
    if (room.isEmpty())
        return tr("Enter the room to join.");
    if (room.size() > 256)
        return tr("A room name is at most 256 characters.");
    if (room.contains(QLatin1Char('/')))
        return tr("A room name cannot contain \"/\".");
    for (const QChar c : room) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return tr("A room name cannot contain control or invisible characters.");
    }
    return QString();
}

} // namespace connectinput

ConnectInput::ConnectInput(QObject *parent)
    : QObject(parent)
{}

QString ConnectInput::hostError(const QString &host) const
{
    return connectinput::hostError(host);
}

QString ConnectInput::portError(int port) const
{
    return connectinput::portError(port);
}

QString ConnectInput::roomError(const QString &room) const
{
    return connectinput::roomError(room);
}

bool ConnectInput::isLink(const QString &text) const
{
    return text.trimmed().startsWith(QLatin1String("talker:"), Qt::CaseInsensitive);
}

QVariantMap ConnectInput::parseLink(const QString &text) const
{
    const TalkerLink link = TalkerLink::parse(text);
    if (!link.isValid())
        return {{QStringLiteral("error"), link.error}};
    QString error = connectinput::hostError(link.host);
    if (error.isEmpty())
        error = connectinput::roomError(link.room);
    if (!error.isEmpty())
        return {{QStringLiteral("error"), error}};
    // A cluster's link names several nodes: they all go into the host field.
    return {{QStringLiteral("host"), link.fallbacks.isEmpty() ? link.host : link.addressText()},
            {QStringLiteral("port"), int(link.port)},
            {QStringLiteral("room"), link.room},
            {QStringLiteral("invite"), link.invite}};
}

} // namespace talker::app
