// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "models/registrylistmodel.h"

#include "client/account.h"
#include "client/accountregistry.h"
#include "client/chat.h"

namespace talker::models {

using client::Account;
using client::AccountRegistry;

RegistryListModel::RegistryListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

RegistryListModel::~RegistryListModel() = default;

void RegistryListModel::watchChat(client::Chat *chat)
{
    auto changed = [this, chat] {
        itemChanged(chat);
    };
    connect(chat, &client::Chat::titleChanged, this, changed);
    connect(chat, &client::Chat::stateChanged, this, changed);
    connect(chat, &client::Chat::statusChanged, this, changed);
    connect(chat, &client::Chat::countersChanged, this, changed);
    connect(chat, &client::Chat::lastMessageChanged, this, changed);
}

void RegistryListModel::setRegistry(AccountRegistry *registry)
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
            for (QObject *item : itemsOf(a))
                item->disconnect(this);
            QMetaObject::invokeMethod(this, &RegistryListModel::rebuild, Qt::QueuedConnection);
        });
        for (Account *a : registry->accounts())
            watchAccount(a);
    }
    rebuild();
    emit registryChanged();
}

void RegistryListModel::rebuild()
{
    beginResetModel();
    for (const QPointer<QObject> &item : std::as_const(m_items)) {
        if (item)
            item->disconnect(this);
    }
    m_items.clear();
    if (m_registry) {
        for (Account *a : m_registry->accounts()) {
            for (QObject *item : itemsOf(a)) {
                m_items.append(item);
                watchItem(item);
            }
        }
    }
    endResetModel();
    emit countChanged();
    emit totalsChanged();
}

void RegistryListModel::appendItem(QObject *item)
{
    const int row = int(m_items.size());
    beginInsertRows({}, row, row);
    m_items.append(item);
    watchItem(item);
    endInsertRows();
    emit countChanged();
    emit totalsChanged();
}

void RegistryListModel::itemChanged(QObject *item)
{
    const int row = rowOfItem(item);
    if (row < 0)
        return;
    emit dataChanged(index(row), index(row));
    emit totalsChanged();
}

int RegistryListModel::rowOfItem(const QObject *item) const
{
    for (int i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i) == item)
            return i;
    }
    return -1;
}

QObject *RegistryListModel::itemAt(int row) const
{
    return row >= 0 && row < m_items.size() ? m_items.at(row).data() : nullptr;
}

int RegistryListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

} // namespace talker::models
