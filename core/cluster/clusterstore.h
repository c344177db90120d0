// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cluster/clusterinvites.h"
#include "store/store.h"

#include <atomic>
#include <functional>

#include <nats/nats.h>

namespace talker::cluster {

class NatsLink;

/// The Store of cluster mode: users (names unique ignoring case) and invites
/// (ClusterInvites) in the TALKER_USERS bucket, room history in the
/// TALKER_ROOMS stream (subject `talker.r.<room>.<id>`, so the latest state of a
/// message is the last message on its subject). Nothing is kept on the node.
class ClusterStore : public store::Store
{
public:
    /// `link` must be open and outlive the store.
    explicit ClusterStore(NatsLink *link);

    /// Replays stop at this stream sequence: what the node has delivered so far, so a
    /// replay and the live events that follow it never overlap nor leave a gap.
    /// 0 (the default, e.g. for the CLI) reads to the end.
    void setHorizon(std::function<quint64()> horizon) { m_horizon = std::move(horizon); }

    QString lastError() const override { return m_error; }

    std::optional<store::UserRecord> addUser(const QString &name, QString *token) override;
    bool removeUser(const QString &name) override;
    std::optional<QString> resetToken(const QString &name) override;
    QList<store::UserRecord> users() override;
    std::optional<store::UserRecord> userByToken(const QString &token) override;
    std::optional<store::UserRecord> userByName(const QString &name) override;

    std::optional<store::UserRecord> userByNameKey(const QString &name) override;

    std::optional<store::InviteRecord> createInvite(const QString &room, int uses, qint64 expires,
                                                    QString *code) override;
    QList<store::InviteRecord> invites() override;
    bool revokeInvite(const QString &codeOrId) override;
    store::RedeemResult redeemInvite(const QString &code, const QString &name,
                                     store::UserRecord *user, QString *token) override;

    bool ensureRoom(const QString &room) override;
    QStringList rooms() override;

    bool append(store::StoredEvent *event) override;
    std::optional<store::StoredEvent> latest(const QString &room, const QString &id) override;
    QList<store::StoredEvent> eventsAfter(const QString &room, const QString &afterId,
                                          const QString &userId, int cap, bool *found) override;
    QList<store::StoredEvent> lastEvents(const QString &room, const QString &userId,
                                         int count) override;
    /// Pages back through the stream (read from the room's start, like lastEvents()).
    store::HistoryPage historyBefore(const QString &room, const QString &beforeId,
                                     const QString &userId, int limit) override;
    std::optional<QByteArray> lineAt(qint64 seq) override;

    /// Publishes an event on its subject and waits for JetStream's acknowledgement.
    /// `expectedSeq`: for messages, the seq of the current state (0: the id must be new).
    /// Sets event->seq. *conflict tells a lost compare-and-set from other failures.
    bool publish(store::StoredEvent *event, qint64 expectedSeq, bool *conflict);

    /// Publishes several events at once and waits for all acknowledgements (one round
    /// trip for a store batch); `*stored` and `*conflicts` get one flag per event.
    void publishAll(const QList<store::StoredEvent *> &events, const QList<qint64> &expectedSeqs,
                    QList<bool> *stored, QList<bool> *conflicts);

    /// The event in a stream message (headers and the wire line).
    static store::StoredEvent fromMessage(natsMsg *msg, quint64 seq);
    /// Kinds beyond store::EventKind that only travel on the bus (never replayed).
    static constexpr int kIdle = 3;
    static constexpr int kBack = 4;

private:
    bool fail(natsStatus status, const char *what, jsErrCode code = jsErrCode(0));
    /// The message for `event` with its headers and compare-and-set options.
    natsMsg *toMessage(const store::StoredEvent &event, qint64 expectedSeq, jsPubOptions *po);
    std::optional<QByteArray> get(const QByteArray &key);
    std::optional<store::UserRecord> userById(const QString &id);
    std::optional<QString> nextUserId();
    /// The first stream sequence of a subject at or after `from` (0: none).
    quint64 firstSeq(const QByteArray &subject, quint64 from);
    /// Reads the room's events from `from`, up to the horizon, visible to `userId`;
    /// keeps the newest `keep`.
    QList<store::StoredEvent> readRoom(const QString &room, quint64 from, const QString &userId,
                                       int keep);
    using Accept = std::function<bool(const store::StoredEvent &)>;
    /// Reads the room's events from `from` up to `to` (0: to the end) and keeps the
    /// newest `keep` that `accept` takes.
    QList<store::StoredEvent> readRoom(const QString &room, quint64 from, quint64 to, int keep,
                                       const Accept &accept);
    struct RoomRead;
    /// A subscription to the filter's events from stream sequence `seq`; nullptr on
    /// failure (lastError()).
    natsSubscription *subscribeFrom(const QByteArray &filter, quint64 seq);
    /// readRoom() steps: reads the subscription until the horizon, the room's end
    /// (read->done) or a stall.
    void readOn(natsSubscription *sub, RoomRead *read);

    NatsLink *m_link;
    ClusterInvites m_invites;
    std::function<quint64()> m_horizon;
    QString m_error;
    bool m_nameTaken = false; ///< the last addUser() failed on an existing name
};

} // namespace talker::cluster
