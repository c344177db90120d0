// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/userbyterate.h"

namespace talker::server {

UserByteRate::UserByteRate(qint64 rate, qint64 burst)
    : m_rate(qMax<qint64>(0, rate))
    , m_burst(qMax<qint64>(1, burst))
{}

UserByteRate::Bucket &UserByteRate::refilled(const QString &userId, qint64 nowMs)
{
    const auto it = m_buckets.find(userId);
    if (it == m_buckets.end())
        return *m_buckets.insert(userId, Bucket{double(m_burst), nowMs});
    if (nowMs > it->last) {
        it->tokens =
            qMin<double>(double(m_burst), it->tokens + double(nowMs - it->last) * m_rate / 1000.0);
        it->last = nowMs;
    }
    return *it;
}

void UserByteRate::charge(const QString &userId, qint64 bytes, qint64 nowMs)
{
    if (!enabled())
        return;
    const QMutexLocker lock(&m_mutex);
    refilled(userId, nowMs).tokens -= double(bytes);
}

qint64 UserByteRate::waitMs(const QString &userId, qint64 nowMs)
{
    if (!enabled())
        return 0;
    const QMutexLocker lock(&m_mutex);
    const Bucket &b = refilled(userId, nowMs);
    if (b.tokens >= 0)
        return 0;
    return qint64(-b.tokens * 1000.0 / double(m_rate)) + 1;
}

} // namespace talker::server
