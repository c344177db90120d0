// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "client/typingcache.h"

#include <QDateTime>
#include <algorithm>

namespace talker::client {

namespace {
constexpr qint64 TypingExpiryMs = 8000;
}

TypingCache::TypingCache(QObject *parent)
    : QObject(parent)
{
    m_expiry.setInterval(1000);
    connect(&m_expiry, &QTimer::timeout, this, &TypingCache::expire);
}

void TypingCache::setDraft(const QString &userId, const QString &name, const QString &text)
{
    if (text.isEmpty()) {
        remove(userId);
        return;
    }
    Draft &d = m_drafts[userId];
    d.name = name;
    d.text = text;
    d.lastSeenMs = QDateTime::currentMSecsSinceEpoch();
    if (!m_expiry.isActive())
        m_expiry.start();
    emit changed();
}

void TypingCache::remove(const QString &userId)
{
    if (m_drafts.remove(userId))
        emit changed();
}

void TypingCache::clear()
{
    if (m_drafts.isEmpty())
        return;
    m_drafts.clear();
    emit changed();
}

QList<TypingCache::Draft> TypingCache::drafts() const
{
    QList<Draft> list(m_drafts.cbegin(), m_drafts.cend());
    std::sort(list.begin(), list.end(), [](const Draft &a, const Draft &b) {
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
    return list;
}

void TypingCache::expire()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto removed = m_drafts.removeIf(
        [now](const auto &it) { return now - it.value().lastSeenMs > TypingExpiryMs; });
    if (m_drafts.isEmpty())
        m_expiry.stop();
    if (removed > 0)
        emit changed();
}

} // namespace talker::client
