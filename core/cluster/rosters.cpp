// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cluster/rosters.h"

#include "cluster/clusterstore.h"
#include "cluster/natslink.h"
#include "protocol/codec.h"
#include "store/token.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

namespace talker::cluster {

Q_LOGGING_CATEGORY(lcRosters, "talker.cluster.rosters")

namespace {

// A roster: {"u": {users}, "p": [events decided, maybe not yet published]}.
const QString kUsers = QStringLiteral("u");
const QString kPending = QStringLiteral("p");
// A pending event: id, kind, sender, time, line.
const QString kId = QStringLiteral("i");
const QString kKind = QStringLiteral("k");
const QString kSender = QStringLiteral("f");
const QString kTime = QStringLiteral("t");
const QString kLine = QStringLiteral("l");

QByteArray rosterKey(const QString &room)
{
    return "room." + names::token(room);
}

QByteArray encodeRoster(const QJsonObject &users, const QJsonArray &pending)
{
    QJsonObject doc{{kUsers, users}};
    if (!pending.isEmpty())
        doc.insert(kPending, pending);
    return QJsonDocument(doc).toJson(QJsonDocument::Compact);
}

protocol::PresenceEvent::Kind presenceKind(int kind)
{
    switch (kind) {
    case int(store::EventKind::Join):
        return protocol::PresenceEvent::Kind::Join;
    case int(store::EventKind::Leave):
        return protocol::PresenceEvent::Kind::Leave;
    case ClusterStore::kIdle:
        return protocol::PresenceEvent::Kind::Idle;
    default:
        return protocol::PresenceEvent::Kind::Back;
    }
}

} // namespace

Rosters::Rosters(NatsLink *link, ClusterStore *store)
    : m_link(link)
    , m_store(store)
{}

QJsonObject Rosters::usersOf(const QByteArray &value)
{
    return QJsonDocument::fromJson(value).object().value(kUsers).toObject();
}

QJsonObject Rosters::read(const QString &room, uint64_t *revision, bool *ok)
{
    *revision = 0;
    QByteArray value;
    // From the leader: a replica that lags would show a roster without the change this
    // node (or another) just made, to the `users` list and to the next change.
    const natsStatus s = m_link->readLatest(m_link->presence(), rosterKey(room), &value, revision);
    if (ok)
        *ok = s == NATS_OK || s == NATS_NOT_FOUND;
    if (s != NATS_OK) {
        *revision = 0;
        return QJsonObject();
    }
    return QJsonDocument::fromJson(value).object();
}

QJsonObject Rosters::users(const QString &room)
{
    uint64_t revision = 0;
    return read(room, &revision).value(kUsers).toObject();
}

QJsonObject Rosters::pendingEvent(const Change &change) const
{
    protocol::PresenceEvent p;
    p.kind = presenceKind(change.kind);
    p.user = change.user;
    p.user.idle = false;
    p.time = QDateTime::currentSecsSinceEpoch();
    p.id = store::generateEventId();
    return QJsonObject{{kId, p.id},
                       {kKind, change.kind},
                       {kSender, change.user.id},
                       {kTime, double(p.time)},
                       {kLine, QString::fromUtf8(protocol::encode(p))}};
}

bool Rosters::publish(const QString &room, const QJsonArray &pending, QByteArray *lastLine)
{
    for (const QJsonValue &v : pending) {
        const QJsonObject o = v.toObject();
        store::StoredEvent e;
        e.room = room;
        e.id = o.value(kId).toString();
        e.kind = store::EventKind(o.value(kKind).toInt());
        e.senderId = o.value(kSender).toString();
        e.time = qint64(o.value(kTime).toDouble());
        e.line = o.value(kLine).toString().toUtf8();
        bool conflict = false;
        // A conflict means the event is stored already (the deciding node or another
        // one published it): once is what we want.
        if (!m_store->publish(&e, 0, &conflict) && !conflict) {
            qCWarning(lcRosters) << "could not publish presence:" << m_store->lastError();
            return false;
        }
        if (lastLine)
            *lastLine = e.line;
    }
    return true;
}

bool Rosters::change(const QString &room, const Edit &edit, QByteArray *published,
                     bool *unpublished)
{
    if (unpublished)
        *unpublished = false;
    const QByteArray key = rosterKey(room);
    for (int attempt = 0; attempt < 100; ++attempt) {
        uint64_t revision = 0;
        bool readOk = false;
        const QJsonObject doc = read(room, &revision, &readOk);
        if (!readOk)
            break; // an unknown roster is not an empty one: "nothing to change" would lose it
        QJsonObject users = doc.value(kUsers).toObject();
        const QJsonArray earlier = doc.value(kPending).toArray();
        // What an earlier change decided goes into the stream before anything later.
        if (!earlier.isEmpty() && !publish(room, earlier, nullptr)) {
            if (unpublished)
                *unpublished = true;
            break;
        }
        const QJsonObject before = users;
        const QList<Change> changes = edit(users);
        if (users == before && changes.isEmpty() && earlier.isEmpty())
            return true;
        QJsonArray pending;
        for (const Change &c : changes)
            pending.append(pendingEvent(c));
        const QByteArray data = encodeRoster(users, pending);
        uint64_t rev = 0;
        const natsStatus s = m_link->compareAndSet(m_link->presence(), key, data, revision, &rev);
        if (s == NATS_OK) {
            if (pending.isEmpty())
                return true;
            if (!publish(room, pending, published)) {
                if (unpublished)
                    *unpublished = true; // the next change of the roster publishes it
                return true;
            }
            // Published: the roster need not carry it any more (if nobody changed it since).
            const QByteArray clean = encodeRoster(users, QJsonArray());
            uint64_t cleanRev = 0;
            m_link->compareAndSet(m_link->presence(), key, clean, rev, &cleanRev);
            return true;
        }
        if (!m_link->isConnected())
            break;
    }
    qCWarning(lcRosters) << "presence of room" << room << "not updated";
    return false;
}

} // namespace talker::cluster
