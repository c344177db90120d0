// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mentioncompleter.h"

#include <QCollator>

namespace talker::app {

void MentionCompleter::setMembers(QAbstractItemModel *members)
{
    if (m_members == members)
        return;
    m_members = members;
    m_lastIndex = -1;
    emit membersChanged();
}

QStringList MentionCompleter::matches(const QString &prefix) const
{
    QStringList names;
    if (!m_members)
        return names;
    const int role = m_members->roleNames().key("name", -1);
    if (role < 0)
        return names;
    for (int row = 0; row < m_members->rowCount(); ++row) {
        const QString name = m_members->data(m_members->index(row, 0), role).toString();
        if (!name.isEmpty() && name.startsWith(prefix, Qt::CaseInsensitive) &&
            !names.contains(name))
            names << name;
    }
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(names.begin(), names.end(), collator);
    return names;
}

QVariantMap MentionCompleter::complete(const QString &text, int cursor)
{
    cursor = qBound(0, cursor, int(text.size()));
    const QString before = text.left(cursor);
    // After a completion the text before the cursor ends with "@name ": cycle.
    const bool cycling = m_lastIndex >= 0 && before.endsWith(m_lastResult);
    QString prefix;
    int start = -1;
    if (cycling) {
        prefix = m_lastPrefix;
        start = cursor - int(m_lastResult.size());
    } else {
        start = int(before.lastIndexOf(QLatin1Char('@')));
        if (start < 0 || (start > 0 && !before.at(start - 1).isSpace()))
            return {};
        prefix = before.mid(start + 1);
        if (prefix.contains(QLatin1Char(' ')))
            return {};
    }
    const QStringList names = matches(prefix);
    if (names.isEmpty()) {
        m_lastIndex = -1;
        return {};
    }
    m_lastIndex = cycling ? (m_lastIndex + 1) % int(names.size()) : 0;
    m_lastPrefix = prefix;
    m_lastResult = QLatin1Char('@') + names.at(m_lastIndex) + QLatin1Char(' ');
    const QString result = text.left(start) + m_lastResult + text.mid(cursor);
    return {{QStringLiteral("text"), result},
            {QStringLiteral("cursor"), start + int(m_lastResult.size())}};
}

} // namespace talker::app
