// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

namespace talker::server {

/// The CPU slice a room thread asks for, in microseconds: the least Linux grants.
inline constexpr int kRoomThreadSliceUs = 100;

/// Asks the kernel to run the calling thread in short slices of `us` microseconds (the
/// custom slice of Linux's EEVDF scheduler, 6.12 and later: `sched_runtime` of a normal
/// task). A room thread wakes for microseconds of work per message. With a short slice
/// it takes a core at once from a task that runs long (the store writer's import,
/// another process) instead of waiting for the end of that task's slice (1.4 ms by
/// default on a two-core machine). In the latency benchmark this cut Talker's p99 by
/// about a seventh (bench/RESULTS.md, issue 11's latency case, round 5). What each
/// thread gets in total does not change. False where the kernel refuses, and for a
/// thread that is not under the normal policy (an administrator's choice, kept);
/// elsewhere (other systems, older kernels) the request changes nothing.
bool requestShortCpuSlices(int us = kRoomThreadSliceUs);

} // namespace talker::server
