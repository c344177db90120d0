// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace talker::client {
class Account;
class AccountRegistry;
class Chat;
class Conversation;
class Room;
} // namespace talker::client
namespace talker::models {
class ConversationModel;
class MemberModel;
class MessageModel;
class RoomListModel;
class SwitcherModel;
} // namespace talker::models

namespace talker::app {

class AppSettings;

/// Which chat is open, and the models that show it (its messages and members), as
/// NeoChat's RoomManager: selection (by click, key, Ctrl+Tab, the quick switcher),
/// joining and leaving, what counts as seen or read, and the connection banner of
/// the open chat. The views reach it as `App.chats`.
class ChatManager : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by App")
    Q_MOC_INCLUDE("client/account.h")
    Q_MOC_INCLUDE("client/chat.h")
    Q_MOC_INCLUDE("client/room.h")
    Q_MOC_INCLUDE("client/conversation.h")
    Q_MOC_INCLUDE("models/messagemodel.h")
    Q_MOC_INCLUDE("models/membermodel.h")
    Q_MOC_INCLUDE("models/switchermodel.h")
    Q_PROPERTY(talker::models::MessageModel *messages READ messages CONSTANT)
    Q_PROPERTY(talker::models::MemberModel *members READ members CONSTANT)
    /// The quick switcher's results (Ctrl+K), filtered by its `filter`.
    Q_PROPERTY(talker::models::SwitcherModel *switcher READ switcher CONSTANT)
    Q_PROPERTY(talker::client::Chat *currentChat READ currentChat NOTIFY currentChanged)
    Q_PROPERTY(talker::client::Room *currentRoom READ currentRoom NOTIFY currentChanged)
    Q_PROPERTY(talker::client::Conversation *currentConversation READ currentConversation NOTIFY
                   currentChanged)
    Q_PROPERTY(talker::client::Account *currentAccount READ currentAccount NOTIFY currentChanged)
    Q_PROPERTY(QString currentKey READ currentKey NOTIFY currentChanged)
    Q_PROPERTY(QString currentTitle READ currentTitle NOTIFY currentChanged)
    Q_PROPERTY(bool offline READ offline NOTIFY connectionChanged)
    Q_PROPERTY(bool authenticationFailed READ authenticationFailed NOTIFY connectionChanged)
    Q_PROPERTY(QString connectionText READ connectionText NOTIFY connectionChanged)
    Q_PROPERTY(int peerPresence READ peerPresence NOTIFY connectionChanged)
    Q_PROPERTY(bool windowActive READ windowActive WRITE setWindowActive NOTIFY windowActiveChanged)

public:
    /// `rooms` and `conversations` give the sidebar's order (Ctrl+Tab, switcher).
    ChatManager(AppSettings *settings, client::AccountRegistry *registry,
                models::RoomListModel *rooms, models::ConversationModel *conversations,
                QObject *parent = nullptr);
    ~ChatManager() override;

    models::MessageModel *messages() const { return m_messages; }
    models::MemberModel *members() const { return m_members; }
    models::SwitcherModel *switcher() const { return m_switcher; }
    client::Chat *currentChat() const;
    client::Room *currentRoom() const;
    client::Conversation *currentConversation() const;
    client::Account *currentAccount() const;
    QString currentKey() const;
    QString currentTitle() const;
    bool offline() const;
    bool authenticationFailed() const;
    QString connectionText() const;
    /// In a private chat, the other person's presence (client::PeerPresence::State:
    /// -1 unknown while disconnected, 0 online, 1 idle, 2 offline); -1 elsewhere.
    int peerPresence() const;
    /// The room (a conversation's room) has been connected at least once: this run,
    /// or before (it has history). Sends into a room that never was are refused.
    bool everConnected(const client::Chat *chat) const;
    bool windowActive() const { return m_windowActive; }
    void setWindowActive(bool active);

    /// Opens the chat the user had open last time, else the first room.
    void restoreLast();

    Q_INVOKABLE void selectChat(talker::client::Chat *chat);
    Q_INVOKABLE void selectRoom(talker::client::Room *room);
    Q_INVOKABLE void selectConversation(talker::client::Conversation *conversation);
    /// Opens the chat with this key (Chat::key(); a click on a notification).
    Q_INVOKABLE bool selectKey(const QString &key);
    /// Opens (or creates) the private conversation with a member of the open room.
    Q_INVOKABLE void openPrivate(const QString &userId, const QString &userName);
    /// Ctrl+Tab / Ctrl+Shift+Tab: the next/previous entry of the sidebar, wrapping.
    Q_INVOKABLE void selectNext(int step);
    /// Sidebar entries whose name contains `filter`, as {key, title, subtitle, unread,
    /// isPrivate} (the switcher view uses `switcher`; tests pick chats by name with this).
    Q_INVOKABLE QVariantList switcherEntries(const QString &filter) const;
    /// Joins a room by name on the current account (else the first) and opens it.
    Q_INVOKABLE void joinRoom(const QString &name);
    /// Leaves the open room (sends `close`).
    Q_INVOKABLE void leaveCurrentRoom();
    /// Retry now, on every room of the current account.
    Q_INVOKABLE void retryNow();
    /// The open chat is on screen: its badges clear, but the new-messages divider
    /// stays where it was until the user leaves the chat or the window.
    Q_INVOKABLE void markCurrentSeen();
    /// Everything in the open chat was read: the divider moves to the newest message.
    Q_INVOKABLE void markCurrentRead();

signals:
    void currentChanged();
    void connectionChanged();
    void windowActiveChanged();

private:
    void watchAccount(client::Account *account);
    QList<client::Chat *> sidebarEntries() const;
    void watchRoom(client::Room *room);

    AppSettings *m_settings;
    client::AccountRegistry *m_registry;
    models::RoomListModel *m_rooms;
    models::ConversationModel *m_conversations;
    models::MessageModel *m_messages;
    models::MemberModel *m_members;
    models::SwitcherModel *m_switcher;
    QPointer<client::Chat> m_chat;
    QList<QMetaObject::Connection> m_stateConnections;
    bool m_windowActive = false;
    QSet<QString> m_connectedRooms; ///< keys of rooms that reached Connected this run
};

} // namespace talker::app
