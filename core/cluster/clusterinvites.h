// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/invite.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <functional>
#include <optional>

#include <nats/nats.h>

namespace talker::cluster {

class NatsLink;

/// Invites in cluster mode, in the TALKER_USERS bucket beside the users:
/// `invite.<code hash>` holds the record (JSON), `inviteid.<id>` the hash (so
/// `invite revoke ID` finds it), `invitecounter` the last id. The code itself is never
/// stored. Uses are claimed by compare-and-set, so two nodes redeeming the last use
/// at once create one account.
class ClusterInvites
{
public:
    /// `link` must be open and outlive this.
    explicit ClusterInvites(NatsLink *link);

    QString lastError() const { return m_error; }

    std::optional<store::InviteRecord> create(const QString &room, int uses, qint64 expires,
                                              QString *code);
    QList<store::InviteRecord> list();
    bool revoke(const QString &codeOrId);
    /// Claims one use of the invite (compare-and-set). InvalidInvite when unusable.
    store::RedeemResult claim(const QString &code);
    /// Gives back a use claimed by claim() (the account could not be created).
    void release(const QString &code);

    /// The next value of the counter at `key` in the users bucket (compare-and-set, so
    /// two nodes never get the same one); nullopt with `*error` set when NATS did not
    /// answer.
    static std::optional<quint64> nextCounter(NatsLink *link, const char *key, QString *error);

private:
    /// Reads the record at `key` with its revision; nullopt when absent or failed.
    std::optional<store::InviteRecord> read(const QByteArray &key, uint64_t *revision);
    /// Changes the record at `key` by compare-and-set, retrying on conflicts;
    /// `edit` returns false to leave it as it is.
    store::RedeemResult update(const QByteArray &key,
                               const std::function<bool(store::InviteRecord &)> &edit);

    NatsLink *m_link;
    QString m_error;
};

} // namespace talker::cluster
