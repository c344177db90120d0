// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// Reads another process's CPU time and memory from /proc (Linux).
#pragma once

#include <sys/types.h>

namespace talker::bench {

/// User + system CPU seconds used so far by `pid` (all its threads); -1 if unreadable.
double processCpuSeconds(pid_t pid);
/// Resident set size of `pid` in KiB (VmRSS); -1 if unreadable.
long processRssKib(pid_t pid);
/// Seconds `pid` (its main thread) spent runnable but waiting for a CPU
/// (/proc/PID/schedstat): how much other load on the machine delayed it; -1 if unreadable.
double processWaitSeconds(pid_t pid);
/// Number of threads of `pid`; -1 if unreadable.
long processThreads(pid_t pid);

} // namespace talker::bench
