// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/roomplacement.h"

#include <algorithm>

namespace talker::server {

RoomPlacement::RoomPlacement(int shards, qsizetype maxRemembered)
    : m_rooms(qMax(1, shards), 0)
    , m_maxRemembered(maxRemembered)
{}

int RoomPlacement::shardOf(const QString &room)
{
    if (const auto it = m_placed.constFind(room); it != m_placed.constEnd())
        return *it;
    // qHash's seed is fixed for the life of the process: the same room, the same shard.
    if (m_placed.size() >= m_maxRemembered)
        return int(qHash(room) % size_t(m_rooms.size()));
    const int shard = int(std::min_element(m_rooms.cbegin(), m_rooms.cend()) - m_rooms.cbegin());
    m_rooms[shard] += 1;
    m_placed.insert(room, shard);
    return shard;
}

} // namespace talker::server
