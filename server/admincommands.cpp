// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "admincommands.h"

#include "console.h"

#include "server/serveradmin.h"
#include "store/sqlitestore.h"

#include <QDateTime>
#include <QHostAddress>
#include <QTextStream>

namespace talker::server::cli {

namespace {

constexpr quint16 kDefaultPort = 8500;
constexpr qint64 kDefaultValidSecs = 7 * 24 * 3600;

bool openStore(talker::store::SqliteStore *store, const QString &databasePath)
{
    if (store->open(databasePath))
        return true;
    err() << "talker-server: cannot open database " << databasePath << ": " << store->lastError()
          << Qt::endl;
    return false;
}

/// Splits "HOST[:PORT]" or "[V6]:PORT"; keeps *port when none is given.
bool splitHostPort(const QString &text, QString *host, quint16 *port)
{
    QString h = text;
    QString p;
    if (h.startsWith(QLatin1Char('['))) {
        const int close = h.indexOf(QLatin1Char(']'));
        if (close < 0)
            return false;
        p = h.mid(close + 1);
        h = h.mid(1, close - 1);
        if (!p.isEmpty() && !p.startsWith(QLatin1Char(':')))
            return false;
        p = p.mid(1);
    } else if (h.count(QLatin1Char(':')) == 1) {
        p = h.section(QLatin1Char(':'), 1);
        h = h.section(QLatin1Char(':'), 0, 0);
    }
    if (!p.isEmpty()) {
        bool ok = false;
        const uint value = p.toUInt(&ok);
        if (!ok || value == 0 || value > 65535)
            return false;
        *port = quint16(value);
    }
    *host = h;
    return true;
}

QString inviteState(const talker::store::InviteRecord &invite, qint64 now)
{
    if (invite.revoked)
        return QStringLiteral("revoked");
    if (invite.used >= invite.uses)
        return QStringLiteral("used up");
    if (now >= invite.expires)
        return QStringLiteral("expired");
    return QStringLiteral("active");
}

int createInvite(ServerAdmin &admin, const InviteOptions &options)
{
    qint64 validSecs = kDefaultValidSecs;
    if (!options.expires.isEmpty() && !parseDuration(options.expires, &validSecs)) {
        err() << "talker-server: invalid value for --expires: " << options.expires
              << " (use e.g. 90s, 30m, 12h or 7d)" << Qt::endl;
        return 2;
    }
    int uses = 1;
    if (!options.uses.isEmpty()) {
        bool ok = false;
        uses = options.uses.toInt(&ok);
        if (!ok || uses < 1 || uses > 1000000) {
            err() << "talker-server: invalid value for --uses: " << options.uses << Qt::endl;
            return 2;
        }
    }
    quint16 port = kDefaultPort;
    const QString host = linkHost(options, &port);
    if (host.isEmpty()) {
        err() << "talker-server: invalid value for --public-address: " << options.publicAddress
              << Qt::endl;
        return 2;
    }
    const QString room = options.room.isEmpty() ? QStringLiteral("Lobby") : options.room;
    const QString code = admin.createInvite(room, uses, validSecs);
    if (code.isEmpty()) {
        err() << "talker-server: " << admin.lastError() << Qt::endl;
        return 1;
    }
    const QDateTime expires = QDateTime::currentDateTimeUtc().addSecs(validSecs);
    out() << "invite for room " << room << ", " << uses << (uses == 1 ? " use" : " uses")
          << ", valid until " << expires.toString(Qt::ISODate) << "; link:" << Qt::endl
          << ServerAdmin::inviteLink(host, port, room, code) << Qt::endl;
    return 0;
}

void listInvites(const ServerAdmin &admin)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    out() << "id\troom\tused\texpires\tstate" << Qt::endl;
    for (const auto &invite : admin.invites()) {
        out() << invite.id << '\t' << invite.room << '\t' << invite.used << '/' << invite.uses
              << '\t'
              << QDateTime::fromSecsSinceEpoch(invite.expires, Qt::UTC).toString(Qt::ISODate)
              << '\t' << inviteState(invite, now) << Qt::endl;
    }
}

} // namespace

bool parseDuration(const QString &text, qint64 *seconds)
{
    static const struct
    {
        char suffix;
        qint64 factor;
    } units[] = {{'s', 1}, {'m', 60}, {'h', 3600}, {'d', 86400}};
    QString number = text.trimmed();
    qint64 factor = 1;
    for (const auto &unit : units) {
        if (number.endsWith(QLatin1Char(unit.suffix))) {
            number.chop(1);
            factor = unit.factor;
            break;
        }
    }
    bool ok = false;
    const qint64 value = number.toLongLong(&ok);
    if (!ok || value <= 0 || value > 3650LL * 86400 / factor)
        return false;
    *seconds = value * factor;
    return true;
}

QString linkHost(const InviteOptions &options, quint16 *port)
{
    QString listenHost;
    if (!options.listen.isEmpty())
        splitHostPort(options.listen, &listenHost, port);
    if (!options.publicAddress.isEmpty()) {
        QString host;
        if (!splitHostPort(options.publicAddress, &host, port) || host.isEmpty())
            return QString();
        return host;
    }
    const QHostAddress address(listenHost);
    const bool wildcard = listenHost.isEmpty() || listenHost == QLatin1String("*") ||
                          address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6 ||
                          address == QHostAddress::Any;
    return wildcard ? ServerAdmin::lanAddress() : listenHost;
}

namespace {

int runUserCommand(const QStringList &args, store::Store *store)
{
    ServerAdmin admin(store);
    const QString verb = args.value(1);
    const QString name = args.value(2);
    const auto needName = [&] {
        if (name.isEmpty() || args.size() != 3) {
            err() << "talker-server: usage: user " << verb << " NAME" << Qt::endl;
            return false;
        }
        return true;
    };
    // "LABEL:" and the token on the next line, or the admin's error.
    const auto printToken = [&](const QString &token, const QString &label) {
        if (token.isEmpty()) {
            err() << "talker-server: " << admin.lastError() << Qt::endl;
            return 1;
        }
        out() << label << ":" << Qt::endl << token << Qt::endl;
        return 0;
    };
    if (verb == QLatin1String("add")) {
        if (!needName())
            return 2;
        return printToken(admin.addUser(name), QStringLiteral("created user %1; token").arg(name));
    }
    if (verb == QLatin1String("reset-token")) {
        if (!needName())
            return 2;
        return printToken(admin.resetToken(name), QStringLiteral("new token for %1").arg(name));
    }
    if (verb == QLatin1String("remove")) {
        if (!needName())
            return 2;
        if (!admin.removeUser(name)) {
            err() << "talker-server: " << admin.lastError() << Qt::endl;
            return 1;
        }
        out() << "removed user " << name << Qt::endl;
        return 0;
    }
    if (verb == QLatin1String("list") && args.size() == 2) {
        for (const auto &user : admin.users())
            out() << user.id << '\t' << user.name << Qt::endl;
        return 0;
    }
    err() << "talker-server: usage: user add|remove|reset-token NAME, or user list" << Qt::endl;
    return 2;
}

int runInviteCommand(const QStringList &args, store::Store *store, const InviteOptions &options)
{
    const QString verb = args.value(1);
    const bool known = (verb == QLatin1String("create") && args.size() == 2) ||
                       (verb == QLatin1String("list") && args.size() == 2) ||
                       (verb == QLatin1String("revoke") && args.size() == 3);
    if (!known) {
        err() << "talker-server: usage: invite create [--room ROOM] [--uses N] [--expires "
                 "DURATION] [--public-address HOST[:PORT]], invite list, invite revoke CODE|ID"
              << Qt::endl;
        return 2;
    }
    ServerAdmin admin(store);
    if (verb == QLatin1String("create"))
        return createInvite(admin, options);
    if (verb == QLatin1String("list")) {
        listInvites(admin);
        return 0;
    }
    if (!admin.revokeInvite(args.value(2))) {
        err() << "talker-server: " << admin.lastError() << Qt::endl;
        return 1;
    }
    out() << "revoked invite" << Qt::endl;
    return 0;
}

} // namespace

bool isAdminCommand(const QString &word)
{
    return word == QLatin1String("user") || word == QLatin1String("invite");
}

int runAdminCommand(const QStringList &args, store::Store *store, const InviteOptions &options)
{
    if (args.value(0) == QLatin1String("invite"))
        return runInviteCommand(args, store, options);
    return runUserCommand(args, store);
}

int runAdminCommand(const QStringList &args, const QString &databasePath,
                    const InviteOptions &options)
{
    talker::store::SqliteStore store;
    if (!openStore(&store, databasePath))
        return 1;
    return runAdminCommand(args, &store, options);
}

} // namespace talker::server::cli
