// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "talkerlink.h"

#include "client/accountconfig.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QUrlQuery>

namespace talker::app {

namespace {
// The context lupdate gives the tr() calls below (it files them under the enclosing
// class or namespace); tst_translations checks German is found under it.
QString tr(const char *text)
{
    return QCoreApplication::translate("talker::app::TalkerLink", text);
}
} // namespace

bool TalkerLink::isLoopback() const
{
    return isLoopbackHost(host);
}

bool TalkerLink::isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress address;
    return address.setAddress(host) && address.isLoopback();
}

QString TalkerLink::toString() const
{
    QUrl url;
    url.setScheme(QStringLiteral("talker"));
    url.setHost(host);
    url.setPort(port);
    url.setPath(QLatin1Char('/') + room);
    if (!invite.isEmpty())
        url.setQuery(QUrlQuery{{QStringLiteral("invite"), invite}});
    QString text = url.toString(QUrl::FullyEncoded);
    if (!fallbacks.isEmpty()) {
        const int authorityEnd = text.indexOf(QLatin1Char('/'), 9);
        text.insert(authorityEnd, QLatin1Char(',') + fallbacks.join(QLatin1Char(',')));
    }
    return text;
}

QString TalkerLink::addressText() const
{
    client::AccountConfig c;
    c.host = host;
    c.port = port;
    c.fallbacks = fallbacks;
    return c.addressText();
}

TalkerLink TalkerLink::parse(const QString &text)
{
    TalkerLink link;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        link.error = tr("The link is empty.");
        return link;
    }
    if (!trimmed.startsWith(QLatin1String("talker://"), Qt::CaseInsensitive)) {
        link.error = tr("\"%1\" is not a Talker link: it must start with talker://").arg(trimmed);
        return link;
    }
    // Several nodes: the first goes through QUrl below, the others are checked here.
    QString single = trimmed;
    QStringList fallbacks;
    const int authorityEnd = trimmed.indexOf(QLatin1Char('/'), 9);
    const QString authority = trimmed.mid(9, authorityEnd < 0 ? -1 : authorityEnd - 9);
    if (authority.contains(QLatin1Char(','))) {
        client::AccountConfig nodes;
        QString problem;
        if (!nodes.setAddresses(authority, DefaultPort, &problem)) {
            link.error = tr("The link \"%1\" names an invalid server: %2").arg(trimmed, problem);
            return link;
        }
        fallbacks = nodes.fallbacks;
        single = QStringLiteral("talker://") + authority.section(QLatin1Char(','), 0, 0) +
                 (authorityEnd < 0 ? QString() : trimmed.mid(authorityEnd));
    }
    const QUrl url(single, QUrl::StrictMode);
    if (!url.isValid()) {
        link.error = tr("\"%1\" is not a valid link: %2").arg(trimmed, url.errorString());
        return link;
    }
    if (url.host().isEmpty()) {
        link.error =
            tr("The link \"%1\" names no server: use talker://HOST[:PORT]/ROOM").arg(trimmed);
        return link;
    }
    if (!url.userInfo().isEmpty()) {
        link.error = tr("The link \"%1\" must not carry a user name or password").arg(trimmed);
        return link;
    }
    const int port = url.port(DefaultPort);
    if (port <= 0 || port > 65535) {
        link.error = tr("The link \"%1\" has an invalid port").arg(trimmed);
        return link;
    }
    QString room = url.path(QUrl::FullyDecoded);
    while (room.startsWith(QLatin1Char('/')))
        room.remove(0, 1);
    if (room.endsWith(QLatin1Char('/')))
        room.chop(1);
    if (room.isEmpty()) {
        link.error =
            tr("The link \"%1\" names no room: use talker://HOST[:PORT]/ROOM").arg(trimmed);
        return link;
    }
    if (room.contains(QLatin1Char('/'))) {
        link.error = tr("The room name in \"%1\" must not contain \"/\"").arg(trimmed);
        return link;
    }
    link.host = url.host();
    link.port = static_cast<quint16>(port);
    link.fallbacks = fallbacks;
    link.room = room;
    link.invite = QUrlQuery(url).queryItemValue(QStringLiteral("invite"), QUrl::FullyDecoded);
    return link;
}

} // namespace talker::app
