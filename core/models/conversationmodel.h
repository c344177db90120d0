#pragma once

#include "client/account.h"
#include "client/accountregistry.h"
#include "client/conversation.h"

#include <QAbstractListModel>
#include <QPointer>

namespace talker::client {
class Account;
class AccountRegistry;
class Conversation;
} // namespace talker::client

namespace talker::models {

/// Private conversations of every account, one per other user, in the order they were opened.
class ConversationModel : public QAbstractListModel
{
    Q_OBJECT
    Q_MOC_INCLUDE("client/accountregistry.h")
    Q_MOC_INCLUDE("client/account.h")
    Q_MOC_INCLUDE("client/conversation.h")
    Q_PROPERTY(talker::client::AccountRegistry *registry READ registry WRITE setRegistry NOTIFY
                   registryChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
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
    };
    Q_ENUM(Role)

    explicit ConversationModel(QObject *parent = nullptr);
    ~ConversationModel() override;

    client::AccountRegistry *registry() const { return m_registry; }
    void setRegistry(client::AccountRegistry *registry);
    int count() const { return rowCount(); }
    int totalUnread() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE talker::client::Conversation *conversationAt(int row) const;
    Q_INVOKABLE int rowOf(talker::client::Conversation *conversation) const;

signals:
    void registryChanged();
    void countChanged();
    void totalsChanged();

private:
    void rebuild();
    void watchAccount(client::Account *account);
    void watchConversation(client::Conversation *conversation);
    void conversationChanged(client::Conversation *conversation);

    QPointer<client::AccountRegistry> m_registry;
    QList<QPointer<client::Conversation>> m_conversations;
};

} // namespace talker::models
