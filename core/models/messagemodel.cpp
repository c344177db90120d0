// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "models/messagemodel.h"

#include "client/timeline.h"

#include <QDateTime>
#include <utility>

namespace talker::models {

using client::Message;
using client::Timeline;

namespace {
constexpr qint64 GroupGapSecs = 5 * 60;

QDate dayOf(const Message &m)
{
    return QDateTime::fromSecsSinceEpoch(m.time).date();
}
} // namespace

MessageModel::MessageModel(QObject *parent)
    : QAbstractListModel(parent)
{}

MessageModel::~MessageModel() = default;

void MessageModel::setTimeline(Timeline *timeline)
{
    if (m_timeline == timeline)
        return;
    beginResetModel();
    m_changing = true; // no fetchMore() from a view or tester inside the reset
    for (const auto &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_timeline = timeline;
    m_rows = timeline ? timeline->announcedCount() : 0;
    if (timeline) {
        followInserts(timeline);
        followRemovals(timeline);
        followResetsAndChanges(timeline);
    }
    endResetModel();
    m_changing = false;
    emit timelineChanged();
    emit countChanged();
}

void MessageModel::followInserts(Timeline *timeline)
{
    m_connections << connect(timeline, &Timeline::aboutToInsert, this, [this](int first, int last) {
        m_changing = true;
        beginInsertRows({}, first, last);
    });
    m_connections << connect(timeline, &Timeline::rowsInserted, this, [this](int first, int last) {
        m_rows += last - first + 1;
        endInsertRows();
        refreshNeighbours(first, last);
        m_changing = false;
        emit countChanged();
    });
}

void MessageModel::followRemovals(Timeline *timeline)
{
    m_connections << connect(timeline, &Timeline::aboutToRemove, this, [this](int first, int last) {
        m_changing = true;
        beginRemoveRows({}, first, last);
    });
    m_connections << connect(timeline, &Timeline::rowsRemoved, this, [this](int first, int last) {
        m_rows -= last - first + 1;
        endRemoveRows();
        refreshNeighbours(first, first - 1);
        m_changing = false;
        emit countChanged();
    });
}

void MessageModel::followResetsAndChanges(Timeline *timeline)
{
    m_connections << connect(timeline, &Timeline::aboutToReset, this, [this] {
        m_changing = true;
        beginResetModel();
    });
    m_connections << connect(timeline, &Timeline::modelReset, this, [this] {
        m_rows = m_timeline ? m_timeline->announcedCount() : 0;
        endResetModel();
        m_changing = false;
        emit countChanged();
    });
    m_connections << connect(timeline, &Timeline::rowChanged, this, [this](int row) {
        const QModelIndex i = index(row);
        const bool nested = std::exchange(m_changing, true);
        emit dataChanged(i, i);
        refreshNeighbours(row, row);
        m_changing = nested;
    });
    m_connections << connect(timeline, &QObject::destroyed, this, [this] {
        beginResetModel();
        m_connections.clear();
        m_timeline = nullptr;
        m_rows = 0;
        endResetModel();
        emit timelineChanged();
        emit countChanged();
    });
}

/// Rows next to a change may change their grouping flags.
void MessageModel::refreshNeighbours(int first, int last)
{
    const int n = rowCount();
    for (int row : {first - 1, last + 1}) {
        if (row >= 0 && row < n) {
            const QModelIndex i = index(row);
            emit dataChanged(i, i,
                             {FirstInGroupRole, LastInGroupRole, FirstOfDayRole, FirstUnreadRole});
        }
    }
}

int MessageModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_timeline)
        return 0;
    return m_rows;
}

bool MessageModel::sameGroup(int a, int b) const
{
    const Message &x = m_timeline->at(a);
    const Message &y = m_timeline->at(b);
    return x.authorId == y.authorId && x.isAction == y.isAction && !x.isAction &&
           qAbs(y.time - x.time) < GroupGapSecs && dayOf(x) == dayOf(y);
}

QVariant MessageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        !m_timeline)
        return QVariant();
    const int row = index.row();
    switch (role) {
    case FirstInGroupRole:
    case LastInGroupRole:
    case FirstOfDayRole:
    case FirstUnreadRole:
        return placement(row, role);
    case ReplyAuthorRole:
    case ReplyTextRole:
        return replied(m_timeline->at(row), role);
    default:
        return field(m_timeline->at(row), role);
    }
}

QVariant MessageModel::field(const Message &m, int role)
{
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return m.text;
    case IdRole:
        return m.id;
    case AuthorIdRole:
        return m.authorId;
    case AuthorNameRole:
        return m.authorName;
    case TimeRole:
        return QDateTime::fromSecsSinceEpoch(m.time);
    case DayRole:
        return dayOf(m);
    case EditedRole:
        return m.edited != 0;
    case EditedTimeRole:
        return m.edited ? QDateTime::fromSecsSinceEpoch(m.edited) : QDateTime();
    case DeletedRole:
        return m.deleted;
    case DeliveryRole:
        return int(m.delivery);
    case PendingRole:
        return m.delivery == Message::Delivery::Pending;
    case FailedRole:
        return m.delivery == Message::Delivery::Failed;
    case FailReasonRole:
        return m.failReason;
    case PrivateRole:
        return m.isPrivate;
    case ActionRole:
        return m.isAction;
    case OwnRole:
        return m.isOwn;
    case MentionRole:
        return m.isMention;
    case ReplyToRole:
        return m.replyTo;
    default:
        return QVariant();
    }
}

QVariant MessageModel::placement(int row, int role) const
{
    const Message &m = m_timeline->at(row);
    switch (role) {
    case FirstInGroupRole:
        return row == 0 || !sameGroup(row - 1, row);
    case LastInGroupRole:
        return row == rowCount() - 1 || !sameGroup(row, row + 1);
    case FirstOfDayRole:
        return row == 0 || dayOf(m_timeline->at(row - 1)) != dayOf(m);
    default: // FirstUnreadRole
        return row > 0 && m.id == m_timeline->dividerId();
    }
}

QVariant MessageModel::replied(const Message &m, int role) const
{
    if (m.replyTo.isEmpty())
        return QString();
    const Message original = m_timeline->lookup(m.replyTo);
    if (role == ReplyAuthorRole)
        return original.authorName;
    QString text = original.deleted ? QString() : original.text.left(160);
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text;
}

QHash<int, QByteArray> MessageModel::roleNames() const
{
    return {
        {IdRole, "messageId"},
        {AuthorIdRole, "authorId"},
        {AuthorNameRole, "authorName"},
        {TextRole, "text"},
        {TimeRole, "time"},
        {DayRole, "day"},
        {EditedRole, "edited"},
        {EditedTimeRole, "editedTime"},
        {DeletedRole, "deleted"},
        {DeliveryRole, "delivery"},
        {PendingRole, "pending"},
        {FailedRole, "failed"},
        {FailReasonRole, "failReason"},
        {PrivateRole, "isPrivate"},
        {ActionRole, "isAction"},
        {OwnRole, "isOwn"},
        {MentionRole, "isMention"},
        {FirstInGroupRole, "firstInGroup"},
        {LastInGroupRole, "lastInGroup"},
        {FirstOfDayRole, "firstOfDay"},
        {ReplyToRole, "replyTo"},
        {ReplyAuthorRole, "replyAuthor"},
        {ReplyTextRole, "replyText"},
        {FirstUnreadRole, "firstUnread"},
    };
}

bool MessageModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_timeline && !m_changing && m_timeline->canFetchOlder();
}

void MessageModel::fetchMore(const QModelIndex &parent)
{
    // not from inside a change announcement (a view reacting to rowsInserted/Removed):
    // the timeline is still in the middle of that change
    if (!parent.isValid() && m_timeline && !m_changing)
        m_timeline->fetchOlder(50);
}

int MessageModel::rowOf(const QString &id) const
{
    return m_timeline ? m_timeline->indexOf(id) : -1;
}

QVariantMap MessageModel::get(int row) const
{
    QVariantMap map;
    if (row < 0 || row >= rowCount())
        return map;
    const QModelIndex i = index(row);
    const QHash<int, QByteArray> names = roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        map.insert(QString::fromLatin1(it.value()), data(i, it.key()));
    return map;
}

} // namespace talker::models
