// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "client/account.h"
#include "client/accountregistry.h"
#include "client/conversation.h"

#include "models/registrylistmodel.h"

namespace talker::client {
class Account;
class AccountRegistry;
class Conversation;
} // namespace talker::client

namespace talker::models {

/// Private conversations of every account, one per other user, in the order they were opened.
class ConversationModel : public RegistryListModel
{
    Q_OBJECT
    Q_MOC_INCLUDE("client/conversation.h")
    Q_PROPERTY(int totalUnread READ totalUnread NOTIFY totalsChanged)

public:
    enum Role {
        PeerIdRole = Qt::UserRole + 1, ///< "peerId"
        PeerNameRole,                  ///< "peerName" (also Qt::DisplayRole)
        AccountIdRole,                 ///< "accountId"
        AccountLabelRole,              ///< "accountLabel"
        RoomNameRole,                  ///< "roomName": the room replies go through
        StateRole,                     ///< "connectionState": int, client::Session::State
        ConnectedRole,                 ///< "connected": bool
        UnreadRole,                    ///< "unreadCount"
        PreviewRole,                   ///< "lastMessagePreview"
        LastTimeRole,                  ///< "lastMessageTime": QDateTime
        ConversationRole,              ///< "conversation": client::Conversation* (QObject)
        PeerPresenceRole, ///< "peerPresence": int, client::PeerPresence::State (-1 unknown)
    };
    Q_ENUM(Role)

    explicit ConversationModel(QObject *parent = nullptr);
    ~ConversationModel() override;

    int totalUnread() const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE talker::client::Conversation *conversationAt(int row) const;
    Q_INVOKABLE int rowOf(talker::client::Conversation *conversation) const;

protected:
    QList<QObject *> itemsOf(client::Account *account) const override;
    void watchAccount(client::Account *account) override;
    void watchItem(QObject *item) override;
};

} // namespace talker::models
