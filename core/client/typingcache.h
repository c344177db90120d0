// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

namespace talker::client {

/// The live-typing drafts of the other members of one room: who is typing what right
/// now. A draft ends when its writer sends, stops, goes idle or leaves, or after 8 s
/// without a new one.
class TypingCache : public QObject
{
    Q_OBJECT

public:
    struct Draft
    {
        QString name;
        QString text;
        qint64 lastSeenMs = 0;
    };

    explicit TypingCache(QObject *parent = nullptr);

    /// A draft of `userId` arrived; an empty `text` means they stopped.
    void setDraft(const QString &userId, const QString &name, const QString &text);
    void remove(const QString &userId);
    void clear();
    /// The drafts, by writer name (case-insensitive).
    QList<Draft> drafts() const;
    QString draft(const QString &userId) const { return m_drafts.value(userId).text; }

signals:
    void changed();

private:
    void expire();

    QHash<QString, Draft> m_drafts; ///< by user id
    QTimer m_expiry;
};

} // namespace talker::client
