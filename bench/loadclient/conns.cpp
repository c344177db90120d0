// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// Connections: opens many, then measures the server's memory per connection and its CPU
// while every connection pings.
#include "runs.h"

#include <cstdio>

namespace talker::bench {

int runConns(const Options &o)
{
    Engine e(o);
    for (int i = 0; i < o.subs; ++i)
        e.addConn(static_cast<std::uint16_t>(i % o.rooms), false);
    const long rssEmpty = serversRssKib(o);
    const std::uint64_t t0 = nowNs();
    const bool ok = e.connectAll(o.timeout / 2);
    const double connectS = seconds(t0, nowNs());
    int ready = 0;
    for (const Conn &c : e.conns())
        ready += c.state == Conn::Ready;
    // Settle, then measure one idle window with every connection pinging.
    const std::uint64_t settle = nowNs();
    while (seconds(settle, nowNs()) < 3)
        e.poll(50);
    const long rssFull = serversRssKib(o);
    const double cpu0 = serversCpuSeconds(o);
    const std::uint64_t i0 = nowNs();
    while (seconds(i0, nowNs()) < o.idleSeconds)
        e.poll(50);
    const double idleS = seconds(i0, nowNs());
    const double cpuPct = (serversCpuSeconds(o) - cpu0) / idleS * 100;
    ready = 0;
    for (const Conn &c : e.conns())
        ready += c.state == Conn::Ready;
    const double perConn = ready ? static_cast<double>(rssFull - rssEmpty) * 1024.0 / ready : 0;
    std::printf("connections %s: %d of %d ready after %.1f s; server RSS empty %ld KiB, with "
                "connections %ld KiB = %.0f bytes (%.2f KiB) per connection; idle CPU %.2f%% of "
                "one core over %.0f s (pings every %.0f s); errors %llu, closed %llu\n",
                protoName(o), ready, o.subs, connectS, rssEmpty, rssFull, perConn, perConn / 1024,
                cpuPct, idleS, o.pingInterval, static_cast<unsigned long long>(e.stats().errors),
                static_cast<unsigned long long>(e.stats().closed));
    std::printf("RESULT mode=conns proto=%s conns=%d ready=%d connect_s=%.1f rss_empty_kib=%ld "
                "rss_full_kib=%ld per_conn_bytes=%.0f idle_cpu_pct=%.2f\n",
                protoName(o), o.subs, ready, connectS, rssEmpty, rssFull, perConn, cpuPct);
    return ok && ready == o.subs ? 0 : 1;
}

} // namespace talker::bench
