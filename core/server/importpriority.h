// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>
#include <atomic>

#if defined(Q_OS_LINUX)
#include <sys/types.h>
#endif

class QThread;

namespace talker::server {

/// The store writer thread's CPU priority. Nobody waits for its import of the event
/// journal on the send path, so it runs at the lowest priority: a delivery that wakes
/// takes the core from it at once. At the same priority each import took the CPU from
/// the deliveries in bursts (bench/RESULTS.md, round 3). Someone does wait when a
/// replay or history page needs what is journaled, when the journal grows, or when busy
/// cores have held the thread back well past its time: then it runs at normal priority
/// until that is done.
class ImportPriority
{
public:
    /// In the writer thread, once.
    void start();
    /// Any thread: normal priority until lower().
    void raise();
    /// In the writer thread: the lowest priority again.
    void lower();

private:
    bool m_canRaise = false; ///< the lowest priority can be left again
    std::atomic<bool> m_raised{false};
#if defined(Q_OS_LINUX)
    pid_t m_thread = 0; ///< its thread id
#else
    QThread *m_thread = nullptr;
#endif
};

} // namespace talker::server
