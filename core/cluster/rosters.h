// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/user.h"

#include <QJsonObject>
#include <functional>

#include <nats/nats.h>

namespace talker::cluster {

class NatsLink;
class ClusterStore;

/// The presence rosters of cluster mode: one key per room in the TALKER_PRESENCE
/// bucket, changed only by compare-and-set (NatsLink::compareAndSet) and read from the
/// bucket's leader (NatsLink::readLatest), so of several nodes exactly one decides each
/// join, idle, back or leave, from the latest roster.
///
/// The presence event a change decides is written into the roster with it (as
/// "pending") and then published; whoever changes the roster next publishes what is
/// still pending first. Event subjects are new-only, so a copy published twice is
/// stored once, and the stream holds presence in roster order even when the node that
/// decided a change is slow to publish it (a late `idle` after another node's
/// `leave` cannot happen).
class Rosters
{
public:
    /// A presence event a roster change asks for.
    struct Change
    {
        int kind; ///< store::EventKind or ClusterStore::kIdle / kBack
        protocol::User user;
    };
    /// Edits the users of a roster ({"<id>": entry}); returns the events it decides.
    using Edit = std::function<QList<Change>(QJsonObject &users)>;

    /// `link` and `store` must outlive the rosters.
    Rosters(NatsLink *link, ClusterStore *store);

    /// Applies `edit` to the room's roster by compare-and-set (retrying on conflicts)
    /// and publishes the events it decides. False if NATS did not answer.
    /// `*published` receives the last line it published; `*unpublished` is set when an
    /// event stays pending in the roster (NATS did not store it: publish it later).
    bool change(const QString &room, const Edit &edit, QByteArray *published = nullptr,
                bool *unpublished = nullptr);
    /// The users of the room's roster (empty when none or NATS did not answer).
    QJsonObject users(const QString &room);
    /// The users in a roster value as stored (for a watcher of the bucket).
    static QJsonObject usersOf(const QByteArray &value);

private:
    /// The roster (empty and revision 0 when there is none yet); `*ok` false when NATS
    /// did not answer (then the roster is unknown, not empty).
    QJsonObject read(const QString &room, uint64_t *revision, bool *ok = nullptr);
    /// The event for `change`, as a pending entry of the roster.
    QJsonObject pendingEvent(const Change &change) const;
    /// Publishes pending entries; false if one could not be stored.
    bool publish(const QString &room, const QJsonArray &pending, QByteArray *lastLine);

    NatsLink *m_link;
    ClusterStore *m_store;
};

} // namespace talker::cluster
