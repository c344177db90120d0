// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QtGlobal>

namespace talker::server {

/// A token bucket: `rate` events per second on average, `burst` at once.
/// Times are monotonic milliseconds supplied by the caller, which keeps it testable.
class RateLimiter
{
public:
    RateLimiter() = default;
    RateLimiter(double rate, int burst)
        : m_rate(rate)
        , m_burst(qMax(1, burst))
        , m_tokens(qMax(1, burst))
    {}

    /// False when there is no limit.
    bool enabled() const { return m_rate > 0; }

    /// Takes one event's token; false when the bucket is empty.
    bool take(qint64 nowMs)
    {
        if (!enabled())
            return true;
        refill(nowMs);
        if (m_tokens < 1.0)
            return false;
        m_tokens -= 1.0;
        return true;
    }

    /// Milliseconds until the next token is available (0 if one is).
    qint64 waitMs(qint64 nowMs)
    {
        if (!enabled())
            return 0;
        refill(nowMs);
        if (m_tokens >= 1.0)
            return 0;
        return qint64((1.0 - m_tokens) * 1000.0 / m_rate) + 1;
    }

private:
    void refill(qint64 nowMs)
    {
        if (m_last >= 0 && nowMs > m_last)
            m_tokens = qMin<double>(m_burst, m_tokens + double(nowMs - m_last) * m_rate / 1000.0);
        m_last = nowMs;
    }

    double m_rate = 0;
    int m_burst = 1;
    double m_tokens = 1;
    qint64 m_last = -1;
};

} // namespace talker::server
