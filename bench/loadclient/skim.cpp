// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "skim.h"

#include <algorithm>

namespace talker::bench {

void SkimLedger::reset(int rooms)
{
    m_ends.assign(static_cast<std::size_t>(rooms), {});
    m_referenceBytes.assign(static_cast<std::size_t>(rooms), 0);
}

void SkimLedger::messageEnds(int room, std::uint64_t offset)
{
    m_ends[static_cast<std::size_t>(room)].push_back(offset);
}

void SkimLedger::setReferenceBytes(int room, std::uint64_t bytes)
{
    m_referenceBytes[static_cast<std::size_t>(room)] = bytes;
}

std::uint64_t SkimLedger::referenceBytes(int room) const
{
    return m_referenceBytes[static_cast<std::size_t>(room)];
}

std::uint64_t SkimLedger::messagesWithin(int room, std::uint64_t bytes) const
{
    const auto &ends = m_ends[static_cast<std::size_t>(room)];
    return static_cast<std::uint64_t>(std::upper_bound(ends.begin(), ends.end(), bytes) -
                                      ends.begin());
}

} // namespace talker::bench
