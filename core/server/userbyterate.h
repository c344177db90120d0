// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

namespace talker::server {

/// How many bytes each user may send, over all their connections and rooms: a token
/// bucket per user, `rate` bytes per second sustained and `burst` at once. A user over
/// it is not refused but read later (like the event rate), so one client cannot fill the
/// disk with big messages. Shared by every hub (thread) of a server; thread-safe. Times
/// are monotonic milliseconds.
class UserByteRate
{
public:
    /// `rate` 0 turns the limit off.
    UserByteRate(qint64 rate, qint64 burst);

    bool enabled() const { return m_rate > 0; }
    /// Counts `bytes` the user sent; the bucket may go below zero (one big event).
    void charge(const QString &userId, qint64 bytes, qint64 nowMs);
    /// Milliseconds until the user may send again (0: now).
    qint64 waitMs(const QString &userId, qint64 nowMs);

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 last = 0;
    };
    Bucket &refilled(const QString &userId, qint64 nowMs);

    QMutex m_mutex;
    QHash<QString, Bucket> m_buckets;
    qint64 m_rate;
    qint64 m_burst;
};

} // namespace talker::server
