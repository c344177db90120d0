// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// Latency: clients publish at a fixed total rate; every receipt is timed.
#include "procstat.h"
#include "runs.h"

#include <cstdio>
#include <unistd.h>

namespace talker::bench {

namespace {

double percentileMs(const Stats &s, double q)
{
    const auto want = static_cast<std::uint64_t>(q * static_cast<double>(s.latencyCount));
    std::uint64_t seen = 0;
    for (std::size_t b = 0; b < s.latencyUs.size(); ++b) {
        seen += s.latencyUs[b];
        if (seen > want)
            return static_cast<double>(b * kLatencyBucketUs) / 1000.0;
    }
    return static_cast<double>(s.latencyMaxNs) / 1e6;
}

} // namespace

int runLatency(const Options &o)
{
    Engine e(o);
    e.setCheckOrder(false);
    for (int i = 0; i < o.subs; ++i)
        e.addConn(static_cast<std::uint16_t>(i % o.rooms), false);
    if (!e.connectAll(o.timeout / 2))
        return 2;
    for (int k = 0; k < 40; ++k)
        e.poll(5);
    e.stats().deliveries = 0;
    e.setRecordLatency(true);

    std::vector<std::uint64_t> sent(static_cast<std::size_t>(o.rooms), 0);
    std::uint64_t total = 0;
    const double cpu0 = serversCpuSeconds(o);
    const double wait0 = serversWaitSeconds(o), myWait0 = processWaitSeconds(getpid());
    const std::uint64_t t0 = nowNs();
    const int n = o.subs;
    for (;;) {
        const double elapsed = seconds(t0, nowNs());
        if (elapsed >= o.duration)
            break;
        const auto due = static_cast<std::uint64_t>(elapsed * o.rate);
        while (total < due) {
            const int i = static_cast<int>(total % static_cast<std::uint64_t>(n));
            const std::uint16_t room = e.conns()[static_cast<std::size_t>(i)].room;
            e.publish(i, sent[room]++, true);
            ++total;
        }
        e.poll(1); // sleep until the next event or millisecond: no spinning on a shared box
    }
    drain(e, sent, 5, 30, true);
    const std::uint64_t t1 = nowNs();
    const double cpu1 = serversCpuSeconds(o);
    Stats &s = e.stats();
    const std::uint64_t lost = missing(e, sent, true);
    const double cpuPct = (cpu1 - cpu0) / seconds(t0, t1) * 100;
    const double srvWait = serversWaitSeconds(o) - wait0;
    const double myWait = processWaitSeconds(getpid()) - myWait0;
    std::printf(
        "latency %s: %d clients in %d rooms, %llu messages at %.0f/s, %llu deliveries; "
        "p50 %.3f ms, p99 %.3f ms, max %.3f ms; lost %llu, errors %llu, closed %llu; "
        "server CPU %.0f%% of one core, RSS %ld KiB; waited for a CPU: server %.2f s, client "
        "%.2f s\n",
        protoName(o), o.subs, o.rooms, static_cast<unsigned long long>(total),
        static_cast<double>(total) / o.duration, static_cast<unsigned long long>(s.deliveries),
        percentileMs(s, 0.50), percentileMs(s, 0.99), static_cast<double>(s.latencyMaxNs) / 1e6,
        static_cast<unsigned long long>(lost), static_cast<unsigned long long>(s.errors),
        static_cast<unsigned long long>(s.closed), cpuPct, serversRssKib(o), srvWait, myWait);
    std::printf("RESULT mode=latency proto=%s subs=%d rooms=%d messages=%llu deliveries=%llu "
                "p50_ms=%.3f p99_ms=%.3f max_ms=%.3f lost=%llu errors=%llu closed=%llu "
                "cpu_pct=%.1f srv_wait_s=%.2f client_wait_s=%.2f\n",
                protoName(o), o.subs, o.rooms, static_cast<unsigned long long>(total),
                static_cast<unsigned long long>(s.deliveries), percentileMs(s, 0.50),
                percentileMs(s, 0.99), static_cast<double>(s.latencyMaxNs) / 1e6,
                static_cast<unsigned long long>(lost), static_cast<unsigned long long>(s.errors),
                static_cast<unsigned long long>(s.closed), cpuPct, srvWait, myWait);
    return lost == 0 && s.closed == 0 ? 0 : 1;
}

} // namespace talker::bench
