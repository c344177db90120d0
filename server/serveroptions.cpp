// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// talker-server's command line: the option table and how each option's value is
// checked and applied to the server's configuration.
#include "serveroptions.h"

#include "console.h"

#include <QDir>
#include <QStandardPaths>
#include <QThread>

using talker::server::ServerConfig;

namespace talker::server::cli {

namespace {

struct Option
{
    const char *name;
    const char *valueName;
    const char *help;
};

const Option kOptions[] = {
    {"listen", "host:port",
     "Address and port to listen on (default 0.0.0.0:8500; port 0 picks one)."},
    {"database", "path", "SQLite database file (default: talker.db in the user's data folder)."},
    {"idle-timeout", "seconds", "Silence before a user is idle (default 30)."},
    {"leave-timeout", "seconds", "Idle time before a user leaves (default 30)."},
    {"auth-timeout", "seconds", "Time a new connection has to authenticate (default 10)."},
    {"tls-cert", "file", "PEM certificate (chain): serve TLS."},
    {"tls-key", "file", "PEM private key for --tls-cert."},
    {"max-line-size", "bytes", "Largest accepted event (default 262144)."},
    {"replay-cap", "count",
     "Most events replayed on connect, sent in one history page or found by one search "
     "(default 500)."},
    {"max-connections-per-address", "count",
     "Concurrent connections per IP address (default 256, 0 = no limit)."},
    {"max-events-per-second", "rate",
     "Events per second per connection (default 100, 0 = no limit)."},
    {"event-burst", "count", "Events allowed at once above that rate (default 200)."},
    {"max-bytes-per-second", "bytes",
     "Bytes per second one user may send over all connections; beyond it the user is read "
     "later (default 1048576, 0 = no limit)."},
    {"byte-burst", "bytes", "Bytes one user may send at once above that rate (default 4194304)."},
    {"max-pending-input", "bytes",
     "Throttled input per connection before it is closed (default 1048576)."},
    {"max-pending-output", "bytes",
     "Unsent output before a slow reader is dropped (default 8388608, 0 = no limit)."},
    {"auth-failures", "count",
     "Failed tokens per address before attempts are slowed down (default 5)."},
    {"auth-failure-delay", "seconds",
     "First delay once slowed down; doubles each time (default 1)."},
    {"group-commit", "milliseconds|auto",
     "Under load, a room thread stores the messages that arrive within this time of its "
     "last write together, in one commit (default auto: half its recent mean commit time, "
     "at most 3; 0 = each at once)."},
    {"db-busy-timeout", "seconds",
     "How long a write waits for a locked database (default 5); messages are journaled meanwhile."},
    {"db-max-size", "bytes",
     "Largest database size; beyond it messages are refused as on a full disk (default: no "
     "limit)."},
    {"history-cap-events", "count",
     "Events each room keeps; the oldest are deleted beyond it (default 0 = keep all)."},
    {"history-cap-bytes", "bytes",
     "Bytes of history each room keeps; the oldest events are deleted beyond it (default "
     "0 = no limit)."},
    {"threads", "count",
     "Threads the rooms are spread over (default: one per CPU core, at most 8)."},
    {"cluster", "urls",
     "Cluster mode: nats://HOST:PORT[,nats://HOST:PORT...] of a NATS JetStream cluster that "
     "holds users, history and presence (no --database)."},
    {"node-name", "name", "Cluster mode: this node's unique name."},
    {"metrics", "host:port",
     "Serve Prometheus metrics (GET /metrics) and a health check (GET /healthz) here."},
    {"cluster-replicas", "count",
     "Cluster mode: NATS nodes storing each stream (default 3, or fewer URLs)."},
    {"room", "name", "invite create: the room the link opens (default Lobby)."},
    {"uses", "count", "invite create: accounts the invite can create (default 1)."},
    {"expires", "duration", "invite create: how long it is valid, e.g. 12h or 7d (default 7d)."},
    {"public-address", "host[:port]",
     "invite create: the address the link names (default: the --listen address, else this "
     "machine's first network address)."},
};

bool parseSeconds(const QString &text, qint64 *ms)
{
    bool ok = false;
    const double s = text.toDouble(&ok);
    if (!ok || s < 0 || s > 1e7)
        return false;
    *ms = qint64(s * 1000.0 + 0.5);
    return true;
}

bool parseCount(const QString &text, qint64 *value)
{
    bool ok = false;
    *value = text.toLongLong(&ok);
    return ok && *value >= 0;
}

bool parseListen(const QString &text, ServerConfig *config)
{
    const int colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon < 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return false;
    if (host.isEmpty() || host == QLatin1String("*"))
        config->address = QHostAddress::Any;
    else if (host == QLatin1String("localhost"))
        config->address = QHostAddress::LocalHost;
    else if (!config->address.setAddress(host))
        return false;
    config->port = quint16(port);
    return true;
}

bool invalidValue(const QString &name, const QString &value)
{
    err() << "talker-server: invalid value for --" << name << ": " << value << Qt::endl;
    return false;
}

/// --listen and --metrics.
bool applyAddresses(const QCommandLineParser &parser, ServerConfig *config)
{
    if (parser.isSet(QStringLiteral("listen")) &&
        !parseListen(parser.value(QStringLiteral("listen")), config))
        return invalidValue(QStringLiteral("listen"), parser.value(QStringLiteral("listen")));
    if (parser.isSet(QStringLiteral("metrics"))) {
        ServerConfig where;
        if (!parseListen(parser.value(QStringLiteral("metrics")), &where))
            return invalidValue(QStringLiteral("metrics"), parser.value(QStringLiteral("metrics")));
        config->metricsEnabled = true;
        config->metricsAddress = where.address;
        config->metricsPort = where.port;
    }
    return true;
}

/// The options given in seconds.
bool applyDurations(const QCommandLineParser &parser, ServerConfig *config)
{
    const struct
    {
        const char *name;
        qint64 *target;
    } durations[] = {
        {"idle-timeout", &config->idleTimeoutMs},
        {"leave-timeout", &config->leaveTimeoutMs},
        {"auth-timeout", &config->authTimeoutMs},
        {"auth-failure-delay", &config->authFailureDelayMs},
    };
    for (const auto &d : durations) {
        const QString name = QString::fromLatin1(d.name);
        if (parser.isSet(name) && !parseSeconds(parser.value(name), d.target))
            return invalidValue(name, parser.value(name));
    }
    return true;
}

/// The options that are counts of bytes, events or connections.
bool applyCounts(const QCommandLineParser &parser, ServerConfig *config)
{
    qint64 v = 0;
    const auto count = [&](const char *name, auto apply) {
        const QString key = QString::fromLatin1(name);
        if (!parser.isSet(key))
            return true;
        if (!parseCount(parser.value(key), &v))
            return invalidValue(key, parser.value(key));
        apply(v);
        return true;
    };
    return count("max-line-size", [&](qint64 x) { config->maxLineSize = qMax<qint64>(x, 64); }) &&
           count("replay-cap",
                 [&](qint64 x) { config->replayCap = int(qMin<qint64>(x, 1 << 20)); }) &&
           count("max-connections-per-address",
                 [&](qint64 x) {
                     config->maxConnectionsPerAddress = int(qMin<qint64>(x, 1 << 30));
                 }) &&
           count("event-burst",
                 [&](qint64 x) { config->eventBurst = int(qMin<qint64>(x, 1 << 30)); }) &&
           count("max-pending-input", [&](qint64 x) { config->maxPendingInput = x; }) &&
           count("max-bytes-per-second", [&](qint64 x) { config->maxBytesPerSecond = x; }) &&
           count("byte-burst", [&](qint64 x) { config->byteBurst = x; }) &&
           count("max-pending-output", [&](qint64 x) { config->maxPendingOutput = x; }) &&
           count("auth-failures",
                 [&](qint64 x) { config->authFailuresAllowed = int(qMin<qint64>(x, 1 << 30)); }) &&
           count("db-max-size", [&](qint64 x) { config->storeMaxSizeBytes = x; }) &&
           count("history-cap-events", [&](qint64 x) { config->historyCapEvents = x; }) &&
           count("history-cap-bytes", [&](qint64 x) { config->historyCapBytes = x; }) &&
           count("threads",
                 [&](qint64 x) { config->threads = int(qBound(qint64(1), x, qint64(64))); });
}

/// --max-events-per-second (a fraction is fine), --db-busy-timeout and --group-commit
/// (milliseconds or "auto").
bool applyRateAndStoreTiming(const QCommandLineParser &parser, ServerConfig *config)
{
    if (parser.isSet(QStringLiteral("group-commit"))) {
        const QString value = parser.value(QStringLiteral("group-commit"));
        qint64 windowMs = 0;
        if (value == QLatin1String("auto"))
            config->groupCommitMs = GroupCommitWindow::kAuto;
        else if (parseCount(value, &windowMs))
            config->groupCommitMs = qMin<qint64>(windowMs, 1000);
        else
            return invalidValue(QStringLiteral("group-commit"), value);
    }
    if (parser.isSet(QStringLiteral("max-events-per-second"))) {
        bool numberOk = false;
        const double rate =
            parser.value(QStringLiteral("max-events-per-second")).toDouble(&numberOk);
        if (!numberOk || rate < 0)
            return invalidValue(QStringLiteral("max-events-per-second"),
                                parser.value(QStringLiteral("max-events-per-second")));
        config->maxEventsPerSecond = rate;
    }
    qint64 busyMs = 0;
    if (parser.isSet(QStringLiteral("db-busy-timeout"))) {
        if (!parseSeconds(parser.value(QStringLiteral("db-busy-timeout")), &busyMs))
            return invalidValue(QStringLiteral("db-busy-timeout"),
                                parser.value(QStringLiteral("db-busy-timeout")));
        config->storeBusyTimeoutMs = int(qMin<qint64>(busyMs, 1 << 30));
    }
    return true;
}

} // namespace

/// Fills the config from the parsed options; prints the problem and returns false.
bool applyOptions(const QCommandLineParser &parser, ServerConfig *config)
{
    if (!applyAddresses(parser, config))
        return false;
    config->nodeName = parser.value(QStringLiteral("node-name"));
    if (!applyDurations(parser, config) || !applyCounts(parser, config) ||
        !applyRateAndStoreTiming(parser, config))
        return false;
    config->tlsCertificateFile = parser.value(QStringLiteral("tls-cert"));
    config->tlsKeyFile = parser.value(QStringLiteral("tls-key"));
    if (config->tlsCertificateFile.isEmpty() != config->tlsKeyFile.isEmpty()) {
        err() << "talker-server: --tls-cert and --tls-key go together" << Qt::endl;
        return false;
    }
    return true;
}

#ifdef TALKER_HAVE_CLUSTER
/// The cluster options, or an error printed and false.
bool clusterOptions(const QCommandLineParser &parser, const ServerConfig &config, bool serving,
                    talker::cluster::ClusterNode::Options *options)
{
    QString problem;
    if (!talker::cluster::ClusterNode::parseUrls(parser.value(QStringLiteral("cluster")),
                                                 &options->link.urls, &problem)) {
        err() << "talker-server: invalid value for --cluster: " << problem << Qt::endl;
        return false;
    }
    options->link.replicas = int(qMin<qsizetype>(3, options->link.urls.size()));
    if (parser.isSet(QStringLiteral("cluster-replicas"))) {
        bool ok = false;
        const int n = parser.value(QStringLiteral("cluster-replicas")).toInt(&ok);
        if (!ok || n < 1 || n > 5) {
            err() << "talker-server: invalid value for --cluster-replicas: "
                  << parser.value(QStringLiteral("cluster-replicas")) << " (1 to 5)" << Qt::endl;
            return false;
        }
        options->link.replicas = n;
    }
    options->bus.nodeName = parser.value(QStringLiteral("node-name"));
    if (serving && options->bus.nodeName.isEmpty()) {
        err() << "talker-server: --cluster needs --node-name NAME" << Qt::endl;
        return false;
    }
    options->bus.idleTimeoutMs = config.idleTimeoutMs;
    options->bus.leaveTimeoutMs = config.leaveTimeoutMs;
    return true;
}
#endif

void addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QStringLiteral(
        "The Talker chat server.\n\n"
        "Serve:   talker-server [--listen HOST:PORT] [--database PATH] [options]\n"
        "Users:   talker-server [--database PATH] user add|remove|reset-token NAME\n"
        "         talker-server [--database PATH] user list\n"
        "Invites: talker-server [--database PATH] invite create [--room ROOM] [--uses N]\n"
        "             [--expires DURATION] [--public-address HOST[:PORT]]\n"
        "         talker-server [--database PATH] invite list|revoke CODE|ID\n"
        "Cluster: talker-server --cluster nats://HOST:PORT[,...] --node-name NAME\n"
        "             --listen HOST:PORT [options]\n"
        "         talker-server --cluster URLS user add|remove|reset-token|list ...\n"
        "'user add' and 'user reset-token' print the new token as the last line,\n"
        "'invite create' the link talker://HOST:PORT/ROOM?invite=CODE."));
    parser.addHelpOption();
    parser.addVersionOption();
    for (const Option &o : kOptions) {
        parser.addOption(QCommandLineOption(QString::fromLatin1(o.name),
                                            QString::fromLatin1(o.help),
                                            QString::fromLatin1(o.valueName)));
    }
    parser.addPositionalArgument(
        QStringLiteral("command"),
        QStringLiteral("Optional: user add|list|remove|reset-token [NAME], or invite "
                       "create|list|revoke [CODE]."),
        QStringLiteral("[user ...|invite ...]"));
}

/// The defaults that depend on this machine, and the database path.
ServerConfig baseConfig(const QCommandLineParser &parser)
{
    ServerConfig config;
    config.address = QHostAddress::Any;
    config.threads = qBound(1, QThread::idealThreadCount(), 8);
    config.shortCpuSlices = true; // the process is the server's own
    config.databasePath = parser.value(QStringLiteral("database"));
    if (config.databasePath.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir().mkpath(dir);
        config.databasePath = QDir(dir).filePath(QStringLiteral("talker.db"));
    }
    return config;
}

} // namespace talker::server::cli
