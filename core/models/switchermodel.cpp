// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/switchermodel.h"

#include "client/account.h"
#include "client/chat.h"

#include <utility>

namespace talker::models {

SwitcherModel::SwitcherModel(std::function<QList<client::Chat *>()> chats, QObject *parent)
    : QAbstractListModel(parent)
    , m_chats(std::move(chats))
{}

void SwitcherModel::setFilter(const QString &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    emit filterChanged();
    refresh();
}

bool SwitcherModel::matches(const client::Chat *chat, const QString &filter)
{
    const QString needle = filter.trimmed();
    return needle.isEmpty() || chat->title().contains(needle, Qt::CaseInsensitive);
}

void SwitcherModel::refresh()
{
    const int before = count();
    beginResetModel();
    m_rows.clear();
    const QList<client::Chat *> chats = m_chats ? m_chats() : QList<client::Chat *>();
    for (const client::Chat *chat : chats) {
        if (chat && matches(chat, m_filter))
            m_rows.append(Row{chat->key(), chat->title(), chat->account()->label(),
                              chat->unreadCount(), chat->isPrivate()});
    }
    endResetModel();
    if (count() != before)
        emit countChanged();
}

QString SwitcherModel::keyAt(int row) const
{
    return row >= 0 && row < count() ? m_rows.at(row).key : QString();
}

int SwitcherModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant SwitcherModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case KeyRole:
        return row.key;
    case Qt::DisplayRole:
    case TitleRole:
        return row.title;
    case SubtitleRole:
        return row.subtitle;
    case UnreadRole:
        return row.unread;
    case IsPrivateRole:
        return row.isPrivate;
    default:
        return {};
    }
}

QHash<int, QByteArray> SwitcherModel::roleNames() const
{
    return {{KeyRole, "key"},
            {TitleRole, "title"},
            {SubtitleRole, "subtitle"},
            {UnreadRole, "unread"},
            {IsPrivateRole, "isPrivate"}};
}

} // namespace talker::models
