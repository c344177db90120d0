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

qint64 AuthThrottle::delayFor(const QString &address, qint64 nowMs)
{
    expire(nowMs);
    if (m_allowed <= 0 || m_baseDelay <= 0)
        return 0;
    const auto it = m_entries.constFind(address);
    if (it == m_entries.constEnd() || it->failures < m_allowed)
        return 0;
    const int extra = qMin(it->failures - m_allowed, 15);
    return qMin(kMaxDelayMs, m_baseDelay << extra);
}

void AuthThrottle::recordFailure(const QString &address, qint64 nowMs)
{
    Entry &e = m_entries[address];
    ++e.failures;
    e.last = nowMs;
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
