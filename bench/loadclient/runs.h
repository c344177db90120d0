// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// The load client's three modes, and what they share: readings of the server from /proc
// and waiting for the receivers.
#pragma once

#include "engine.h"

#include <cstdint>
#include <vector>

namespace talker::bench {

int runFanout(const Options &o);
int runLatency(const Options &o);
int runConns(const Options &o);

/// The server's CPU seconds, runnable-wait seconds and RSS, summed over every node of a
/// cluster (--server-pid a,b,c).
double serversCpuSeconds(const Options &o);
double serversWaitSeconds(const Options &o);
long serversRssKib(const Options &o);

double seconds(std::uint64_t fromNs, std::uint64_t toNs);
const char *protoName(const Options &o);

/// Polls until nothing has arrived for 100 ms (at most 10 s), so that join/users traffic is
/// over. Skimming receivers (skim.h) must start between the same two bytes as their
/// reference, so no old line may still be on its way.
void settle(Engine &e);
/// Polls until every receiver has `sent` of its room, or nothing arrives for `quietS`, or
/// `limitS` is over. `byCount` counts receipts instead of the sequence reached.
void drain(Engine &e, const std::vector<std::uint64_t> &sent, double quietS, double limitS,
           bool byCount);
/// Messages sent to a room that one of its receivers never got, summed over receivers.
std::uint64_t missing(Engine &e, const std::vector<std::uint64_t> &sent, bool byCount);

} // namespace talker::bench
