// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QtGlobal>

namespace talker::server {

/// How long a busy room thread lets writes gather before its next commit (group commit).
///
/// Fixed: `--group-commit N` waits until N ms after the last commit. Automatic (the
/// default): the window is half the recent mean commit time, at most `capNs`. Waiting
/// pays when a commit is dear, since the next one then carries more events; it cannot
/// pay more than the commit costs, which is why PostgreSQL advises a `commit_delay` of
/// about half the flush time. On a machine where a commit takes 0.1 ms, a fixed 3 ms
/// window made every message wait up to 3 ms for nothing; where commits are slow (a
/// busy disk or CPU) the window grows toward the cap. A thread with more to do than it
/// can keep up with batches anyway: what arrives during a commit goes in the next one.
class GroupCommitWindow
{
public:
    static constexpr qint64 kAuto = -1;

    /// `fixedMs`: the window in milliseconds, 0 for none, kAuto to follow commit times
    /// up to `capNs`.
    explicit GroupCommitWindow(qint64 fixedMs, qint64 capNs = 3'000'000)
        : m_fixedNs(fixedMs == kAuto ? kAuto : fixedMs * 1'000'000)
        , m_capNs(capNs)
    {}

    /// A commit (or a store's answer) took `ns`.
    void noteCommit(qint64 ns);

    /// The window now, in nanoseconds.
    qint64 windowNs() const;

    /// Whole milliseconds to wait before the next commit, `sinceLastNs` after the last
    /// one began; 0: commit in this pass of the event loop (timers do not go below 1 ms).
    int waitMs(qint64 sinceLastNs) const;

private:
    qint64 m_fixedNs;
    qint64 m_capNs;
    qint64 m_meanNs = 0; ///< exponentially weighted mean of commit times (1/8 each)
    bool m_seen = false;
};

} // namespace talker::server
