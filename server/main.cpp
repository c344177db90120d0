// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// talker-server: the Talker chat server. All logic lives in core/server; this file
// handles signals and starts the server or an admin command (admincommands.cpp) as
// the command line (serveroptions.cpp) says.
#include "admincommands.h"
#include "console.h"
#include "server/server.h"
#include "serveroptions.h"
#ifdef TALKER_HAVE_CLUSTER
#include "cluster/clusternode.h"
#endif

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#ifdef Q_OS_UNIX
#include <unistd.h>
#else
#include <QTimer>
#include <atomic>
#endif

using talker::server::ServerConfig;
using namespace talker::server::cli;

namespace {

#ifdef Q_OS_UNIX
int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(signalPipe[1], &c, 1);
}

/// SIGINT/SIGTERM quit the event loop (through a self-pipe: async-signal-safe).
void installSignalHandlers(QCoreApplication *app)
{
    if (::pipe(signalPipe) == 0) {
        auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, app);
        QObject::connect(notifier, &QSocketNotifier::activated, app, [] {
            char c;
            [[maybe_unused]] const auto n = ::read(signalPipe[0], &c, 1);
            QCoreApplication::quit();
        });
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }
    std::signal(SIGPIPE, SIG_IGN);
}
#else
std::atomic<bool> quitRequested{false};

void onSignal(int)
{
    quitRequested = true;
}

/// SIGINT/SIGTERM set a flag that a timer turns into a clean quit.
void installSignalHandlers(QCoreApplication *app)
{
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    auto *poll = new QTimer(app);
    QObject::connect(poll, &QTimer::timeout, app, [] {
        if (quitRequested)
            QCoreApplication::quit();
    });
    poll->start(200);
}
#endif

/// Exit code 2 with the reason printed when the command line asks for what this
/// build or talker-server cannot do; else -1.
int unsupportedRequest(const QStringList &args, bool cluster)
{
#ifndef TALKER_HAVE_CLUSTER
    if (cluster) {
        err() << "talker-server: built without cluster mode (the NATS C client, libnats-dev, "
                 "was missing at build time)"
              << Qt::endl;
        return 2;
    }
#else
    Q_UNUSED(cluster)
#endif
    if (!args.isEmpty() && !talker::server::cli::isAdminCommand(args.first())) {
        err() << "talker-server: unknown command " << args.first() << " (see --help)" << Qt::endl;
        return 2;
    }
    return -1;
}

#ifdef TALKER_HAVE_CLUSTER
/// Opens the cluster node and runs a user command on it; -1 when the node is ready
/// to serve, else the exit code.
int openCluster(const QCommandLineParser &parser, const QStringList &args,
                const talker::server::cli::InviteOptions &inviteOptions, ServerConfig *config,
                talker::cluster::ClusterNode *node)
{
    talker::cluster::ClusterNode::Options options;
    if (!clusterOptions(parser, *config, args.isEmpty(), &options))
        return 2;
    // A node waits for NATS (logging why); a user command fails at once.
    if (!node->open(options, args.isEmpty())) {
        err() << "talker-server: cannot reach NATS: " << node->lastError() << Qt::endl;
        return 1;
    }
    if (!args.isEmpty())
        return talker::server::cli::runAdminCommand(args, node->store(), inviteOptions);
    config->threads = 1; // the bus gives the order; one event loop follows it
    return -1;
}
#endif

/// Listens (on the cluster's bus when given) and runs until a signal quits.
int serve(QCoreApplication &app, const ServerConfig &config, talker::server::RoomBus *bus)
{
    installSignalHandlers(&app);

    talker::server::Server server(config);
    if (bus)
        server.setBus(bus);
    if (!server.listen()) {
        err() << "talker-server: " << server.errorString() << Qt::endl;
        return 1;
    }
    QString host = server.address().toString();
    if (server.address().protocol() == QAbstractSocket::IPv6Protocol)
        host = QLatin1Char('[') + host + QLatin1Char(']');
    if (config.metricsEnabled)
        out() << "metrics on " << config.metricsAddress.toString() << ':' << server.metricsPort()
              << Qt::endl;
    out() << "listening on " << host << ':' << server.port() << Qt::endl;

    const int code = app.exec();
    server.close();
    qInfo("talker-server stopped");
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("talker-server"));
    QCoreApplication::setOrganizationName(QStringLiteral("Talker"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TALKER_VERSION));
    qSetMessagePattern(
        QStringLiteral("%{time yyyy-MM-ddTHH:mm:ss.zzz} %{type} %{category}: %{message}"));

    QCommandLineParser parser;
    addOptions(parser);
    parser.process(app);

    ServerConfig config = baseConfig(parser);
    const QStringList args = parser.positionalArguments();
    const bool cluster = parser.isSet(QStringLiteral("cluster"));
    if (const int code = unsupportedRequest(args, cluster); code >= 0)
        return code;
    const auto value = [&](const char *name) {
        return parser.value(QString::fromLatin1(name));
    };
    const talker::server::cli::InviteOptions inviteOptions{
        value("room"), value("uses"), value("expires"), value("public-address"), value("listen")};
    if (!args.isEmpty() && !cluster)
        return talker::server::cli::runAdminCommand(args, config.databasePath, inviteOptions);

    if (!applyOptions(parser, &config))
        return 2;

#ifdef TALKER_HAVE_CLUSTER
    talker::cluster::ClusterNode node;
    if (cluster) {
        if (const int code = openCluster(parser, args, inviteOptions, &config, &node); code >= 0)
            return code;
    }
    return serve(app, config, cluster ? node.bus() : nullptr);
#else
    return serve(app, config, nullptr);
#endif
}
