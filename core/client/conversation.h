// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "client/chat.h"

#include <QPointer>

namespace talker::client {

class Account;
class Room;
class HistoryPager;

/// A private conversation with one other user of an account, across the rooms the
/// messages came through. Replies go through the room the other user was last seen
/// in; that room's session is the conversation's.
class Conversation : public Chat
{
    Q_OBJECT
    Q_MOC_INCLUDE("client/historypager.h")
    Q_MOC_INCLUDE("client/room.h")
    Q_PROPERTY(QString peerId READ peerId CONSTANT)
    Q_PROPERTY(QString peerName READ peerName NOTIFY titleChanged)
    Q_PROPERTY(talker::client::Room *room READ room NOTIFY roomChanged)
    Q_PROPERTY(talker::client::HistoryPager *pager READ pager CONSTANT)

public:
    Conversation(Account *account, const QString &peerId, const QString &peerName,
                 QObject *parent = nullptr);

    QString peerId() const { return m_peerId; }
    QString peerName() const { return m_peerName; }
    void setPeerName(const QString &name);
    QString key() const override;
    QString title() const override { return m_peerName; }
    bool isPrivate() const override { return true; }

    /// The room replies are sent through (null when none is joined).
    Room *room() const { return m_room; }
    void setRoom(Room *room);
    Session *session() const override;
    /// Pages and jumps within the cache (private messages come with their rooms' pages).
    HistoryPager *pager() const { return m_pager; }

    int unreadCount() const override { return m_unread; }
    void setUnreadCount(int unread);
    void addUnread() { setUnreadCount(m_unread + 1); }

    /// Sends a private message to the other user; returns its id (empty when no room).
    QString sendMessage(const QString &text) override;
    QString reply(const QString &replyTo, const QString &text) override;
    bool editMessage(const QString &id, const QString &text) override;
    bool retry(const QString &id) override;
    void markSeen() override { setUnreadCount(0); }

signals:
    void roomChanged();

protected:
    QString previewOf(const Message &message) const override;

private:
    QString m_peerId;
    QString m_peerName;
    QPointer<Room> m_room;
    HistoryPager *m_pager;
    int m_unread = 0;
};

} // namespace talker::client
