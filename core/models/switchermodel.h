// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QString>
#include <functional>

namespace talker::client {
class Chat;
}

namespace talker::models {

/// The quick switcher's results (Ctrl+K): the chats of the sidebar, in its order,
/// whose title contains `filter` (case-insensitive). A snapshot, taken when the
/// filter changes or refresh() is called (the switcher is open for seconds, and a
/// row must not move under the user's Enter).
class SwitcherModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role { KeyRole = Qt::UserRole + 1, TitleRole, SubtitleRole, UnreadRole, IsPrivateRole };
    Q_ENUM(Role)

    /// `chats` gives the sidebar's entries in order.
    explicit SwitcherModel(std::function<QList<client::Chat *>()> chats, QObject *parent = nullptr);

    QString filter() const { return m_filter; }
    void setFilter(const QString &filter);
    int count() const { return int(m_rows.size()); }
    /// Takes a new snapshot with the current filter.
    Q_INVOKABLE void refresh();
    /// The chat key of a row (empty outside the model).
    Q_INVOKABLE QString keyAt(int row) const;
    /// Whether a chat shows for `filter` (trimmed; empty matches everything).
    static bool matches(const client::Chat *chat, const QString &filter);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void filterChanged();
    void countChanged();

private:
    struct Row
    {
        QString key;
        QString title;
        QString subtitle;
        int unread = 0;
        bool isPrivate = false;
    };

    std::function<QList<client::Chat *>()> m_chats;
    QString m_filter;
    QList<Row> m_rows;
};

} // namespace talker::models
