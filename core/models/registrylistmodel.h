// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QPointer>

namespace talker::client {
class Account;
class AccountRegistry;
class Chat;
} // namespace talker::client

namespace talker::models {

/// Base of the sidebar models: one row per object (room, conversation) of every
/// account in a registry, kept in step with the registry and the accounts.
/// Subclasses say which objects an account contributes and which signals of an
/// object change its row; rows, resets and change notifications live here.
class RegistryListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_MOC_INCLUDE("client/accountregistry.h")
    Q_PROPERTY(talker::client::AccountRegistry *registry READ registry WRITE setRegistry NOTIFY
                   registryChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    ~RegistryListModel() override;

    client::AccountRegistry *registry() const { return m_registry; }
    void setRegistry(client::AccountRegistry *registry);
    int count() const { return rowCount(); }
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;

signals:
    void registryChanged();
    void countChanged();
    /// A badge total (unread, mentions) may have changed.
    void totalsChanged();

protected:
    explicit RegistryListModel(QObject *parent);

    /// The objects one account contributes as rows, in order.
    virtual QList<QObject *> itemsOf(client::Account *account) const = 0;
    /// Connects the account's signals that add or remove rows (called once per account).
    virtual void watchAccount(client::Account *account) = 0;
    /// Connects the item's signals that change its row to itemChanged().
    virtual void watchItem(QObject *item) = 0;

    /// Rebuilds every row from the registry.
    void rebuild();
    /// Appends one row for a new item.
    void appendItem(QObject *item);
    /// Connects what every chat shows in its row (title, state, counters, last message).
    void watchChat(client::Chat *chat);
    /// Announces that an item's row changed.
    void itemChanged(QObject *item);
    /// Row of an item, -1 when not listed.
    int rowOfItem(const QObject *item) const;
    /// The item at a row (null when out of range or deleted).
    QObject *itemAt(int row) const;

    /// Sum of `value(item)` over the live items, each cast to T.
    template<class T, class F>
    int sumOver(F value) const
    {
        int n = 0;
        for (const QPointer<QObject> &item : m_items) {
            if (auto *t = qobject_cast<T *>(item.data()))
                n += value(t);
        }
        return n;
    }

private:
    QPointer<client::AccountRegistry> m_registry;
    QList<QPointer<QObject>> m_items;
};

} // namespace talker::models
