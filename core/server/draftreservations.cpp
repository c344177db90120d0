// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/draftreservations.h"

namespace talker::server {

bool DraftReservations::reserve(const QString &id, const QString &userId)
{
    const auto it = m_owner.constFind(id);
    if (it != m_owner.constEnd())
        return *it == userId;
    if (m_order.size() >= size_t(kCapacity)) {
        m_owner.remove(m_order.front());
        m_order.pop_front();
    }
    m_owner.insert(id, userId);
    m_order.push_back(id);
    return true;
}

bool DraftReservations::takenByOther(const QString &id, const QString &userId) const
{
    const auto it = m_owner.constFind(id);
    return it != m_owner.constEnd() && *it != userId;
}

} // namespace talker::server
