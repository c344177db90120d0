// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QHash>
#include <QString>

namespace talker::server {

/// Slows down token guessing by slowing down *failures*: after `allowed` failed
/// attempts from one address within the window, the answer to each further failure
/// from it waits `baseDelay`, doubling per failure (at most 30 s), while its connection
/// stays taken. Every token is checked at once, so a right one is never delayed (an
/// office behind one NAT address is not locked out by a colleague's typos), and a
/// failure counts from the moment it is checked, so parallel guesses are slowed down as
/// much as sequential ones. Times are monotonic milliseconds.
class AuthThrottle
{
public:
    AuthThrottle(int allowed, qint64 baseDelayMs, qint64 windowMs);

    /// Records a failed attempt from `address`; returns how long to wait before
    /// answering it.
    qint64 recordFailure(const QString &address, qint64 nowMs);

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
