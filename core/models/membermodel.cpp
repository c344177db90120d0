// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "models/membermodel.h"

#include "client/account.h"
#include "client/room.h"

#include <algorithm>

namespace talker::models {

using client::Room;

MemberModel::MemberModel(QObject *parent)
    : QAbstractListModel(parent)
{}

MemberModel::~MemberModel() = default;

void MemberModel::setRoom(Room *room)
{
    if (m_room == room)
        return;
    for (const auto &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_room = room;
    if (room) {
        // the list only grows, so m_order's indexes stay valid until the model catches up
        client::MemberList *list = room->memberList();
        m_connections << connect(list, &client::MemberList::reset, this, &MemberModel::rebuild);
        m_connections << connect(list, &client::MemberList::added, this, [this](int memberIndex) {
            const int row = sortedPosition(memberIndex, -1);
            beginInsertRows({}, row, row);
            m_order.insert(row, memberIndex);
            endInsertRows();
            emit countChanged();
        });
        m_connections << connect(list, &client::MemberList::changed, this,
                                 &MemberModel::onMemberChanged);
        m_connections << connect(room, &Room::typingChanged, this, [this] {
            if (!m_order.isEmpty())
                emit dataChanged(index(0), index(int(m_order.size()) - 1), {TypingRole});
        });
        m_connections << connect(room, &QObject::destroyed, this, [this] {
            beginResetModel();
            m_connections.clear();
            m_order.clear();
            endResetModel();
            emit roomChanged();
            emit countChanged();
        });
    }
    rebuild();
    emit roomChanged();
}

void MemberModel::rebuild()
{
    beginResetModel();
    m_order.clear();
    if (m_room) {
        for (int i = 0; i < m_room->members().size(); ++i)
            m_order.append(i);
        std::sort(m_order.begin(), m_order.end(), [this](int a, int b) { return lessThan(a, b); });
    }
    endResetModel();
    emit countChanged();
}

bool MemberModel::lessThan(int a, int b) const
{
    const Room::Member &x = m_room->members().at(a);
    const Room::Member &y = m_room->members().at(b);
    if (x.presence != y.presence)
        return int(x.presence) < int(y.presence);
    const int byName = x.user.name.compare(y.user.name, Qt::CaseInsensitive);
    if (byName != 0)
        return byName < 0;
    return x.user.id < y.user.id;
}

/// The row `memberIndex` belongs at, ignoring the row it occupies now (skipRow).
int MemberModel::sortedPosition(int memberIndex, int skipRow) const
{
    int pos = 0;
    for (int row = 0; row < m_order.size(); ++row) {
        if (row == skipRow)
            continue;
        if (lessThan(m_order.at(row), memberIndex))
            ++pos;
    }
    return pos;
}

void MemberModel::onMemberChanged(int memberIndex)
{
    const int row = int(m_order.indexOf(memberIndex));
    if (row < 0)
        return;
    const int target = sortedPosition(memberIndex, row); // position among the others
    if (target != row) {
        // beginMoveRows wants the destination as "before this row" in the old numbering
        const int dest = target > row ? target + 1 : target;
        beginMoveRows({}, row, row, {}, dest);
        m_order.move(row, target);
        endMoveRows();
    }
    const QModelIndex i = index(target);
    emit dataChanged(i, i);
    emit countChanged(); // onlineCount may have changed
}

int MemberModel::onlineCount() const
{
    if (!m_room)
        return 0;
    int n = 0;
    for (const Room::Member &m : m_room->members()) {
        if (m.presence != Room::Presence::Offline)
            ++n;
    }
    return n;
}

int MemberModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_order.size());
}

QVariant MemberModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        !m_room)
        return QVariant();
    const Room::Member &m = m_room->members().at(m_order.at(index.row()));
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return m.user.name;
    case UserIdRole:
        return m.user.id;
    case PresenceRole:
        return int(m.presence);
    case PresenceTextRole:
        switch (m.presence) {
        case Room::Presence::Online:
            return QStringLiteral("online");
        case Room::Presence::Idle:
            return QStringLiteral("idle");
        case Room::Presence::Offline:
            return QStringLiteral("offline");
        }
        return QVariant();
    case IsSelfRole:
        return m.user.id == m_room->account()->userId();
    case TypingRole:
        return !m_room->typingDraft(m.user.id).isEmpty();
    default:
        return QVariant();
    }
}

QHash<int, QByteArray> MemberModel::roleNames() const
{
    return {{UserIdRole, "userId"},     {NameRole, "name"},
            {PresenceRole, "presence"}, {PresenceTextRole, "presenceText"},
            {IsSelfRole, "isSelf"},     {TypingRole, "typing"}};
}

int MemberModel::rowOf(const QString &userId) const
{
    if (!m_room)
        return -1;
    const int memberIndex = m_room->memberIndex(userId);
    return memberIndex < 0 ? -1 : int(m_order.indexOf(memberIndex));
}

} // namespace talker::models
