// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cluster/rosters.h"
#include "protocol/user.h"

#include <QHash>
#include <QSet>
#include <optional>

namespace talker::cluster {

class NatsLink;
class ClusterStore;

/// Presence across the nodes of a cluster, for one node: the rosters (Rosters) say who
/// is in each room on which node; nodes keep a key alive in TALKER_NODES.
///
/// Sweeping is cheap when nothing happens: a node re-reads a roster only when it is
/// due (an idle user reaching the leave timeout, a presence event left to publish),
/// as known from the rosters this node changed or read, and reads every roster once
/// only when a node has died or when this node starts (then it learns every due time
/// the dead node was keeping).
class ClusterPresence
{
public:
    /// `link` and `store` must outlive this.
    ClusterPresence(NatsLink *link, ClusterStore *store, const QString &nodeName,
                    qint64 leaveTimeoutMs);

    /// A connection of `user` is active on this node: join or back if it was absent
    /// or idle everywhere.
    /// False when NATS did not answer (nothing changed: report it again).
    bool online(const QString &room, const protocol::User &user);
    /// This node's connections of the user went idle: idle if no node has an active one.
    /// False when NATS did not answer (nothing changed: report it again).
    bool inactive(const QString &room, const QString &userId);
    /// This node has no connection of the user any more; `closed`: leave if no other
    /// node has one. Returns the leave line if one was published.
    QByteArray offline(const QString &room, const QString &userId, bool closed);
    std::optional<protocol::User> member(const QString &room, const QString &idOrName);
    QList<protocol::User> members(const QString &room);

    /// The dead nodes' connections leave the rosters (and this node's earlier life's
    /// with `forgetSelf`), idle users past the leave timeout leave.
    void sweep(bool forgetSelf);
    /// Rosters this node will re-read at their due time (for tests and metrics).
    int dueCount() const { return int(m_due.size()); }

private:
    /// Rosters::change, remembering when the roster is due next.
    /// `*answered` false when NATS did not answer.
    QByteArray change(const QString &room, const Rosters::Edit &edit, bool *answered = nullptr);
    /// A report of this node's (online, inactive): `change`, at once false while NATS is
    /// away; false when NATS did not answer.
    bool report(const QString &room, const Rosters::Edit &edit);
    void sweepRoom(const QString &room);
    /// A node not in the last listing of TALKER_NODES is dead only when its key is gone:
    /// a listing can miss a key that is being refreshed at that moment.
    bool isDead(const QString &node);
    /// The wall time (ms) at which the first idle user of `users` times out; 0: none.
    qint64 dueOf(const QJsonObject &users) const;
    bool aliveNodes(QSet<QString> *alive);

    NatsLink *m_link;
    Rosters m_rosters;
    QString m_nodeName;
    qint64 m_leaveTimeoutMs;
    QHash<QString, qint64> m_due; ///< room -> wall ms when its roster may need a change
    QSet<QString> m_alive;        ///< the nodes alive at the last sweep
    QHash<QString, bool> m_dead;  ///< this sweep's isDead() answers (with itself if forgotten)
    bool m_aliveKnown = false;
};

} // namespace talker::cluster
