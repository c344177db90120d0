// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/outputpass.h"

#include <QtGlobal> // Q_OS_LINUX

#ifdef Q_OS_LINUX
#include "server/epolltransport.h"
#endif

namespace talker::server {

#ifdef Q_OS_LINUX

bool OutputPass::atEnd(QObject *context, std::function<void()> work)
{
    EpollReactor *reactor = EpollReactor::existingForCurrentThread();
    return reactor && reactor->runAtEndOfPass(context, std::move(work));
}

OutputPass::Hold::Hold()
    : m_reactor(EpollReactor::existingForCurrentThread())
{
    if (m_reactor)
        m_reactor->holdOutput();
}

OutputPass::Hold::~Hold()
{
    if (m_reactor)
        m_reactor->releaseOutput();
}

#else

bool OutputPass::atEnd(QObject *, std::function<void()>)
{
    return false;
}

OutputPass::Hold::Hold() = default;
OutputPass::Hold::~Hold() = default;

#endif

} // namespace talker::server
