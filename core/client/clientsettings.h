// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

namespace talker::client {

/// Timings and limits of a Session. The defaults are the production values; tests
/// shorten the intervals.
struct SessionSettings
{
    int pingIntervalMs = 20000;               ///< a ping is sent this often while connected
    int deadLinkTimeoutMs = 20000;            ///< no traffic at all for this long -> reconnect
    int connectTimeoutMs = 15000;             ///< TCP + TLS + `connected` must finish within this
    int backoffInitialMs = 1000;              ///< first reconnect delay
    int backoffMaxMs = 30000;                 ///< reconnect delays never exceed this
    double backoffJitter = 0.2;               ///< +-20 % random spread on every delay
    int historyOnFirstJoin = 100;             ///< `history: N` when the room has no cached events
    qsizetype maxFrameSize = 4 * 1024 * 1024; ///< larger than the server's own limit
    int draftIntervalMs = 400;                ///< partial drafts are sent at most this often
    int maxSendAttempts = 3; ///< unconfirmed sends before a message is marked failed
};

} // namespace talker::client
