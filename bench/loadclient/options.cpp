// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "options.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace talker::bench {

void printUsage()
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

namespace {

std::vector<int> intList(const std::string &v)
{
    std::vector<int> out;
    for (std::size_t at = 0; at < v.size();) {
        const std::size_t comma = std::min(v.find(',', at), v.size());
        out.push_back(std::atoi(v.substr(at, comma - at).c_str()));
        at = comma + 1;
    }
    return out;
}

bool setProto(Options &o, const std::string &v)
{
    if (v != "talker" && v != "mqtt")
        return false;
    o.proto = v == "talker" ? Proto::Talker : Proto::Mqtt;
    return true;
}

bool setMode(Options &o, const std::string &v)
{
    static const std::map<std::string, Mode> modes = {
        {"fanout", Mode::Fanout}, {"latency", Mode::Latency}, {"conns", Mode::Conns}};
    const auto it = modes.find(v);
    if (it == modes.end())
        return false;
    o.mode = it->second;
    return true;
}

// A list spreads the connections over several servers (cluster nodes).
bool setPorts(Options &o, const std::string &v)
{
    o.ports = intList(v);
    o.port = o.ports.empty() ? 0 : o.ports.front();
    if (o.ports.size() < 2)
        o.ports.clear();
    return true;
}

bool setServerPids(Options &o, const std::string &v)
{
    for (int pid : intList(v))
        o.serverPids.push_back(static_cast<pid_t>(pid));
    o.serverPid = o.serverPids.empty() ? 0 : o.serverPids.front();
    return true;
}

using Setter = std::function<bool(Options &, const std::string &)>;

template<typename T>
Setter number(T Options::*field)
{
    return [field](Options &o, const std::string &v) {
        o.*field = static_cast<T>(std::strtod(v.c_str(), nullptr));
        return true;
    };
}

Setter text(std::string Options::*field)
{
    return [field](Options &o, const std::string &v) {
        o.*field = v;
        return true;
    };
}

const std::map<std::string, Setter> &setters()
{
    static const std::map<std::string, Setter> table = {
        {"--proto", setProto},
        {"--mode", setMode},
        {"--host", text(&Options::host)},
        {"--port", setPorts},
        {"--subs", number(&Options::subs)},
        {"--rooms", number(&Options::rooms)},
        {"--token", text(&Options::token)},
        {"--pub-token", text(&Options::pubToken)},
        {"--room-prefix", text(&Options::roomPrefix)},
        {"--payload", number(&Options::payload)},
        {"--inflight", number(&Options::inflight)},
        {"--deliveries",
         [](Options &o, const std::string &v) {
             o.deliveries = std::strtoull(v.c_str(), nullptr, 10);
             return true;
         }},
        {"--min-seconds", number(&Options::minSeconds)},
        {"--rate", number(&Options::rate)},
        {"--duration", number(&Options::duration)},
        {"--src-addrs", number(&Options::srcAddrs)},
        {"--ping-interval", number(&Options::pingInterval)},
        {"--idle-seconds", number(&Options::idleSeconds)},
        {"--max-pending", number(&Options::maxPending)},
        {"--server-pid", setServerPids},
        {"--read-every", number(&Options::readEvery)},
        {"--timeout", number(&Options::timeout)},
    };
    return table;
}

} // namespace

bool parseOptions(int argc, char **argv, Options &o)
{
    if (const char *t = std::getenv("TALKER_TOKEN"))
        o.token = t;
    if (const char *t = std::getenv("TALKER_PUB_TOKEN"))
        o.pubToken = t;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--help" || a == "-h") {
            printUsage();
            std::exit(0);
        }
        const auto it = setters().find(a);
        if (it == setters().end()) {
            std::fprintf(stderr, "loadclient: unknown option %s\n", a.c_str());
            return false;
        }
        if (i + 1 >= argc) {
            std::fprintf(stderr, "loadclient: %s needs a value\n", a.c_str());
            return false;
        }
        if (!it->second(o, argv[++i]))
            return false;
    }
    o.readEvery = std::max(1, o.readEvery);
    return o.port > 0 && o.subs > 0 && o.rooms > 0 && o.rooms <= 65535 && o.payload >= 31 &&
           o.inflight > 0 && (o.proto == Proto::Mqtt || !o.token.empty());
}

} // namespace talker::bench
