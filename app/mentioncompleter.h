// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractItemModel>
#include <QObject>
#include <QPointer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace talker::app {

/// Tab completion of "@name" in the composer from the room's members (any model
/// with a "name" role, e.g. MemberModel). Repeated Tabs cycle through the matches.
class MentionCompleter : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QAbstractItemModel *members READ members WRITE setMembers NOTIFY membersChanged)

public:
    using QObject::QObject;

    QAbstractItemModel *members() const { return m_members; }
    void setMembers(QAbstractItemModel *members);

    /// Completes the "@word" that ends at `cursor` in `text`. Returns {"text",
    /// "cursor"} with the mention filled in ("@alice "), or an empty map when the
    /// cursor is not after an "@word" or no member matches: then the caller lets
    /// Tab move the focus (never a tab character in a message).
    Q_INVOKABLE QVariantMap complete(const QString &text, int cursor);

signals:
    void membersChanged();

private:
    QStringList matches(const QString &prefix) const;

    QPointer<QAbstractItemModel> m_members;
    // The last completion, so a second Tab replaces it with the next match.
    QString m_lastPrefix;
    QString m_lastResult;
    int m_lastIndex = -1;
};

} // namespace talker::app
