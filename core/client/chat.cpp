// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/chat.h"

#include "client/account.h"
#include "client/historycache.h"
#include "client/timeline.h"

#include <utility>

namespace talker::client {

Chat::Chat(Account *account, const QString &timelineKey, QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_timeline(new Timeline(timelineKey, this))
{
    m_timeline->setCache(account->cache());
    m_timeline->setWindowSize(account->windowSize());
    m_timeline->reset(account->cache()->latest(timelineKey, 1));
    // The preview follows the newest message: rows at or below it, and live messages
    // that arrive while the window shows older ones.
    connect(m_timeline, &Timeline::rowsInserted, this, [this](int, int last) {
        if (last >= m_timeline->newestRow())
            emit lastMessageChanged();
    });
    connect(m_timeline, &Timeline::rowChanged, this, [this](int row) {
        if (row >= m_timeline->newestRow())
            emit lastMessageChanged();
    });
    connect(m_timeline, &Timeline::rowsRemoved, this, &Chat::lastMessageChanged);
    connect(m_timeline, &Timeline::modelReset, this, &Chat::lastMessageChanged);
    connect(m_timeline, &Timeline::newestChanged, this, &Chat::lastMessageChanged);
}

Chat::~Chat() = default;

Session::State Chat::state() const
{
    const Session *s = session();
    return s ? s->state() : Session::State::Disconnected;
}

QString Chat::statusText() const
{
    const Session *s = session();
    return s ? s->statusText() : QString();
}

QDateTime Chat::nextRetry() const
{
    const Session *s = session();
    return s ? s->nextRetry() : QDateTime();
}

bool Chat::authenticationFailed() const
{
    const Session *s = session();
    return s && s->authenticationFailed();
}

QString Chat::lastMessagePreview() const
{
    const Message m = m_timeline->newest();
    if (m.id.isEmpty())
        return QString();
    Message shown = m;
    if (m.deleted)
        shown.text = tr("message deleted");
    QString text = previewOf(shown);
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text.size() > 100 ? text.left(99) + QChar(0x2026) : text;
}

QDateTime Chat::lastMessageTime() const
{
    const Message m = m_timeline->newest();
    return m.id.isEmpty() ? QDateTime() : QDateTime::fromSecsSinceEpoch(m.time);
}

bool Chat::retractMessage(const QString &id)
{
    return editMessage(id, QStringLiteral(""));
}

void Chat::loadFirstPage()
{
    if (std::exchange(m_firstPageLoaded, true))
        return;
    const int page = qMin(m_account->windowSize(), 200);
    if (m_timeline->count() < page)
        m_timeline->fetchFirstPage(page - m_timeline->count());
}

QString Chat::lastOwnMessageId() const
{
    if (!canSend())
        return QString();
    for (int row = m_timeline->count() - 1; row >= 0; --row) {
        const Message &m = m_timeline->at(row);
        if (m.isOwn && !m.deleted)
            return m.id;
    }
    return QString();
}

void Chat::markRead()
{
    const Message last = m_timeline->newest();
    if (!last.id.isEmpty() && last.delivery == Message::Delivery::Sent)
        m_timeline->setLastReadId(last.id);
    markSeen();
}

} // namespace talker::client
