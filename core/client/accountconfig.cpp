// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "client/accountconfig.h"

namespace talker::client {

QString AccountConfig::label() const
{
    if (!displayName.isEmpty())
        return displayName;
    const QString server = host + QLatin1Char(':') + QString::number(port);
    return userName.isEmpty() ? server : userName + QLatin1Char('@') + server;
}

namespace {

bool parseAddress(const QString &text, quint16 defaultPort, AccountConfig::Address *out)
{
    const QString t = text.trimmed();
    QString host = t;
    QString port;
    if (t.startsWith(QLatin1Char('['))) { // [v6]:port
        const int close = t.indexOf(QLatin1Char(']'));
        if (close < 0)
            return false;
        host = t.mid(1, close - 1);
        if (close + 1 < t.size()) {
            if (t.at(close + 1) != QLatin1Char(':'))
                return false;
            port = t.mid(close + 2);
        }
    } else if (t.count(QLatin1Char(':')) == 1) {
        host = t.section(QLatin1Char(':'), 0, 0);
        port = t.section(QLatin1Char(':'), 1);
    }
    if (host.isEmpty() || host.contains(QLatin1Char(' ')) || host.contains(QLatin1Char('/')))
        return false;
    out->host = host;
    out->port = defaultPort;
    if (!port.isNull()) {
        bool ok = false;
        const uint p = port.toUInt(&ok);
        if (!ok || p == 0 || p > 65535)
            return false;
        out->port = quint16(p);
    }
    return true;
}

} // namespace

QList<AccountConfig::Address> AccountConfig::addresses() const
{
    QList<Address> out{Address{host, port}};
    for (const QString &f : fallbacks) {
        Address a;
        if (parseAddress(f, 8500, &a))
            out.append(a);
    }
    return out;
}

QString AccountConfig::addressText() const
{
    QStringList parts;
    for (const Address &a : addresses()) {
        const QString h = a.host.contains(QLatin1Char(':'))
                              ? QLatin1Char('[') + a.host + QLatin1Char(']')
                              : a.host;
        parts.append(h + QLatin1Char(':') + QString::number(a.port));
    }
    return parts.join(QLatin1Char(','));
}

bool AccountConfig::setAddresses(const QString &text, quint16 defaultPort, QString *error)
{
    QList<Address> parsed;
    const QStringList entries = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &entry : entries) {
        Address a;
        if (!parseAddress(entry, defaultPort, &a)) {
            if (error)
                *error = QStringLiteral("\"%1\" is not HOST or HOST:PORT").arg(entry.trimmed());
            return false;
        }
        parsed.append(a);
    }
    if (parsed.isEmpty()) {
        if (error)
            *error = QStringLiteral("no server address");
        return false;
    }
    host = parsed.first().host;
    port = parsed.first().port;
    fallbacks.clear();
    for (qsizetype i = 1; i < parsed.size(); ++i) {
        const Address &a = parsed.at(i);
        const QString h = a.host.contains(QLatin1Char(':'))
                              ? QLatin1Char('[') + a.host + QLatin1Char(']')
                              : a.host;
        fallbacks.append(h + QLatin1Char(':') + QString::number(a.port));
    }
    return true;
}

} // namespace talker::client
