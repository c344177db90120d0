#include "models/conversationmodel.h"

#include "client/account.h"
#include "client/accountregistry.h"
#include "client/conversation.h"
#include "client/room.h"

namespace talker::models {

using client::Account;
using client::AccountRegistry;
using client::Conversation;

ConversationModel::ConversationModel(QObject *parent)
    : QAbstractListModel(parent)
{}

ConversationModel::~ConversationModel() = default;

void ConversationModel::setRegistry(AccountRegistry *registry)
{
    if (m_registry == registry)
        return;
    if (m_registry)
        m_registry->disconnect(this);
    m_registry = registry;
    if (registry) {
        connect(registry, &AccountRegistry::accountAdded, this, [this](Account *a) {
            watchAccount(a);
            rebuild();
        });
        connect(registry, &AccountRegistry::accountAboutToBeRemoved, this, [this](Account *a) {
            a->disconnect(this);
            for (Conversation *c : a->conversations())
                c->disconnect(this);
            QMetaObject::invokeMethod(this, &ConversationModel::rebuild, Qt::QueuedConnection);
        });
        for (Account *a : registry->accounts())
            watchAccount(a);
    }
    rebuild();
    emit registryChanged();
}

void ConversationModel::watchAccount(Account *account)
{
    connect(account, &Account::conversationAdded, this, [this](Conversation *c) {
        const int row = int(m_conversations.size());
        beginInsertRows({}, row, row);
        m_conversations.append(c);
        watchConversation(c);
        endInsertRows();
        emit countChanged();
        emit totalsChanged();
    });
}

void ConversationModel::watchConversation(Conversation *c)
{
    auto changed = [this, c] {
        conversationChanged(c);
    };
    connect(c, &Conversation::peerNameChanged, this, changed);
    connect(c, &Conversation::roomChanged, this, changed);
    connect(c, &Conversation::stateChanged, this, changed);
    connect(c, &Conversation::countersChanged, this, changed);
    connect(c, &Conversation::lastMessageChanged, this, changed);
}

void ConversationModel::rebuild()
{
    beginResetModel();
    for (const QPointer<Conversation> &c : std::as_const(m_conversations)) {
        if (c)
            c->disconnect(this);
    }
    m_conversations.clear();
    if (m_registry) {
        for (Account *a : m_registry->accounts()) {
            for (Conversation *c : a->conversations()) {
                m_conversations.append(c);
                watchConversation(c);
            }
        }
    }
    endResetModel();
    emit countChanged();
    emit totalsChanged();
}

void ConversationModel::conversationChanged(Conversation *c)
{
    const int row = rowOf(c);
    if (row < 0)
        return;
    emit dataChanged(index(row), index(row));
    emit totalsChanged();
}

int ConversationModel::totalUnread() const
{
    int n = 0;
    for (const QPointer<Conversation> &c : m_conversations) {
        if (c)
            n += c->unreadCount();
    }
    return n;
}

int ConversationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_conversations.size());
}

QVariant ConversationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    Conversation *c = m_conversations.at(index.row());
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
            {ConversationRole, "conversation"}};
}

Conversation *ConversationModel::conversationAt(int row) const
{
    return row >= 0 && row < m_conversations.size() ? m_conversations.at(row).data() : nullptr;
}

int ConversationModel::rowOf(Conversation *conversation) const
{
    for (int i = 0; i < m_conversations.size(); ++i) {
        if (m_conversations.at(i) == conversation)
            return i;
    }
    return -1;
}

} // namespace talker::models
