// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "models/roomlistmodel.h"

#include "client/account.h"
#include "client/accountregistry.h"
#include "client/room.h"

namespace talker::models {

using client::Account;
using client::AccountRegistry;
using client::Room;

RoomListModel::RoomListModel(QObject *parent)
    : RegistryListModel(parent)
{}

RoomListModel::~RoomListModel() = default;

QList<QObject *> RoomListModel::itemsOf(Account *account) const
{
    QList<QObject *> items;
    for (Room *r : account->rooms())
        items.append(r);
    return items;
}

void RoomListModel::watchAccount(Account *account)
{
    connect(account, &Account::roomsChanged, this, &RoomListModel::rebuild, Qt::UniqueConnection);
    connect(account, &Account::configChanged, this, [this, account] {
        for (Room *r : account->rooms())
            itemChanged(r);
    });
}

void RoomListModel::watchItem(QObject *item)
{
    watchChat(qobject_cast<Room *>(item));
}

int RoomListModel::totalUnread() const
{
    return sumOver<Room>([](const Room *r) { return r->unreadCount(); });
}

int RoomListModel::totalMentions() const
{
    return sumOver<Room>([](const Room *r) { return r->mentionCount(); });
}

QVariant RoomListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    auto *r = qobject_cast<Room *>(itemAt(index.row()));
    if (!r)
        return QVariant();
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return r->name();
    case AccountIdRole:
        return r->account()->id();
    case AccountLabelRole:
        return r->account()->label();
    case StateRole:
        return int(r->state());
    case ConnectedRole:
        return r->isConnected();
    case StatusTextRole:
        return r->statusText();
    case NextRetryRole:
        return r->nextRetry();
    case AuthFailedRole:
        return r->authenticationFailed();
    case UnreadRole:
        return r->unreadCount();
    case MentionRole:
        return r->mentionCount();
    case PreviewRole:
        return r->lastMessagePreview();
    case LastTimeRole:
        return r->lastMessageTime();
    case RoomRole:
        return QVariant::fromValue<QObject *>(r);
    case AccountRole:
        return QVariant::fromValue<QObject *>(r->account());
    default:
        return QVariant();
    }
}

QHash<int, QByteArray> RoomListModel::roleNames() const
{
    return {{NameRole, "name"},
            {AccountIdRole, "accountId"},
            {AccountLabelRole, "accountLabel"},
            {StateRole, "connectionState"},
            {ConnectedRole, "connected"},
            {StatusTextRole, "statusText"},
            {NextRetryRole, "nextRetry"},
            {AuthFailedRole, "authenticationFailed"},
            {UnreadRole, "unreadCount"},
            {MentionRole, "mentionCount"},
            {PreviewRole, "lastMessagePreview"},
            {LastTimeRole, "lastMessageTime"},
            {RoomRole, "room"},
            {AccountRole, "account"}};
}

Room *RoomListModel::roomAt(int row) const
{
    return qobject_cast<Room *>(itemAt(row));
}

int RoomListModel::rowOf(Room *room) const
{
    return rowOfItem(room);
}

} // namespace talker::models
