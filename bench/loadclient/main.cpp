// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// talker-loadclient: drives a Talker server, an MQTT broker or the ceiling server with
// many connections from one thread and prints figures. See bench/RESULTS.md.
#include "engine.h"
#include "procstat.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>

using namespace talker::bench;

namespace {
// Readings of the server, or summed over every node of a cluster (--server-pid a,b,c).
template<typename T, typename F>
T sumOverServers(const Options &o, F reading)
{
    if (o.serverPids.size() < 2)
        return reading(o.serverPid);
    T total = 0;
    for (pid_t pid : o.serverPids)
        total += reading(pid);
    return total;
}
double serversCpuSeconds(const Options &o)
{
    return sumOverServers<double>(o, processCpuSeconds);
}
double serversWaitSeconds(const Options &o)
{
    return sumOverServers<double>(o, processWaitSeconds);
}
long serversRssKib(const Options &o)
{
    return sumOverServers<long>(o, processRssKib);
}
} // namespace

namespace {

void usage()
{
    std::puts("usage: talker-loadclient --port P [options]\n"
              "  --proto talker|mqtt      protocol (talker)\n"
              "  --mode fanout|latency|conns\n"
              "  --host A                 server address (127.0.0.1)\n"
              "  --subs N                 receiving connections (100)\n"
              "  --rooms R                rooms/topics, receivers spread over them (1)\n"
              "  --token T / --pub-token T   Talker tokens of receivers / publishers\n"
              "                           (default: $TALKER_TOKEN / $TALKER_PUB_TOKEN, so that\n"
              "                           tokens need not appear on command lines)\n"
              "  --payload B              payload bytes (100)\n"
              "  --inflight W             fan-out: messages in flight per publisher (1000)\n"
              "  --deliveries D           fan-out: at least D deliveries (500000)\n"
              "  --min-seconds S          fan-out: and publish for at least S seconds (0)\n"
              "  --rate M --duration S    latency: M messages/s in total for S seconds\n"
              "  --src-addrs K            bind to 127.0.0.2..127.0.0.(K+1) round-robin\n"
              "  --ping-interval S        every connection pings every S seconds (20)\n"
              "  --idle-seconds S         conns: idle window measured (20)\n"
              "  --server-pid PID         read the server's CPU time and RSS from /proc\n"
              "  --timeout S              hard bound on the run (300)\n"
              "  --read-every K           fan-out: every K-th receiver (and one per room) reads\n"
              "                           and checks each line; the others skim their bytes\n"
              "                           uncopied and are checked by byte count (1: all read)\n"
              "Prints a human summary and one line starting with RESULT.");
}

bool parse(int argc, char **argv, Options &o)
{
    if (const char *t = std::getenv("TALKER_TOKEN"))
        o.token = t;
    if (const char *t = std::getenv("TALKER_PUB_TOKEN"))
        o.pubToken = t;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--help" || a == "-h") {
            usage();
            std::exit(0);
        }
        if (i + 1 >= argc) {
            std::fprintf(stderr, "loadclient: %s needs a value\n", a.c_str());
            return false;
        }
        const std::string v = argv[++i];
        if (a == "--proto") {
            if (v != "talker" && v != "mqtt")
                return false;
            o.proto = v == "talker" ? Proto::Talker : Proto::Mqtt;
        } else if (a == "--mode") {
            if (v == "fanout")
                o.mode = Mode::Fanout;
            else if (v == "latency")
                o.mode = Mode::Latency;
            else if (v == "conns")
                o.mode = Mode::Conns;
            else
                return false;
        } else if (a == "--host") {
            o.host = v;
        } else if (a == "--port") {
            // A list spreads the connections over several servers (cluster nodes).
            for (std::size_t at = 0; at < v.size();) {
                const std::size_t comma = std::min(v.find(',', at), v.size());
                o.ports.push_back(std::atoi(v.substr(at, comma - at).c_str()));
                at = comma + 1;
            }
            o.port = o.ports.empty() ? 0 : o.ports.front();
            if (o.ports.size() < 2)
                o.ports.clear();
        } else if (a == "--subs") {
            o.subs = std::atoi(v.c_str());
        } else if (a == "--rooms") {
            o.rooms = std::atoi(v.c_str());
        } else if (a == "--token") {
            o.token = v;
        } else if (a == "--pub-token") {
            o.pubToken = v;
        } else if (a == "--room-prefix") {
            o.roomPrefix = v;
        } else if (a == "--payload") {
            o.payload = static_cast<std::size_t>(std::atol(v.c_str()));
        } else if (a == "--inflight") {
            o.inflight = std::atoi(v.c_str());
        } else if (a == "--deliveries") {
            o.deliveries = std::strtoull(v.c_str(), nullptr, 10);
        } else if (a == "--min-seconds") {
            o.minSeconds = std::atof(v.c_str());
        } else if (a == "--rate") {
            o.rate = std::atof(v.c_str());
        } else if (a == "--duration") {
            o.duration = std::atof(v.c_str());
        } else if (a == "--src-addrs") {
            o.srcAddrs = std::atoi(v.c_str());
        } else if (a == "--ping-interval") {
            o.pingInterval = std::atof(v.c_str());
        } else if (a == "--idle-seconds") {
            o.idleSeconds = std::atof(v.c_str());
        } else if (a == "--max-pending") {
            o.maxPending = std::atoi(v.c_str());
        } else if (a == "--server-pid") {
            for (std::size_t at = 0; at < v.size();) {
                const std::size_t comma = std::min(v.find(',', at), v.size());
                o.serverPids.push_back(
                    static_cast<pid_t>(std::atoi(v.substr(at, comma - at).c_str())));
                at = comma + 1;
            }
            o.serverPid = o.serverPids.empty() ? 0 : o.serverPids.front();
        } else if (a == "--read-every") {
            o.readEvery = std::max(1, std::atoi(v.c_str()));
        } else if (a == "--timeout") {
            o.timeout = std::atof(v.c_str());
        } else {
            std::fprintf(stderr, "loadclient: unknown option %s\n", a.c_str());
            return false;
        }
    }
    return o.port > 0 && o.subs > 0 && o.rooms > 0 && o.rooms <= 65535 && o.payload >= 31 &&
           o.inflight > 0 && (o.proto == Proto::Mqtt || !o.token.empty());
}

double seconds(std::uint64_t fromNs, std::uint64_t toNs)
{
    return static_cast<double>(toNs - fromNs) / 1e9;
}

const char *protoName(const Options &o)
{
    return o.proto == Proto::Talker ? "talker" : "mqtt";
}

/// Lets join/users traffic settle: polls until nothing has arrived for 100 ms (at most
/// 10 s). Skimming receivers (skim.h) must start between the same two bytes as their
/// reference, so no old line may still be on its way.
void settle(Engine &e)
{
    const std::uint64_t start = nowNs();
    std::uint64_t quietSince = start;
    std::uint64_t bytes = e.stats().readBytes;
    for (;;) {
        e.poll(5);
        const std::uint64_t now = nowNs();
        if (e.stats().readBytes != bytes) {
            bytes = e.stats().readBytes;
            quietSince = now;
        }
        if (seconds(quietSince, now) >= 0.1 || seconds(start, now) > 10)
            return;
    }
}

/// Drains until every receiver has `sent` of its room or nothing arrives for `quietS`.
void drain(Engine &e, const std::vector<std::uint64_t> &sent, double quietS, double limitS,
           bool byCount)
{
    const std::uint64_t start = nowNs();
    std::uint64_t lastProgress = nowNs();
    std::uint64_t lastDeliveries = e.stats().deliveries;
    for (;;) {
        e.refreshSkimmers();
        bool done = true;
        for (const Conn &c : e.conns()) {
            if (c.publisher || c.state != Conn::Ready)
                continue;
            if ((byCount ? c.received : c.expect) < sent[c.room]) {
                done = false;
                break;
            }
        }
        if (done)
            return;
        const std::uint64_t now = nowNs();
        if (e.stats().deliveries != lastDeliveries) {
            lastDeliveries = e.stats().deliveries;
            lastProgress = now;
        }
        if (seconds(lastProgress, now) > quietS || seconds(start, now) > limitS)
            return;
        e.poll(5);
    }
}

std::uint64_t missing(Engine &e, const std::vector<std::uint64_t> &sent, bool byCount)
{
    std::uint64_t lost = 0;
    for (const Conn &c : e.conns()) {
        if (c.publisher)
            continue;
        const std::uint64_t got = byCount ? c.received : c.expect;
        if (got < sent[c.room])
            lost += sent[c.room] - got;
    }
    return lost;
}

/// The load client's own cost: shows whether it, not the server, limits a run.
struct ClientLoad
{
    double cpuNs = -1;           ///< client CPU per delivery
    double readsPerReceiver = 0; ///< read() calls per receiving connection
    double kibPerRead = 0;       ///< average bytes one read() returned
};

double busyPercent(double cpu, double wait, double secs)
{
    if (cpu < 0 || wait < 0 || secs <= 0)
        return -1;
    return 100.0 * (cpu + wait) / secs;
}

ClientLoad clientLoad(const Stats &s, std::uint64_t reads0, std::uint64_t readBytes0, double cpu,
                      int receivers)
{
    ClientLoad load;
    const auto reads = static_cast<double>(s.reads - reads0);
    if (cpu >= 0 && s.deliveries)
        load.cpuNs = cpu * 1e9 / static_cast<double>(s.deliveries);
    load.readsPerReceiver = receivers > 0 ? reads / receivers : 0;
    load.kibPerRead = reads > 0 ? static_cast<double>(s.readBytes - readBytes0) / reads / 1024 : 0;
    return load;
}

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
    std::vector<std::uint64_t> minExpect(static_cast<std::size_t>(o.rooms), 0);
    const double cpu0 = serversCpuSeconds(o);
    const double myCpu0 = processCpuSeconds(getpid());
    const std::uint64_t reads0 = e.stats().reads, readBytes0 = e.stats().readBytes;
    const double wait0 = serversWaitSeconds(o), myWait0 = processWaitSeconds(getpid());
    const std::uint64_t t0 = nowNs();
    bool stopped = false;
    while (!stopped) {
        e.refreshSkimmers();
        std::fill(minExpect.begin(), minExpect.end(), UINT64_MAX);
        for (const Conn &c : e.conns())
            if (!c.publisher && c.state == Conn::Ready)
                minExpect[c.room] = std::min(minExpect[c.room], c.expect);
        std::uint64_t planned = 0;
        for (int r = 0; r < o.rooms; ++r)
            planned += sent[static_cast<std::size_t>(r)] *
                       static_cast<std::uint64_t>(roomSubs[static_cast<std::size_t>(r)]);
        const double elapsed = seconds(t0, nowNs());
        if ((planned >= o.deliveries && elapsed >= o.minSeconds) || elapsed > o.timeout / 2) {
            stopped = true;
            break;
        }
        // Once the minimum time is over, publish no more than the deliveries asked for
        // need (a slow server with many receivers would otherwise get a 256-message burst).
        const std::uint64_t cap = elapsed >= o.minSeconds
                                      ? (o.deliveries + static_cast<std::uint64_t>(o.subs) - 1) /
                                            static_cast<std::uint64_t>(o.subs)
                                      : UINT64_MAX;
        for (int r = 0; r < o.rooms; ++r) {
            const auto ri = static_cast<std::size_t>(r);
            const std::uint64_t low = minExpect[ri] == UINT64_MAX ? sent[ri] : minExpect[ri];
            std::uint64_t n = 0;
            while (sent[ri] < low + static_cast<std::uint64_t>(o.inflight) && n < 256 &&
                   sent[ri] < cap) {
                e.publish(r, sent[ri]++, false);
                ++n;
            }
            if (n)
                e.flush(r);
        }
        e.poll(1);
    }
    drain(e, sent, 10, o.timeout / 2, false);
    e.checkSkimmers();
    const std::uint64_t t1 = nowNs();
    const double cpu1 = serversCpuSeconds(o);
    const double myCpu = processCpuSeconds(getpid()) - myCpu0;
    const double srvWait = serversWaitSeconds(o) - wait0;
    const double myWait = processWaitSeconds(getpid()) - myWait0;
    const long rss = serversRssKib(o);
    const long threads = processThreads(o.serverPid);
    const ClientLoad load = clientLoad(e.stats(), reads0, readBytes0, myCpu, o.subs);

    Stats &s = e.stats();
    const std::uint64_t lost = s.gaps + missing(e, sent, false) + s.skimMismatch;
    std::uint64_t messages = 0;
    for (std::uint64_t v : sent)
        messages += v;
    const double secs = seconds(t0, t1);
    const double rate = static_cast<double>(s.deliveries) / secs;
    const double cpu = cpu0 >= 0 && cpu1 >= 0 ? cpu1 - cpu0 : -1;
    const double cpuNs =
        cpu >= 0 && s.deliveries ? cpu * 1e9 / static_cast<double>(s.deliveries) : -1;
    // A process that was running or runnable the whole time never waited for input: it
    // is the bottleneck. Waiting for a CPU counts as busy, so other load on the
    // machine does not make a saturated process look idle (single-threaded processes).
    const double srvBusy = busyPercent(cpu, srvWait, secs);
    const double myBusy = busyPercent(myCpu, myWait, secs);
    std::printf(
        "fan-out %s: %d receivers in %d room(s), %llu messages, %llu deliveries in "
        "%.3f s = %.0f deliveries/s; lost %llu, out of order %llu, errors %llu, "
        "closed %llu; server CPU %.2f s (%.1f ns/delivery), RSS %ld KiB, %ld threads; waited "
        "for a CPU: server %.2f s, client %.2f s; client CPU %.2f s (%.1f ns/delivery), "
        "%.1f reads per receiver of %.1f KiB each; busy (running or waiting for a CPU): "
        "server %.0f %%, client %.0f %%\n",
        protoName(o), o.subs, o.rooms, static_cast<unsigned long long>(messages),
        static_cast<unsigned long long>(s.deliveries), secs, rate,
        static_cast<unsigned long long>(lost), static_cast<unsigned long long>(s.misordered),
        static_cast<unsigned long long>(s.errors), static_cast<unsigned long long>(s.closed), cpu,
        cpuNs, rss, threads, srvWait, myWait, myCpu, load.cpuNs, load.readsPerReceiver,
        load.kibPerRead, srvBusy, myBusy);
    std::printf(
        "RESULT mode=fanout proto=%s subs=%d rooms=%d messages=%llu deliveries=%llu "
        "seconds=%.4f rate=%.0f lost=%llu misordered=%llu errors=%llu closed=%llu "
        "cpu_s=%.3f cpu_ns=%.2f rss_kib=%ld threads=%ld srv_wait_s=%.2f client_wait_s=%.2f "
        "client_cpu_s=%.3f client_cpu_ns=%.2f reads_per_receiver=%.1f kib_per_read=%.2f "
        "srv_busy_pct=%.1f client_busy_pct=%.1f skimmers=%llu skim_mismatch=%llu\n",
        protoName(o), o.subs, o.rooms, static_cast<unsigned long long>(messages),
        static_cast<unsigned long long>(s.deliveries), secs, rate,
        static_cast<unsigned long long>(lost), static_cast<unsigned long long>(s.misordered),
        static_cast<unsigned long long>(s.errors), static_cast<unsigned long long>(s.closed), cpu,
        cpuNs, rss, threads, srvWait, myWait, myCpu, load.cpuNs, load.readsPerReceiver,
        load.kibPerRead, srvBusy, myBusy, static_cast<unsigned long long>(s.skimmers),
        static_cast<unsigned long long>(s.skimMismatch));
    return lost == 0 && s.misordered == 0 && s.closed == 0 ? 0 : 1;
}

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

} // namespace

int main(int argc, char **argv)
{
    Options o;
    if (!parse(argc, argv, o)) {
        usage();
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
