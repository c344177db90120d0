// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// talker-loadclient: drives a Talker server, an MQTT broker or the ceiling server with
// many connections from one thread and prints figures. See bench/RESULTS.md.
#include "options.h"
#include "runs.h"

using namespace talker::bench;

int main(int argc, char **argv)
{
    Options o;
    if (!parseOptions(argc, argv, o)) {
        printUsage();
        return 64;
    }
    switch (o.mode) {
    case Mode::Fanout:
        return runFanout(o);
    case Mode::Latency:
        return runLatency(o);
    case Mode::Conns:
        return runConns(o);
    }
    return 64;
}
