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

namespace {

/// The app's options, as added to the parser.
struct Options
{
    QCommandLineOption help;
    QCommandLineOption version;
    QCommandLineOption connect;
    QCommandLineOption token;
    QCommandLineOption profile;
    QCommandLineOption hostLocal;
    QCommandLineOption noTls;
};

Options addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Talker: chat rooms, private messages and presence for small teams."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    Options o{
        help,
        version,
        QCommandLineOption(
            QStringLiteral("connect"),
            QCoreApplication::translate("main", "Join the room of LINK without dialogs."),
            QStringLiteral("talker://HOST:PORT/ROOM")),
        QCommandLineOption(QStringLiteral("token-file"),
                           QCoreApplication::translate(
                               "main", "Read the account token from FILE (with --connect)."),
                           QStringLiteral("FILE")),
        QCommandLineOption(
            QStringLiteral("profile"),
            QCoreApplication::translate("main", "Keep settings, cache and fallback tokens in DIR."),
            QStringLiteral("DIR")),
        QCommandLineOption(
            QStringLiteral("host-local"),
            QCoreApplication::translate(
                "main", "Host a local room: start a server inside the app on 127.0.0.1.")),
        QCommandLineOption(QStringLiteral("no-tls"),
                           QCoreApplication::translate(
                               "main", "Use plain TCP with --connect, even to remote hosts.")),
    };
    parser.addOptions({o.connect, o.token, o.profile, o.hostLocal, o.noTls});
    parser.addPositionalArgument(
        QStringLiteral("link"),
        QCoreApplication::translate("main", "A talker://HOST[:PORT]/ROOM link to open."),
        QStringLiteral("[link]"));
    return o;
}

/// Prints --help or --version when asked; true when it did.
bool printedHelpOrVersion(const QCommandLineParser &parser, const Options &o)
{
    if (parser.isSet(o.help)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return true;
    }
    if (parser.isSet(o.version)) {
        std::printf("%s %s\n", qPrintable(QCoreApplication::applicationName()),
                    qPrintable(QCoreApplication::applicationVersion()));
        return true;
    }
    return false;
}

/// The link of --connect or the one argument into `options`; the problem, or empty.
QString takeLink(const QCommandLineParser &parser, const Options &o, CommandLineOptions *options)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return QCoreApplication::translate("main", "Too many arguments: %1")
            .arg(positional.join(QLatin1Char(' ')));
    if (parser.isSet(o.connect) && !positional.isEmpty())
        return QCoreApplication::translate("main", "Give either --connect or a link, not both.");
    const QString linkText =
        parser.isSet(o.connect) ? parser.value(o.connect) : positional.value(0);
    if (!linkText.isEmpty()) {
        const TalkerLink link = TalkerLink::parse(linkText);
        if (!link.isValid())
            return link.error;
        options->connect = link;
    }
    return QString();
}

/// --token-file (with --connect, a readable file) into `options`; the problem, or empty.
QString takeTokenFile(const QCommandLineParser &parser, const Options &o,
                      CommandLineOptions *options)
{
    if (!parser.isSet(o.token))
        return QString();
    if (!parser.isSet(o.connect))
        return QCoreApplication::translate("main", "--token-file needs --connect.");
    const QFileInfo info(parser.value(o.token));
    if (!info.isFile() || !info.isReadable())
        return QCoreApplication::translate("main", "Cannot read the token file %1")
            .arg(QDir::toNativeSeparators(info.filePath()));
    options->tokenFile = info.absoluteFilePath();
    return QString();
}

} // namespace

CommandLineOptions CommandLineOptions::parse(const QStringList &arguments)
{
    CommandLineOptions options;
    QCommandLineParser parser;
    const Options o = addOptions(parser);
    const auto fail = [&options](const QString &message) {
        options.error = message;
        options.exitNow = true;
        options.exitCode = 2;
        return options;
    };
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (printedHelpOrVersion(parser, o)) {
        options.exitNow = true;
        return options;
    }
    if (const QString problem = takeLink(parser, o, &options); !problem.isEmpty())
        return fail(problem);
    options.hostLocal = parser.isSet(o.hostLocal);
    options.noTls = parser.isSet(o.noTls);
    if (options.hostLocal && options.connect)
        return fail(
            QCoreApplication::translate("main", "Give either --host-local or a link, not both."));
    if (const QString problem = takeTokenFile(parser, o, &options); !problem.isEmpty())
        return fail(problem);
    options.profileDir = parser.isSet(o.profile) ? QDir(parser.value(o.profile)).absolutePath()
                                                 : defaultProfileDir();
    return options;
}

} // namespace talker::app
