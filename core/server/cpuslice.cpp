// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/cpuslice.h"

#include <QtGlobal> // Q_OS_LINUX

#ifdef Q_OS_LINUX
#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace talker::server {

#if defined(Q_OS_LINUX) && defined(SYS_sched_setattr)

namespace {
/// The kernel's struct sched_attr (glibc before 2.41 does not declare it).
struct SchedAttr
{
    quint32 size;
    quint32 policy;
    quint64 flags;
    qint32 nice;
    quint32 priority;
    quint64 runtime; ///< for a normal task: the slice it asks for, in nanoseconds
    quint64 deadline;
    quint64 period;
};
} // namespace

bool requestShortCpuSlices(int us)
{
    // A policy the administrator chose (chrt, systemd's CPUSchedulingPolicy=) stays.
    if (sched_getscheduler(0) != SCHED_OTHER)
        return false;
    SchedAttr attr{};
    attr.size = sizeof attr;
    attr.policy = SCHED_OTHER;
    // sched_setattr() sets the nice value too: keep the thread's own.
    attr.nice = qint32(getpriority(PRIO_PROCESS, 0));
    attr.runtime = quint64(us) * 1000;
    return syscall(SYS_sched_setattr, 0, &attr, 0) == 0;
}

#else

bool requestShortCpuSlices(int)
{
    return false;
}

#endif

} // namespace talker::server
