// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// Fan-out: one publisher per room keeps `inflight` messages ahead of its slowest receiver;
// every receiver checks order and loss (or skims, see skim.h).
#include "procstat.h"
#include "runs.h"

#include <algorithm>
#include <cstdio>
#include <unistd.h>

namespace talker::bench {

namespace {

/// Counters at one moment, to subtract at the end of the measured window.
struct Readings
{
    double serverCpu = 0, clientCpu = 0, serverWait = 0, clientWait = 0;
    std::uint64_t reads = 0, readBytes = 0, ns = 0;
};

Readings readNow(const Options &o, Engine &e)
{
    Readings r;
    r.serverCpu = serversCpuSeconds(o);
    r.clientCpu = processCpuSeconds(getpid());
    r.serverWait = serversWaitSeconds(o);
    r.clientWait = processWaitSeconds(getpid());
    r.reads = e.stats().reads;
    r.readBytes = e.stats().readBytes;
    r.ns = nowNs();
    return r;
}

/// What one run measured.
struct Figures
{
    std::uint64_t messages = 0, lost = 0;
    double secs = 0, rate = 0;
    double serverCpu = -1, serverCpuNs = -1, serverWait = 0, serverBusy = -1;
    double clientCpu = 0, clientCpuNs = -1, clientWait = 0, clientBusy = -1;
    double readsPerReceiver = 0, kibPerRead = 0;
    long rss = 0, threads = 0;
};

/// A process that was running or runnable the whole time never waited for input: it is
/// the bottleneck. Waiting for a CPU counts as busy, so other load on the machine does not
/// make a saturated process look idle (meant for single-threaded processes).
double busyPercent(double cpu, double wait, double secs)
{
    if (cpu < 0 || wait < 0 || secs <= 0)
        return -1;
    return 100.0 * (cpu + wait) / secs;
}

Figures measure(const Options &o, Engine &e, const Readings &from,
                const std::vector<std::uint64_t> &sent)
{
    const Readings to = readNow(o, e);
    const Stats &s = e.stats();
    Figures f;
    for (std::uint64_t v : sent)
        f.messages += v;
    f.lost = s.gaps + missing(e, sent, false) + s.skimMismatch;
    f.secs = seconds(from.ns, to.ns);
    f.rate = static_cast<double>(s.deliveries) / f.secs;
    const auto perDelivery = [&](double cpu) {
        return cpu >= 0 && s.deliveries ? cpu * 1e9 / static_cast<double>(s.deliveries) : -1;
    };
    if (from.serverCpu >= 0 && to.serverCpu >= 0)
        f.serverCpu = to.serverCpu - from.serverCpu;
    f.serverCpuNs = perDelivery(f.serverCpu);
    f.serverWait = to.serverWait - from.serverWait;
    f.serverBusy = busyPercent(f.serverCpu, f.serverWait, f.secs);
    f.clientCpu = to.clientCpu - from.clientCpu;
    f.clientCpuNs = perDelivery(f.clientCpu);
    f.clientWait = to.clientWait - from.clientWait;
    f.clientBusy = busyPercent(f.clientCpu, f.clientWait, f.secs);
    const auto reads = static_cast<double>(s.reads - from.reads);
    f.readsPerReceiver = o.subs > 0 ? reads / o.subs : 0;
    f.kibPerRead = reads > 0 ? static_cast<double>(s.readBytes - from.readBytes) / reads / 1024 : 0;
    f.rss = serversRssKib(o);
    f.threads = processThreads(o.serverPid);
    return f;
}

/// One round of publishing: each room's publisher tops up to `inflight` ahead of its
/// slowest receiver. False once enough deliveries are planned and the minimum time is over.
bool publishRound(const Options &o, Engine &e, const std::vector<int> &roomSubs,
                  std::vector<std::uint64_t> &sent, std::uint64_t t0)
{
    e.refreshSkimmers();
    std::vector<std::uint64_t> minExpect(sent.size(), UINT64_MAX);
    for (const Conn &c : e.conns())
        if (!c.publisher && c.state == Conn::Ready)
            minExpect[c.room] = std::min(minExpect[c.room], c.expect);
    std::uint64_t planned = 0;
    for (std::size_t r = 0; r < sent.size(); ++r)
        planned += sent[r] * static_cast<std::uint64_t>(roomSubs[r]);
    const double elapsed = seconds(t0, nowNs());
    if ((planned >= o.deliveries && elapsed >= o.minSeconds) || elapsed > o.timeout / 2)
        return false;
    // Once the minimum time is over, publish no more than the deliveries asked for need
    // (a slow server with many receivers would otherwise get a 256-message burst).
    const auto subs = static_cast<std::uint64_t>(o.subs);
    const std::uint64_t cap =
        elapsed >= o.minSeconds ? (o.deliveries + subs - 1) / subs : UINT64_MAX;
    for (std::size_t r = 0; r < sent.size(); ++r) {
        const std::uint64_t low = minExpect[r] == UINT64_MAX ? sent[r] : minExpect[r];
        std::uint64_t n = 0;
        while (sent[r] < low + static_cast<std::uint64_t>(o.inflight) && n < 256 && sent[r] < cap) {
            e.publish(static_cast<int>(r), sent[r]++, false);
            ++n;
        }
        if (n)
            e.flush(static_cast<int>(r));
    }
    return true;
}

void print(const Options &o, const Stats &s, const Figures &f)
{
    using ull = unsigned long long;
    std::printf("fan-out %s: %d receivers, %.0f deliveries/s, lost %llu, out of order %llu; "
                "ns per delivery: server %.1f, client %.1f; busy: server %.0f %%, client %.0f %%\n",
                protoName(o), o.subs, f.rate, ull(f.lost), ull(s.misordered), f.serverCpuNs,
                f.clientCpuNs, f.serverBusy, f.clientBusy);
    std::printf("RESULT mode=fanout proto=%s subs=%d rooms=%d messages=%llu deliveries=%llu "
                "seconds=%.4f rate=%.0f lost=%llu misordered=%llu errors=%llu closed=%llu "
                "cpu_s=%.3f cpu_ns=%.2f rss_kib=%ld threads=%ld srv_wait_s=%.2f "
                "client_wait_s=%.2f client_cpu_s=%.3f client_cpu_ns=%.2f reads_per_receiver=%.1f "
                "kib_per_read=%.2f srv_busy_pct=%.1f client_busy_pct=%.1f skimmers=%llu "
                "skim_mismatch=%llu\n",
                protoName(o), o.subs, o.rooms, ull(f.messages), ull(s.deliveries), f.secs, f.rate,
                ull(f.lost), ull(s.misordered), ull(s.errors), ull(s.closed), f.serverCpu,
                f.serverCpuNs, f.rss, f.threads, f.serverWait, f.clientWait, f.clientCpu,
                f.clientCpuNs, f.readsPerReceiver, f.kibPerRead, f.serverBusy, f.clientBusy,
                ull(s.skimmers), ull(s.skimMismatch));
}

} // namespace

int runFanout(const Options &o)
{
    Engine e(o);
    if (o.readEvery > 1)
        e.stopPinging(); // from the start: no pong may still be on its way when skimming starts
    for (int r = 0; r < o.rooms; ++r)
        e.addConn(static_cast<std::uint16_t>(r), true);
    std::vector<int> roomSubs(static_cast<std::size_t>(o.rooms), 0);
    for (int i = 0; i < o.subs; ++i) {
        e.addConn(static_cast<std::uint16_t>(i % o.rooms), false);
        ++roomSubs[static_cast<std::size_t>(i % o.rooms)];
    }
    if (!e.connectAll(o.timeout / 2))
        return 2;
    settle(e);
    e.stats().deliveries = 0;
    e.startSkimming();

    std::vector<std::uint64_t> sent(static_cast<std::size_t>(o.rooms), 0);
    const Readings start = readNow(o, e);
    while (publishRound(o, e, roomSubs, sent, start.ns))
        e.poll(1);
    drain(e, sent, 10, o.timeout / 2, false);
    e.checkSkimmers();
    const Figures f = measure(o, e, start, sent);
    print(o, e.stats(), f);
    const Stats &s = e.stats();
    return f.lost == 0 && s.misordered == 0 && s.closed == 0 ? 0 : 1;
}

} // namespace talker::bench
