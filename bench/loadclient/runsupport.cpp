// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "procstat.h"
#include "runs.h"

namespace talker::bench {

namespace {
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
} // namespace

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

double seconds(std::uint64_t fromNs, std::uint64_t toNs)
{
    return static_cast<double>(toNs - fromNs) / 1e9;
}

const char *protoName(const Options &o)
{
    return o.proto == Proto::Talker ? "talker" : "mqtt";
}

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

namespace {
bool allReceived(Engine &e, const std::vector<std::uint64_t> &sent, bool byCount)
{
    for (const Conn &c : e.conns()) {
        if (c.publisher || c.state != Conn::Ready)
            continue;
        if ((byCount ? c.received : c.expect) < sent[c.room])
            return false;
    }
    return true;
}
} // namespace

void drain(Engine &e, const std::vector<std::uint64_t> &sent, double quietS, double limitS,
           bool byCount)
{
    const std::uint64_t start = nowNs();
    std::uint64_t lastProgress = nowNs();
    std::uint64_t lastDeliveries = e.stats().deliveries;
    for (;;) {
        e.refreshSkimmers();
        if (allReceived(e, sent, byCount))
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

} // namespace talker::bench
