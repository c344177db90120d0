// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "client/backoff.h"

#include <QRandomGenerator>
#include <algorithm>

namespace talker::client {

Backoff::Backoff(int initialMs, int maxMs, double jitter)
    : m_initial(initialMs)
    , m_max(maxMs)
    , m_jitter(jitter)
{}

void Backoff::configure(int initialMs, int maxMs, double jitter)
{
    m_initial = std::max(1, initialMs);
    m_max = std::max(m_initial, maxMs);
    m_jitter = std::clamp(jitter, 0.0, 1.0);
}

int Backoff::nextDelayMs()
{
    // base = initial * 2^attempt, computed in double so large attempt counts cannot overflow
    double base = m_initial;
    for (int i = 0; i < m_attempt && base < m_max; ++i)
        base *= 2;
    base = std::min<double>(base, m_max);
    ++m_attempt;
    const double spread = (QRandomGenerator::global()->generateDouble() * 2.0 - 1.0) * m_jitter;
    const double delay = base * (1.0 + spread);
    return int(std::clamp(delay, 1.0, double(m_max)));
}

} // namespace talker::client
