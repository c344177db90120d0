// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "client/account.h"
#include "client/accountregistry.h"
#include "client/room.h"

#include "models/registrylistmodel.h"

namespace talker::client {
class Account;
class AccountRegistry;
class Room;
} // namespace talker::client

namespace talker::models {

/// The joined rooms of every account in the registry, in account order then the
/// user's room order, with connection state and badges for the sidebar.
class RoomListModel : public RegistryListModel
{
    Q_OBJECT
    Q_MOC_INCLUDE("client/room.h")
    Q_PROPERTY(int totalUnread READ totalUnread NOTIFY totalsChanged)
    Q_PROPERTY(int totalMentions READ totalMentions NOTIFY totalsChanged)

public:
    enum Role {
        NameRole = Qt::UserRole + 1, ///< "name": the room's name
        AccountIdRole,               ///< "accountId"
        AccountLabelRole,            ///< "accountLabel"
        StateRole,                   ///< "connectionState": int, client::Session::State
        ConnectedRole,               ///< "connected": bool
        StatusTextRole,              ///< "statusText"
        NextRetryRole,               ///< "nextRetry": QDateTime
        AuthFailedRole,              ///< "authenticationFailed": bool
        UnreadRole,                  ///< "unreadCount"
        MentionRole,                 ///< "mentionCount"
        PreviewRole,                 ///< "lastMessagePreview"
        LastTimeRole,                ///< "lastMessageTime": QDateTime
        RoomRole,                    ///< "room": client::Room* (QObject)
        AccountRole,                 ///< "account": client::Account* (QObject)
    };
    Q_ENUM(Role)

    explicit RoomListModel(QObject *parent = nullptr);
    ~RoomListModel() override;

    int totalUnread() const;
    int totalMentions() const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE talker::client::Room *roomAt(int row) const;
    /// Row of a room (-1 when not listed).
    Q_INVOKABLE int rowOf(talker::client::Room *room) const;

protected:
    QList<QObject *> itemsOf(client::Account *account) const override;
    void watchAccount(client::Account *account) override;
    void watchItem(QObject *item) override;
};

} // namespace talker::models
