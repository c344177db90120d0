// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/events.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QPointer>
#include <QSet>

namespace talker::client {
class AccountRegistry;
class HistoryPager;
class Session;
} // namespace talker::client

namespace talker::models {

/// The rows of the search view, across every account, room and private chat: the
/// local caches' hits at once (offline too), the servers' hits as they arrive, each
/// message once, newest first. Each row has the chat, author, time and the text with
/// the query's words marked.
class SearchModel : public QAbstractListModel
{
    Q_OBJECT
    Q_MOC_INCLUDE("client/accountregistry.h")
    Q_MOC_INCLUDE("client/historypager.h")
    Q_PROPERTY(talker::client::AccountRegistry *registry READ registry WRITE setRegistry NOTIFY
                   registryChanged)
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /// Server answers are still on their way.
    Q_PROPERTY(bool searching READ searching NOTIFY searchingChanged)

public:
    enum Role {
        AccountIdRole = Qt::UserRole + 1, ///< "accountId"
        ChatKeyRole,                      ///< "chatKey": "room:NAME" or "dm:USERID"
        ChatNameRole,                     ///< "chatName": room name or the other user's name
        MessageIdRole,                    ///< "messageId"
        AuthorNameRole,                   ///< "authorName"
        TextRole,                         ///< "messageText": as typed
        MarkedTextRole,                   ///< "markedText": escaped rich text, matches in <b>
        TimeRole,                         ///< "time": QDateTime (local)
        FromServerRole,                   ///< "fromServer": only the server had it
    };
    Q_ENUM(Role)

    explicit SearchModel(QObject *parent = nullptr);

    client::AccountRegistry *registry() const;
    void setRegistry(client::AccountRegistry *registry);
    QString query() const { return m_query; }
    /// Searches at once: clears, fills from the caches, asks every connected server.
    void setQuery(const QString &query);
    int count() const { return int(m_rows.size()); }
    bool searching() const { return !m_waiting.isEmpty(); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    /// The row as a map of role names (for keyboard selection in the view).
    Q_INVOKABLE QVariantMap get(int row) const;
    /// The pager of the row's room or private chat: jumpTo() its message.
    Q_INVOKABLE talker::client::HistoryPager *pagerFor(int row) const;

signals:
    void registryChanged();
    void queryChanged();
    void countChanged();
    void searchingChanged();

private:
    struct Row
    {
        QString accountId;
        QString key;
        QString chatName;
        QString messageId;
        QString authorName;
        QString text;
        qint64 time = 0;
        bool fromServer = false;
    };
    void searchCaches();
    void askServers();
    void onResults(client::Session *session, const QString &accountId,
                   const protocol::SearchResultsEvent &results);
    void onServerError(client::Session *session, protocol::ErrorCode code);
    void insertSorted(Row row);
    bool contains(const QString &accountId, const QString &key, const QString &id) const;
    QString highlight(const QString &text) const;
    QString chatNameFor(const QString &accountId, const QString &key,
                        const QString &fallback) const;

    QPointer<client::AccountRegistry> m_registry;
    QString m_query;
    QStringList m_terms;
    QList<Row> m_rows;
    QSet<client::Session *> m_hooked;  ///< sessions whose answers this model listens to
    QSet<client::Session *> m_waiting; ///< sessions asked for the current query
};

} // namespace talker::models
