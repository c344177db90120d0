// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/auththrottle.h"

namespace talker::server {

namespace {
constexpr qint64 kMaxDelayMs = 30000;
}

AuthThrottle::AuthThrottle(int allowed, qint64 baseDelayMs, qint64 windowMs)
    : m_allowed(allowed)
    , m_baseDelay(baseDelayMs)
    , m_window(windowMs)
{}

qint64 AuthThrottle::recordFailure(const QString &address, qint64 nowMs)
{
    expire(nowMs);
    Entry &e = m_entries[address];
    ++e.failures;
    e.last = nowMs;
    if (m_allowed <= 0 || m_baseDelay <= 0 || e.failures <= m_allowed)
        return 0;
    const int extra = qMin(e.failures - m_allowed - 1, 15);
    return qMin(kMaxDelayMs, m_baseDelay << extra);
}

void AuthThrottle::expire(qint64 nowMs)
{
    if (nowMs - m_lastExpire < 1000)
        return;
    m_lastExpire = nowMs;
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (nowMs - it->last > m_window)
            it = m_entries.erase(it);
        else
            ++it;
    }
}

} // namespace talker::server
