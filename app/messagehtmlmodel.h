// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "messageformatter.h"

#include <QColor>
#include <QIdentityProxyModel>
#include <QtQml/qqmlregistration.h>

namespace talker::app {

/// The messages of the open chat as the view shows them: every role of the source
/// MessageModel plus "html" (the body as rich text, markdown applied) and
/// "plainText". The view sets the theme's colours once on this model instead of
/// passing them to a formatter call in every delegate; a colour change re-renders
/// every row. Older history is paged with fetchOlder() (the source's fetchMore()).
class MessageHtmlModel : public QIdentityProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QColor linkColor READ linkColor WRITE setLinkColor NOTIFY styleChanged)
    Q_PROPERTY(QColor mutedColor READ mutedColor WRITE setMutedColor NOTIFY styleChanged)
    Q_PROPERTY(QColor quoteColor READ quoteColor WRITE setQuoteColor NOTIFY styleChanged)
    Q_PROPERTY(
        QColor codeBackground READ codeBackground WRITE setCodeBackground NOTIFY styleChanged)
    Q_PROPERTY(QString editedMark READ editedMark WRITE setEditedMark NOTIFY styleChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        HtmlRole = Qt::UserRole + 100, ///< "html"
        PlainTextRole,                 ///< "plainText"
    };
    Q_ENUM(Role)

    explicit MessageHtmlModel(QObject *parent = nullptr);

    QColor linkColor() const { return QColor(m_style.linkColor); }
    void setLinkColor(const QColor &color);
    QColor mutedColor() const { return QColor(m_style.mutedColor); }
    void setMutedColor(const QColor &color);
    QColor quoteColor() const { return QColor(m_style.quoteColor); }
    void setQuoteColor(const QColor &color);
    QColor codeBackground() const { return QColor(m_style.codeBackground); }
    void setCodeBackground(const QColor &color);
    QString editedMark() const { return m_editedMark; }
    void setEditedMark(const QString &mark);
    int count() const { return rowCount(); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Pages older messages in through the source's fetchMore(); returns how many
    /// rows came in (0 when there is nothing older).
    Q_INVOKABLE int fetchOlder();

signals:
    void styleChanged();
    void countChanged();

private:
    void setStyle(QString MessageStyle::*field, const QColor &color);
    void restyle();

    MessageFormatter m_formatter;
    MessageStyle m_style;
    QString m_editedMark;
};

} // namespace talker::app
