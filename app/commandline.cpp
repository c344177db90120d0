// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <cstdio>

namespace talker::app {

QString CommandLineOptions::defaultProfileDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

CommandLineOptions CommandLineOptions::parse(const QStringList &arguments)
{
    CommandLineOptions options;
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Talker: chat rooms, private messages and presence for small teams."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption connectOption(
        QStringLiteral("connect"),
        QCoreApplication::translate("main", "Join the room of LINK without dialogs."),
        QStringLiteral("talker://HOST:PORT/ROOM"));
    const QCommandLineOption tokenOption(
        QStringLiteral("token-file"),
        QCoreApplication::translate("main", "Read the account token from FILE (with --connect)."),
        QStringLiteral("FILE"));
    const QCommandLineOption profileOption(
        QStringLiteral("profile"),
        QCoreApplication::translate("main", "Keep settings, cache and fallback tokens in DIR."),
        QStringLiteral("DIR"));
    const QCommandLineOption hostLocalOption(
        QStringLiteral("host-local"),
        QCoreApplication::translate(
            "main", "Host a local room: start a server inside the app on 127.0.0.1."));
    const QCommandLineOption noTlsOption(
        QStringLiteral("no-tls"),
        QCoreApplication::translate("main", "Use plain TCP with --connect, even to remote hosts."));
    parser.addOptions({connectOption, tokenOption, profileOption, hostLocalOption, noTlsOption});
    parser.addPositionalArgument(
        QStringLiteral("link"),
        QCoreApplication::translate("main", "A talker://HOST[:PORT]/ROOM link to open."),
        QStringLiteral("[link]"));

    auto fail = [&options](const QString &message) {
        options.error = message;
        options.exitNow = true;
        options.exitCode = 2;
        return options;
    };

    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(helpOption)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        options.exitNow = true;
        return options;
    }
    if (parser.isSet(versionOption)) {
        std::printf("%s %s\n", qPrintable(QCoreApplication::applicationName()),
                    qPrintable(QCoreApplication::applicationVersion()));
        options.exitNow = true;
        return options;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return fail(QCoreApplication::translate("main", "Too many arguments: %1")
                        .arg(positional.join(QLatin1Char(' '))));
    if (parser.isSet(connectOption) && !positional.isEmpty())
        return fail(
            QCoreApplication::translate("main", "Give either --connect or a link, not both."));
    const QString linkText =
        parser.isSet(connectOption) ? parser.value(connectOption) : positional.value(0);
    if (!linkText.isEmpty()) {
        const TalkerLink link = TalkerLink::parse(linkText);
        if (!link.isValid())
            return fail(link.error);
        options.connect = link;
    }
    options.hostLocal = parser.isSet(hostLocalOption);
    options.noTls = parser.isSet(noTlsOption);
    if (options.hostLocal && options.connect)
        return fail(
            QCoreApplication::translate("main", "Give either --host-local or a link, not both."));
    if (parser.isSet(tokenOption)) {
        if (!parser.isSet(connectOption))
            return fail(QCoreApplication::translate("main", "--token-file needs --connect."));
        const QFileInfo info(parser.value(tokenOption));
        if (!info.isFile() || !info.isReadable())
            return fail(QCoreApplication::translate("main", "Cannot read the token file %1")
                            .arg(QDir::toNativeSeparators(info.filePath())));
        options.tokenFile = info.absoluteFilePath();
    }
    options.profileDir = parser.isSet(profileOption)
                             ? QDir(parser.value(profileOption)).absolutePath()
                             : defaultProfileDir();
    return options;
}

} // namespace talker::app
