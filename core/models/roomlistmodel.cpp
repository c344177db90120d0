#include "models/roomlistmodel.h"

#include "client/account.h"
#include "client/accountregistry.h"
#include "client/room.h"

namespace talker::models {

using client::Account;
using client::AccountRegistry;
using client::Room;

RoomListModel::RoomListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

RoomListModel::~RoomListModel() = default;

void RoomListModel::setRegistry(AccountRegistry *registry)
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
            for (Room *r : a->rooms())
                r->disconnect(this);
            QMetaObject::invokeMethod(this, &RoomListModel::rebuild, Qt::QueuedConnection);
        });
        for (Account *a : registry->accounts())
            watchAccount(a);
    }
    rebuild();
    emit registryChanged();
}

void RoomListModel::watchAccount(Account *account)
{
    connect(account, &Account::roomsChanged, this, &RoomListModel::rebuild, Qt::UniqueConnection);
    connect(account, &Account::configChanged, this, [this, account] {
        for (Room *r : account->rooms())
            roomChanged(r);
    });
}

void RoomListModel::watchRoom(Room *room)
{
    auto changed = [this, room] {
        roomChanged(room);
    };
    connect(room, &Room::stateChanged, this, changed);
    connect(room, &Room::statusChanged, this, changed);
    connect(room, &Room::countersChanged, this, changed);
    connect(room, &Room::lastMessageChanged, this, changed);
}

void RoomListModel::rebuild()
{
    beginResetModel();
    for (const QPointer<Room> &r : std::as_const(m_rooms)) {
        if (r)
            r->disconnect(this);
    }
    m_rooms.clear();
    if (m_registry) {
        for (Account *a : m_registry->accounts()) {
            for (Room *r : a->rooms()) {
                m_rooms.append(r);
                watchRoom(r);
            }
        }
    }
    endResetModel();
    emit countChanged();
    emit totalsChanged();
}

void RoomListModel::roomChanged(Room *room)
{
    const int row = rowOf(room);
    if (row < 0)
        return;
    emit dataChanged(index(row), index(row));
    emit totalsChanged();
}

int RoomListModel::totalUnread() const
{
    int n = 0;
    for (const QPointer<Room> &r : m_rooms) {
        if (r)
            n += r->unreadCount();
    }
    return n;
}

int RoomListModel::totalMentions() const
{
    int n = 0;
    for (const QPointer<Room> &r : m_rooms) {
        if (r)
            n += r->mentionCount();
    }
    return n;
}

int RoomListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rooms.size());
}

QVariant RoomListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    Room *r = m_rooms.at(index.row());
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
    return row >= 0 && row < m_rooms.size() ? m_rooms.at(row).data() : nullptr;
}

int RoomListModel::rowOf(Room *room) const
{
    for (int i = 0; i < m_rooms.size(); ++i) {
        if (m_rooms.at(i) == room)
            return i;
    }
    return -1;
}

} // namespace talker::models
