#pragma once

#include <QHash>
#include <QString>

namespace talker::server {

/// Slows down token guessing: after `allowed` failed attempts from one address within
/// the window, each further attempt from it waits `baseDelay`, doubling per failure
/// (at most 30 s). Times are monotonic milliseconds.
class AuthThrottle
{
public:
    AuthThrottle(int allowed, qint64 baseDelayMs, qint64 windowMs);

    /// How long to wait before checking an attempt from `address`.
    qint64 delayFor(const QString &address, qint64 nowMs);
    /// Records a failed attempt.
    void recordFailure(const QString &address, qint64 nowMs);

private:
    struct Entry
    {
        int failures = 0;
        qint64 last = 0;
    };
    void expire(qint64 nowMs);

    QHash<QString, Entry> m_entries;
    int m_allowed;
    qint64 m_baseDelay;
    qint64 m_window;
    qint64 m_lastExpire = 0;
};

} // namespace talker::server
