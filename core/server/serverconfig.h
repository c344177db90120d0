// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "server/groupcommitwindow.h"

#include <QHostAddress>
#include <QString>

namespace talker::server {

/// Everything a Server needs to run. Durations are in milliseconds; a limit of 0
/// switches that limit off.
struct ServerConfig
{
    QHostAddress address = QHostAddress::LocalHost; ///< where to listen
    quint16 port = 8500;                            ///< 0 picks a free port
    QString databasePath;                           ///< SQLite file (created if missing)

    qint64 idleTimeoutMs = 30000;  ///< silence (no event, not even a ping) before `idle`
    qint64 leaveTimeoutMs = 30000; ///< idle time before `leave`
    qint64 authTimeoutMs = 10000;  ///< a connection must authenticate within this time

    qsizetype maxLineSize = 256 * 1024; ///< bigger events get "Event too large"
    int replayCap = 500;                ///< most events replayed on connect

    int maxConnectionsPerAddress = 256;           ///< concurrent connections from one IP
    double maxEventsPerSecond = 100;              ///< sustained rate per connection
    int eventBurst = 200;                         ///< events allowed at once above the rate
    qint64 maxBytesPerSecond = 1024 * 1024;       ///< sustained bytes per user (0 = no limit)
    qint64 byteBurst = 4 * 1024 * 1024;           ///< bytes per user at once above that rate
    qsizetype maxPendingInput = 1024 * 1024;      ///< throttled backlog before disconnecting
    qsizetype maxPendingOutput = 8 * 1024 * 1024; ///< unsent bytes before a slow reader is dropped
    int authFailuresAllowed = 5;                  ///< failed tokens per address before slowing down
    qint64 authFailureDelayMs = 1000;             ///< first delay after that; doubles, max 30 s
    qint64 authFailureWindowMs = 60000;           ///< failures older than this are forgotten

    /// Event loops (threads) the rooms are spread over; 1 runs everything on the
    /// caller's thread. Each room lives in exactly one of them.
    int threads = 1;
    /// Room threads ask the kernel for short CPU slices (cpuslice.h). talker-server
    /// does; a server inside another program (the app's local room) leaves its
    /// threads as they are.
    bool shortCpuSlices = false;

    /// A busy room thread commits at most once per this many milliseconds, what came
    /// meanwhile together (0: at the end of every pass of its event loop; kAuto: half
    /// its recent mean commit time, at most 3 ms).
    qint64 groupCommitMs = GroupCommitWindow::kAuto;
    int storeBusyTimeoutMs = 5000; ///< how long a write waits for a locked database
    qint64 storeMaxSizeBytes = 0;  ///< cap on the database size (0 = none)
    qint64 historyCapEvents = 0;   ///< events each room keeps, the oldest pruned (0 = all)
    qint64 historyCapBytes = 0;    ///< bytes of lines each room keeps (0 = no limit)

    /// `--metrics`: where GET /metrics and /healthz are served (port 0 picks one);
    /// off unless metricsEnabled.
    bool metricsEnabled = false;
    QHostAddress metricsAddress = QHostAddress::LocalHost;
    quint16 metricsPort = 0;
    QString nodeName; ///< cluster mode: labels the metrics

    QString tlsCertificateFile; ///< PEM; TLS is on when both files are set
    QString tlsKeyFile;         ///< PEM private key
    bool useTls() const { return !tlsCertificateFile.isEmpty() && !tlsKeyFile.isEmpty(); }
};

} // namespace talker::server
