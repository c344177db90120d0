// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <deque>

namespace talker::server {

/// The message ids of one room's live-typing drafts, each reserved for its author from
/// the first partial on. Drafts are never stored, so without this anyone who watches
/// drafts could send a final message with someone else's draft id first and take it.
/// Holds at most kCapacity ids; the oldest reservations are forgotten first.
class DraftReservations
{
public:
    static constexpr int kCapacity = 4096;

    /// Reserves `id` for `userId` unless someone else holds it. True when `userId`
    /// holds it now.
    bool reserve(const QString &id, const QString &userId);
    /// True when `id` is reserved for a user other than `userId`.
    bool takenByOther(const QString &id, const QString &userId) const;

private:
    QHash<QString, QString> m_owner; ///< id -> user id
    std::deque<QString> m_order;     ///< ids, oldest reservation first
};

} // namespace talker::server
