// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/importpriority.h"

#include <QLoggingCategory>
#include <QThread>

#if defined(Q_OS_LINUX)
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace talker::server {

Q_LOGGING_CATEGORY(lcPriority, "talker.server.store")

#if defined(Q_OS_LINUX)

namespace {
/// Not SCHED_IDLE: an idle thread gets no CPU at all while the cores are busy, and
/// search indexing and checkpoints wait with it. Nice 19 still gets a small share.
constexpr int kLowNice = 19;

bool setNice(pid_t thread, int nice)
{
    return setpriority(PRIO_PROCESS, id_t(thread), nice) == 0; // Linux's nice is per thread
}
} // namespace

void ImportPriority::start()
{
    m_thread = gettid();
    // Raising a nice value back needs root, CAP_SYS_NICE or an RLIMIT_NICE of 20 or
    // more; without it the thread stays at the lowest priority.
    rlimit limit{};
    m_canRaise = geteuid() == 0 || (getrlimit(RLIMIT_NICE, &limit) == 0 && limit.rlim_cur >= 20);
    if (!setNice(m_thread, kLowNice))
        qCWarning(lcPriority) << "cannot lower the store writer's priority";
}

void ImportPriority::raise()
{
    if (m_canRaise && !m_raised.exchange(true) && !setNice(m_thread, 0))
        m_raised = false;
}

void ImportPriority::lower()
{
    if (m_canRaise && m_raised.exchange(false))
        setNice(m_thread, kLowNice);
}

#else

void ImportPriority::start()
{
    m_thread = QThread::currentThread();
    m_canRaise = true;
    m_thread->setPriority(QThread::LowestPriority);
}

void ImportPriority::raise()
{
    if (!m_raised.exchange(true))
        m_thread->setPriority(QThread::NormalPriority);
}

void ImportPriority::lower()
{
    if (m_raised.exchange(false))
        m_thread->setPriority(QThread::LowestPriority);
}

#endif

} // namespace talker::server
