// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "store/store.h"

#include "protocol/username.h"

namespace talker::store {

Store::~Store() = default;

bool Store::appendAll(const QList<StoredEvent *> &events)
{
    for (StoredEvent *e : events) {
        if (!append(e))
            return false;
    }
    return true;
}

std::optional<UserRecord> Store::userByNameKey(const QString &name)
{
    const QString key = protocol::userNameKey(name);
    for (const UserRecord &user : users()) {
        if (protocol::userNameKey(user.name) == key)
            return user;
    }
    return std::nullopt;
}

// Stores that have no invites yet (the defaults) refuse every invite operation.
std::optional<InviteRecord> Store::createInvite(const QString &, int, qint64, QString *)
{
    return std::nullopt;
}

QList<InviteRecord> Store::invites()
{
    return {};
}

bool Store::revokeInvite(const QString &)
{
    return false;
}

RedeemResult Store::redeemInvite(const QString &, const QString &, UserRecord *, QString *)
{
    return RedeemResult::InvalidInvite;
}

} // namespace talker::store

namespace talker::store {

HistoryPage Store::historyBefore(const QString &, const QString &, const QString &, int)
{
    return HistoryPage{};
}

std::optional<QByteArray> Store::lineAt(qint64)
{
    return std::nullopt;
}

SearchPage Store::search(const SearchQuery &)
{
    return SearchPage{};
}

} // namespace talker::store

namespace talker::store {

QList<StoredEvent> Store::openPresences()
{
    return {};
}

bool Store::appendClosingLeaves(const QList<StoredEvent *> &leaves)
{
    return appendAll(leaves);
}

qint64 Store::firstSeq(const QString &, const QString &)
{
    return -1;
}

qint64 Store::lastSeq(const QString &)
{
    return 0;
}

qint64 Store::seqBeforeNewest(const QString &, const QString &, qint64 afterSeq, qint64, int)
{
    return afterSeq;
}

QList<StoredEvent> Store::eventsBetween(const QString &, const QString &, qint64, qint64, int)
{
    return {};
}

} // namespace talker::store
