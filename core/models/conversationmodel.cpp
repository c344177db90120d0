// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "models/conversationmodel.h"

#include "client/account.h"
#include "client/accountregistry.h"
#include "client/conversation.h"
#include "client/peerpresence.h"
#include "client/room.h"

namespace talker::models {

using client::Account;
using client::AccountRegistry;
using client::Conversation;

ConversationModel::ConversationModel(QObject *parent)
    : RegistryListModel(parent)
{}

ConversationModel::~ConversationModel() = default;

QList<QObject *> ConversationModel::itemsOf(Account *account) const
{
    QList<QObject *> items;
    for (Conversation *c : account->conversations())
        items.append(c);
    return items;
}

void ConversationModel::watchAccount(Account *account)
{
    connect(account, &Account::conversationAdded, this, [this](Conversation *c) { appendItem(c); });
}

void ConversationModel::watchItem(QObject *item)
{
    auto *c = qobject_cast<Conversation *>(item);
    watchChat(c);
    connect(c, &Conversation::roomChanged, this, [this, c] { itemChanged(c); });
    connect(client::PeerPresence::of(c), &client::PeerPresence::changed, this,
            [this, c] { itemChanged(c); });
}

int ConversationModel::totalUnread() const
{
    return sumOver<Conversation>([](const Conversation *c) { return c->unreadCount(); });
}

QVariant ConversationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    auto *c = qobject_cast<Conversation *>(itemAt(index.row()));
    if (!c)
        return QVariant();
    switch (role) {
    case Qt::DisplayRole:
    case PeerNameRole:
        return c->peerName();
    case PeerIdRole:
        return c->peerId();
    case AccountIdRole:
        return c->account()->id();
    case AccountLabelRole:
        return c->account()->label();
    case RoomNameRole:
        return c->room() ? c->room()->name() : QString();
    case StateRole:
        return int(c->state());
    case ConnectedRole:
        return c->isConnected();
    case UnreadRole:
        return c->unreadCount();
    case PreviewRole:
        return c->lastMessagePreview();
    case LastTimeRole:
        return c->lastMessageTime();
    case ConversationRole:
        return QVariant::fromValue<QObject *>(c);
    case PeerPresenceRole:
        return client::PeerPresence::of(c)->state();
    default:
        return QVariant();
    }
}

QHash<int, QByteArray> ConversationModel::roleNames() const
{
    return {{PeerIdRole, "peerId"},
            {PeerNameRole, "peerName"},
            {AccountIdRole, "accountId"},
            {AccountLabelRole, "accountLabel"},
            {RoomNameRole, "roomName"},
            {StateRole, "connectionState"},
            {ConnectedRole, "connected"},
            {UnreadRole, "unreadCount"},
            {PreviewRole, "lastMessagePreview"},
            {LastTimeRole, "lastMessageTime"},
            {ConversationRole, "conversation"},
            {PeerPresenceRole, "peerPresence"}};
}

Conversation *ConversationModel::conversationAt(int row) const
{
    return qobject_cast<Conversation *>(itemAt(row));
}

int ConversationModel::rowOf(Conversation *conversation) const
{
    return rowOfItem(conversation);
}

} // namespace talker::models
