#pragma once

#include "client/session.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

namespace talker::client {

class Account;
class Room;
class HistoryPager;
class Timeline;

/// A private conversation with one other user of an account, across the rooms the
/// messages came through. Replies go through the room the peer was last seen in.
class Conversation : public QObject
{
    Q_OBJECT
    Q_MOC_INCLUDE("client/historypager.h")
    Q_MOC_INCLUDE("client/account.h")
    Q_MOC_INCLUDE("client/room.h")
    Q_MOC_INCLUDE("client/timeline.h")
    Q_PROPERTY(QString peerId READ peerId CONSTANT)
    Q_PROPERTY(QString peerName READ peerName NOTIFY peerNameChanged)
    Q_PROPERTY(talker::client::Account *account READ account CONSTANT)
    Q_PROPERTY(talker::client::Room *room READ room NOTIFY roomChanged)
    Q_PROPERTY(talker::client::Timeline *timeline READ timeline CONSTANT)
    Q_PROPERTY(talker::client::HistoryPager *pager READ pager CONSTANT)
    Q_PROPERTY(talker::client::Session::State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool connected READ isConnected NOTIFY stateChanged)
    Q_PROPERTY(int unreadCount READ unreadCount NOTIFY countersChanged)
    Q_PROPERTY(QString lastMessagePreview READ lastMessagePreview NOTIFY lastMessageChanged)
    Q_PROPERTY(QDateTime lastMessageTime READ lastMessageTime NOTIFY lastMessageChanged)

public:
    Conversation(Account *account, const QString &peerId, const QString &peerName,
                 QObject *parent = nullptr);

    QString peerId() const { return m_peerId; }
    QString peerName() const { return m_peerName; }
    void setPeerName(const QString &name);
    Account *account() const { return m_account; }
    /// The room replies are sent through (null when none is joined).
    Room *room() const { return m_room; }
    void setRoom(Room *room);
    Timeline *timeline() const { return m_timeline; }
    /// Pages and jumps within the cache (private messages come with their rooms' pages).
    HistoryPager *pager() const { return m_pager; }
    Session::State state() const;
    bool isConnected() const { return state() == Session::State::Connected; }

    int unreadCount() const { return m_unread; }
    void setUnreadCount(int unread);
    void addUnread() { setUnreadCount(m_unread + 1); }
    QString lastMessagePreview() const;
    QDateTime lastMessageTime() const;

    /// Sends a private message to the peer; returns its id (empty when no room).
    Q_INVOKABLE QString sendMessage(const QString &text);
    Q_INVOKABLE bool editMessage(const QString &id, const QString &text);
    Q_INVOKABLE bool retractMessage(const QString &id);
    Q_INVOKABLE bool retry(const QString &id);
    Q_INVOKABLE QString lastOwnMessageId() const;
    Q_INVOKABLE void markRead();

signals:
    void peerNameChanged();
    void roomChanged();
    void stateChanged();
    void countersChanged();
    void lastMessageChanged();

private:
    Account *m_account;
    QString m_peerId;
    QString m_peerName;
    QPointer<Room> m_room;
    Timeline *m_timeline;
    HistoryPager *m_pager;
    int m_unread = 0;
};

} // namespace talker::client
