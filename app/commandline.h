// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "talkerlink.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace talker::app {

/// What the command line asked for.
///
///     talker [talker://HOST[:PORT]/ROOM]
///     talker --connect talker://HOST:PORT/ROOM --token-file FILE [--profile DIR]
///     talker --host-local
struct CommandLineOptions
{
    std::optional<TalkerLink> connect; ///< --connect or a bare link argument
    QString tokenFile;                 ///< --token-file: the token's first line is read
    QString profileDir;                ///< --profile (empty: the user's default folder)
    bool hostLocal = false;            ///< --host-local
    bool noTls = false;                ///< --no-tls: plain TCP even to remote hosts
    bool exitNow = false;              ///< --help/--version printed, or an error
    int exitCode = 0;
    QString error; ///< a clear message when parsing failed

    /// Parses `arguments` (argv as a list, program name first). Prints --help and
    /// --version output itself; errors are left in `error` with exitCode 2.
    static CommandLineOptions parse(const QStringList &arguments);
    /// The default profile folder (the platform's app data location).
    static QString defaultProfileDir();
};

} // namespace talker::app
