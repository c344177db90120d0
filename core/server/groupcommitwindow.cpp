// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/groupcommitwindow.h"

namespace talker::server {

void GroupCommitWindow::noteCommit(qint64 ns)
{
    ns = qMax<qint64>(0, ns);
    // One slow commit (a checkpoint's fsync nearby) moves the mean an eighth of the way.
    m_meanNs = m_seen ? m_meanNs + (ns - m_meanNs) / 8 : ns;
    m_seen = true;
}

qint64 GroupCommitWindow::windowNs() const
{
    if (m_fixedNs != kAuto)
        return m_fixedNs;
    return qMin(m_capNs, m_meanNs / 2);
}

int GroupCommitWindow::waitMs(qint64 sinceLastNs) const
{
    const qint64 waitNs = windowNs() - sinceLastNs;
    if (waitNs < 1'000'000)
        return 0;
    return int(qMin<qint64>(waitNs / 1'000'000, 1000));
}

} // namespace talker::server
