// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "client/timeline.h"

#include <QAbstractListModel>
#include <QPointer>

namespace talker::client {
class Timeline;
}

namespace talker::models {

/// The messages of a room or conversation (a client::Timeline), oldest first, with
/// display grouping: a group is a run of messages by one author on one day with less
/// than 5 minutes between them. Edits and retractions change rows in place.
/// Scrolling up: canFetchMore()/fetchMore() page older messages from the cache.
class MessageModel : public QAbstractListModel
{
    Q_OBJECT
    Q_MOC_INCLUDE("client/timeline.h")
    Q_PROPERTY(
        talker::client::Timeline *timeline READ timeline WRITE setTimeline NOTIFY timelineChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1, ///< "messageId": string
        AuthorIdRole,              ///< "authorId"
        AuthorNameRole,            ///< "authorName"
        TextRole,                  ///< "text" (plain text as typed; markdown left to the view)
        TimeRole,                  ///< "time": QDateTime (local)
        DayRole,                   ///< "day": QDate (local)
        EditedRole,                ///< "edited": bool
        EditedTimeRole,            ///< "editedTime": QDateTime (invalid when not edited)
        DeletedRole,               ///< "deleted": bool (only with Room::keepRetracted)
        DeliveryRole,              ///< "delivery": int, client::Message::Delivery
        PendingRole,               ///< "pending": bool
        FailedRole,                ///< "failed": bool
        FailReasonRole,            ///< "failReason": why it failed, in words (may be empty)
        PrivateRole,               ///< "isPrivate": bool
        ActionRole,                ///< "isAction": bool (/me)
        OwnRole,                   ///< "isOwn": bool
        MentionRole,               ///< "isMention": bool
        FirstInGroupRole,          ///< "firstInGroup": show author and avatar
        LastInGroupRole,           ///< "lastInGroup"
        FirstOfDayRole,            ///< "firstOfDay": show a day separator above
        ReplyToRole,               ///< "replyTo": id of the message this one answers
        ReplyAuthorRole,           ///< "replyAuthor": its author ("" when not found)
        ReplyTextRole,             ///< "replyText": the start of its text, one line
        FirstUnreadRole,           ///< "firstUnread": new-messages divider above this row
                                   ///< (never above or before the user's own messages)
    };
    Q_ENUM(Role)

    explicit MessageModel(QObject *parent = nullptr);
    ~MessageModel() override;

    client::Timeline *timeline() const { return m_timeline; }
    void setTimeline(client::Timeline *timeline);
    int count() const { return rowCount(); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    /// Row of a message id (-1 when not loaded).
    Q_INVOKABLE int rowOf(const QString &id) const;
    /// All roles of a row as a map (for QML code outside delegates).
    Q_INVOKABLE QVariantMap get(int row) const;

signals:
    void timelineChanged();
    void countChanged();

private:
    // setTimeline() steps: the model follows the timeline's changes.
    void followInserts(client::Timeline *timeline);
    void followRemovals(client::Timeline *timeline);
    void followResetsAndChanges(client::Timeline *timeline);
    // data() steps.
    /// The roles that are the message's own fields.
    static QVariant field(const client::Message &m, int role);
    /// The roles that depend on the rows around (grouping, day, unread divider).
    QVariant placement(int row, int role) const;
    /// ReplyAuthorRole and ReplyTextRole: of the message `m` answers.
    QVariant replied(const client::Message &m, int role) const;
    bool sameGroup(int a, int b) const;
    void refreshNeighbours(int first, int last);

    QPointer<client::Timeline> m_timeline;
    QList<QMetaObject::Connection> m_connections;
    /// Rows announced to views (a Timeline batch appends before it announces).
    int m_rows = 0;
    bool m_changing = false; ///< between begin*() and end*() of a timeline change
};

} // namespace talker::models
