// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "client/room.h"

#include <QAbstractListModel>
#include <QPointer>

namespace talker::client {
class Room;
}

namespace talker::models {

/// The members of a room with their presence, sorted: online, idle, offline, each by
/// name (case-insensitive).
class MemberModel : public QAbstractListModel
{
    Q_OBJECT
    Q_MOC_INCLUDE("client/room.h")
    Q_PROPERTY(talker::client::Room *room READ room WRITE setRoom NOTIFY roomChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int onlineCount READ onlineCount NOTIFY countChanged)

public:
    enum Role {
        UserIdRole = Qt::UserRole + 1, ///< "userId"
        NameRole,                      ///< "name"
        PresenceRole,                  ///< "presence": int, client::Room::Presence
        PresenceTextRole,              ///< "presenceText": "online" / "idle" / "offline"
        IsSelfRole,                    ///< "isSelf": bool
        TypingRole,                    ///< "typing": bool
    };
    Q_ENUM(Role)

    explicit MemberModel(QObject *parent = nullptr);
    ~MemberModel() override;

    client::Room *room() const { return m_room; }
    void setRoom(client::Room *room);
    int count() const { return rowCount(); }
    int onlineCount() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Row of a user id (-1 when not a member).
    Q_INVOKABLE int rowOf(const QString &userId) const;

signals:
    void roomChanged();
    void countChanged();

private:
    void rebuild();
    void onMemberChanged(int memberIndex);
    bool lessThan(int memberA, int memberB) const;
    int sortedPosition(int memberIndex, int skipRow) const;

    QPointer<client::Room> m_room;
    QList<int> m_order; ///< row -> index in Room::members()
    QList<QMetaObject::Connection> m_connections;
};

} // namespace talker::models
