// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// Session timings for client tests against a real server on loopback: quick pings and
// short dead-link, connect and backoff times, so that a reconnect case takes a second,
// not half a minute. Header only: the client tests link the client core, the support
// library does not.
#pragma once

#include "client/clientsettings.h"

namespace talker::test {

inline client::SessionSettings fastSessionSettings()
{
    client::SessionSettings s;
    s.pingIntervalMs = 300;
    s.deadLinkTimeoutMs = 3000;
    s.connectTimeoutMs = 3000;
    s.backoffInitialMs = 50;
    s.backoffMaxMs = 300;
    return s;
}

} // namespace talker::test
