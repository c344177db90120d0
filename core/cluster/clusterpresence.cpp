// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cluster/clusterpresence.h"

#include "cluster/clusterstore.h"
#include "cluster/natslink.h"

#include <QDateTime>

#include <utility>

namespace talker::cluster {

namespace {

// Roster entries: {"n": name, "i": idle, "s": idle since (epoch ms),
//                  "c": {"<node>": active here}}
const QString kName = QStringLiteral("n");
const QString kIdle = QStringLiteral("i");
const QString kSince = QStringLiteral("s");
const QString kNodes = QStringLiteral("c");

/// A roster whose event could not be published is looked at again this soon.
constexpr qint64 kRetryMs = 1000;

qint64 wallMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

protocol::User userOf(const QString &id, const QJsonObject &entry)
{
    return protocol::User{id, entry.value(kName).toString(), entry.value(kIdle).toBool()};
}

bool anyActive(const QJsonObject &nodes)
{
    for (auto it = nodes.begin(); it != nodes.end(); ++it) {
        if (it.value().toBool())
            return true;
    }
    return false;
}

/// Marks the entry idle (one `idle` event) when none of its nodes is active.
void idleIfInactive(const QString &id, QJsonObject &entry, qint64 now, QList<Rosters::Change> *out)
{
    if (entry.value(kIdle).toBool() || anyActive(entry.value(kNodes).toObject()))
        return;
    entry.insert(kIdle, true);
    entry.insert(kSince, now);
    out->append({ClusterStore::kIdle, userOf(id, entry)});
}

} // namespace

ClusterPresence::ClusterPresence(NatsLink *link, ClusterStore *store, const QString &nodeName,
                                 qint64 leaveTimeoutMs)
    : m_link(link)
    , m_rosters(link, store)
    , m_nodeName(nodeName)
    , m_leaveTimeoutMs(leaveTimeoutMs)
{}

qint64 ClusterPresence::dueOf(const QJsonObject &users) const
{
    qint64 due = 0;
    for (auto it = users.begin(); it != users.end(); ++it) {
        const QJsonObject entry = it.value().toObject();
        if (!entry.value(kIdle).toBool())
            continue;
        const qint64 at = qint64(entry.value(kSince).toDouble()) + m_leaveTimeoutMs;
        due = due == 0 ? at : qMin(due, at);
    }
    return due;
}

QByteArray ClusterPresence::change(const QString &room, const Rosters::Edit &edit, bool *answered)
{
    QByteArray published;
    qint64 due = 0;
    bool unpublished = false;
    const bool ok = m_rosters.change(
        room,
        [&](QJsonObject &users) {
            const QList<Rosters::Change> out = edit(users);
            due = dueOf(users); // of the attempt that is written (the last one)
            return out;
        },
        &published, &unpublished);
    if (answered)
        *answered = ok;
    if (!ok || unpublished)
        due = due == 0 ? wallMs() + kRetryMs : qMin(due, wallMs() + kRetryMs);
    if (due != 0)
        m_due.insert(room, due);
    else
        m_due.remove(room);
    return published;
}

bool ClusterPresence::report(const QString &room, const Rosters::Edit &edit)
{
    if (!m_link->isConnected())
        return false; // NATS away: no waiting on the hub's thread, the caller reports again
    bool answered = false;
    change(room, edit, &answered);
    return answered;
}

bool ClusterPresence::online(const QString &room, const protocol::User &user)
{
    return report(room, [&](QJsonObject &roster) {
        QList<Rosters::Change> out;
        QJsonObject entry = roster.value(user.id).toObject();
        QJsonObject nodes = entry.value(kNodes).toObject();
        nodes.insert(m_nodeName, true);
        if (entry.isEmpty()) {
            entry.insert(kName, user.name);
            out.append({int(store::EventKind::Join), user});
        } else if (entry.value(kIdle).toBool()) {
            out.append({ClusterStore::kBack, user});
        }
        entry.insert(kIdle, false);
        entry.insert(kNodes, nodes);
        roster.insert(user.id, entry);
        return out;
    });
}

bool ClusterPresence::inactive(const QString &room, const QString &userId)
{
    return report(room, [&](QJsonObject &roster) {
        QList<Rosters::Change> out;
        QJsonObject entry = roster.value(userId).toObject();
        if (entry.isEmpty())
            return out;
        QJsonObject nodes = entry.value(kNodes).toObject();
        nodes.insert(m_nodeName, false);
        entry.insert(kNodes, nodes);
        idleIfInactive(userId, entry, wallMs(), &out);
        roster.insert(userId, entry);
        return out;
    });
}

QByteArray ClusterPresence::offline(const QString &room, const QString &userId, bool closed)
{
    return change(room, [&](QJsonObject &roster) {
        QList<Rosters::Change> out;
        QJsonObject entry = roster.value(userId).toObject();
        if (entry.isEmpty())
            return out;
        QJsonObject nodes = entry.value(kNodes).toObject();
        nodes.remove(m_nodeName);
        entry.insert(kNodes, nodes);
        if (closed && nodes.isEmpty()) {
            roster.remove(userId);
            out.append({int(store::EventKind::Leave), userOf(userId, entry)});
            return out;
        }
        idleIfInactive(userId, entry, wallMs(), &out);
        roster.insert(userId, entry);
        return out;
    });
}

std::optional<protocol::User> ClusterPresence::member(const QString &room, const QString &idOrName)
{
    const QJsonObject r = m_rosters.users(room);
    if (r.contains(idOrName))
        return userOf(idOrName, r.value(idOrName).toObject());
    for (auto it = r.begin(); it != r.end(); ++it) {
        if (it.value().toObject().value(kName).toString() == idOrName)
            return userOf(it.key(), it.value().toObject());
    }
    return std::nullopt;
}

QList<protocol::User> ClusterPresence::members(const QString &room)
{
    QList<protocol::User> out;
    const QJsonObject r = m_rosters.users(room);
    for (auto it = r.begin(); it != r.end(); ++it)
        out.append(userOf(it.key(), it.value().toObject()));
    return out;
}

bool ClusterPresence::aliveNodes(QSet<QString> *alive)
{
    if (!m_link->isConnected())
        return false; // NATS away: declare nobody dead
    kvKeysList keys;
    if (kvStore_Keys(&keys, m_link->nodes(), nullptr) != NATS_OK)
        return false;
    for (int i = 0; i < keys.Count; ++i)
        alive->insert(QString::fromUtf8(QByteArray::fromHex(QByteArray(keys.Keys[i]))));
    kvKeysList_Destroy(&keys);
    return true;
}

bool ClusterPresence::isDead(const QString &node)
{
    if (m_alive.contains(node))
        return false;
    const auto known = m_dead.constFind(node);
    if (known != m_dead.cend())
        return *known;
    // Listing the bucket (kvStore_Keys) can skip a key whose only message is being
    // replaced by a heartbeat just then; a read of the key itself cannot.
    QByteArray value;
    uint64_t revision = 0;
    const natsStatus s = m_link->readLatest(m_link->nodes(), names::token(node), &value, &revision);
    // Expired (not found) or deleted: dead. No answer: not known dead, so alive.
    const bool dead = s == NATS_NOT_FOUND || (s == NATS_OK && value.isEmpty());
    m_dead.insert(node, dead);
    return dead;
}

void ClusterPresence::sweep(bool forgetSelf)
{
    QSet<QString> alive;
    if (!aliveNodes(&alive))
        return;
    m_dead.clear();
    if (forgetSelf) {
        alive.remove(m_nodeName);
        m_dead.insert(m_nodeName, true); // its key may still be there from its earlier life
    }
    bool lost = forgetSelf || !m_aliveKnown;
    const QSet<QString> before = std::exchange(m_alive, alive);
    for (const QString &node : before) {
        if (alive.contains(node))
            continue;
        if (isDead(node))
            lost = true;
        else
            m_alive.insert(node); // missed by the listing
    }
    m_aliveKnown = true;
    QStringList rooms;
    if (lost) {
        // Every roster once: the dead node's users go idle, and this node learns when
        // the rosters it did not change are due.
        kvKeysList keys;
        if (kvStore_Keys(&keys, m_link->presence(), nullptr) != NATS_OK) {
            m_aliveKnown = false; // try the whole sweep again at the next tick
            return;
        }
        for (int i = 0; i < keys.Count; ++i)
            rooms.append(QString::fromUtf8(QByteArray::fromHex(QByteArray(keys.Keys[i]).mid(5))));
        kvKeysList_Destroy(&keys);
    } else {
        const qint64 now = wallMs();
        for (auto it = m_due.cbegin(); it != m_due.cend(); ++it) {
            if (it.value() <= now)
                rooms.append(it.key());
        }
    }
    for (const QString &room : std::as_const(rooms))
        sweepRoom(room);
}

void ClusterPresence::sweepRoom(const QString &room)
{
    const qint64 now = wallMs();
    change(room, [&](QJsonObject &roster) {
        QList<Rosters::Change> out;
        for (const QString &id : roster.keys()) {
            QJsonObject entry = roster.value(id).toObject();
            QJsonObject nodes = entry.value(kNodes).toObject();
            for (const QString &node : nodes.keys()) {
                if (isDead(node))
                    nodes.remove(node); // that node died with the user's connections
            }
            entry.insert(kNodes, nodes);
            if (entry.value(kIdle).toBool() &&
                now - qint64(entry.value(kSince).toDouble()) >= m_leaveTimeoutMs) {
                roster.remove(id);
                out.append({int(store::EventKind::Leave), userOf(id, entry)});
                continue;
            }
            idleIfInactive(id, entry, now, &out);
            roster.insert(id, entry);
        }
        return out;
    });
}

} // namespace talker::cluster
