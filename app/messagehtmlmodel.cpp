// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagehtmlmodel.h"

#include "models/messagemodel.h"

namespace talker::app {

using models::MessageModel;

MessageHtmlModel::MessageHtmlModel(QObject *parent)
    : QIdentityProxyModel(parent)
{
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(this, signal, this, &MessageHtmlModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &MessageHtmlModel::countChanged);
    connect(this, &QAbstractProxyModel::sourceModelChanged, this, &MessageHtmlModel::countChanged);
    // A change of the text (an edit) is a change of the html too: views update only
    // the roles a change names.
    connect(this, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &first, const QModelIndex &last, const QList<int> &roles) {
                if (roles.isEmpty() || roles.contains(HtmlRole))
                    return;
                if (roles.contains(MessageModel::TextRole) ||
                    roles.contains(MessageModel::EditedRole))
                    emit dataChanged(first, last, {HtmlRole, PlainTextRole});
            });
}

void MessageHtmlModel::setStyle(QString MessageStyle::*field, const QColor &color)
{
    const QString value = color.isValid() ? color.name() : QString();
    if (m_style.*field == value)
        return;
    m_style.*field = value;
    restyle();
}

void MessageHtmlModel::setLinkColor(const QColor &color)
{
    setStyle(&MessageStyle::linkColor, color);
}

void MessageHtmlModel::setMutedColor(const QColor &color)
{
    setStyle(&MessageStyle::mutedColor, color);
}

void MessageHtmlModel::setQuoteColor(const QColor &color)
{
    setStyle(&MessageStyle::quoteColor, color);
}

void MessageHtmlModel::setCodeBackground(const QColor &color)
{
    setStyle(&MessageStyle::codeBackground, color);
}

void MessageHtmlModel::setEditedMark(const QString &mark)
{
    if (m_editedMark == mark)
        return;
    m_editedMark = mark;
    restyle();
}

void MessageHtmlModel::restyle()
{
    emit styleChanged();
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, 0), {HtmlRole});
}

QVariant MessageHtmlModel::data(const QModelIndex &index, int role) const
{
    if (role != HtmlRole && role != PlainTextRole)
        return QIdentityProxyModel::data(index, role);
    const QString text = QIdentityProxyModel::data(index, MessageModel::TextRole).toString();
    if (role == PlainTextRole)
        return m_formatter.plainText(text);
    const bool action = QIdentityProxyModel::data(index, MessageModel::ActionRole).toBool();
    const bool edited = QIdentityProxyModel::data(index, MessageModel::EditedRole).toBool();
    const QString author =
        action ? QIdentityProxyModel::data(index, MessageModel::AuthorNameRole).toString()
               : QString();
    return m_formatter.messageHtml(text, m_style, author, edited ? m_editedMark : QString());
}

QHash<int, QByteArray> MessageHtmlModel::roleNames() const
{
    QHash<int, QByteArray> names = QIdentityProxyModel::roleNames();
    names.insert(HtmlRole, "html");
    names.insert(PlainTextRole, "plainText");
    return names;
}

int MessageHtmlModel::fetchOlder()
{
    if (!canFetchMore(QModelIndex()))
        return 0;
    const int before = rowCount();
    fetchMore(QModelIndex());
    return rowCount() - before;
}

} // namespace talker::app
