// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "procstat.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

namespace talker::bench {

static bool readFile(pid_t pid, const char *name, char *buf, std::size_t size)
{
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/%s", static_cast<int>(pid), name);
    FILE *f = std::fopen(path, "r");
    if (!f)
        return false;
    const std::size_t n = std::fread(buf, 1, size - 1, f);
    std::fclose(f);
    buf[n] = '\0';
    return n > 0;
}

double processCpuSeconds(pid_t pid)
{
    char buf[4096];
    if (pid <= 0 || !readFile(pid, "stat", buf, sizeof buf))
        return -1;
    // The command name may contain spaces: fields restart after the last ')'.
    const char *p = std::strrchr(buf, ')');
    if (!p)
        return -1;
    p += 2; // field 3 (state)
    // utime is field 14, stime field 15: skip fields 3..13.
    for (int field = 3; field < 14 && *p; ++field) {
        p = std::strchr(p, ' ');
        if (!p)
            return -1;
        ++p;
    }
    char *end = nullptr;
    const unsigned long long utime = std::strtoull(p, &end, 10);
    const unsigned long long stime = std::strtoull(end, nullptr, 10);
    return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

double processWaitSeconds(pid_t pid)
{
    char buf[256];
    if (pid <= 0 || !readFile(pid, "schedstat", buf, sizeof buf))
        return -1;
    char *end = nullptr;
    std::strtoull(buf, &end, 10); // time on a CPU
    return static_cast<double>(std::strtoull(end, nullptr, 10)) / 1e9;
}

static long statusField(pid_t pid, const char *key)
{
    char buf[8192];
    if (pid <= 0 || !readFile(pid, "status", buf, sizeof buf))
        return -1;
    const char *p = std::strstr(buf, key);
    if (!p)
        return -1;
    return std::strtol(p + std::strlen(key), nullptr, 10);
}

long processRssKib(pid_t pid)
{
    return statusField(pid, "VmRSS:");
}

long processThreads(pid_t pid)
{
    return statusField(pid, "Threads:");
}

} // namespace talker::bench
