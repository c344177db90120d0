// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/store.h"

#include <QString>
#include <QStringList>

/// The administration commands of `talker-server`: `user ...` and `invite ...`.
/// Each returns the process exit code (0 ok, 1 failed, 2 usage error).
namespace talker::server::cli {

/// What `invite create` takes from the command line's options.
struct InviteOptions
{
    QString room;          ///< --room (default "Lobby")
    QString uses;          ///< --uses (default 1)
    QString expires;       ///< --expires DURATION (default 7d)
    QString publicAddress; ///< --public-address HOST[:PORT]
    QString listen;        ///< --listen HOST:PORT, the fallback for the link's host
};

/// True for the first word of an admin command ("user", "invite").
bool isAdminCommand(const QString &word);
/// `user add|remove|reset-token NAME`, `user list`, `invite create|list`,
/// `invite revoke CODE|ID` on `store` (a cluster's, say).
int runAdminCommand(const QStringList &args, store::Store *store, const InviteOptions &options);
/// The same on the SQLite database at `databasePath`.
int runAdminCommand(const QStringList &args, const QString &databasePath,
                    const InviteOptions &options);

/// "90", "90s", "30m", "12h", "7d" as seconds; false for anything else.
bool parseDuration(const QString &text, qint64 *seconds);
/// The host and port an invite link names: --public-address, else the listen address
/// when it is a specific one, else this machine's first non-loopback address.
QString linkHost(const InviteOptions &options, quint16 *port);

} // namespace talker::server::cli
