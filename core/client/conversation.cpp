// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "client/conversation.h"

#include "client/account.h"
#include "client/historypager.h"
#include "client/room.h"

namespace talker::client {

Conversation::Conversation(Account *account, const QString &peerId, const QString &peerName,
                           QObject *parent)
    : Chat(account, QStringLiteral("dm:") + peerId, parent)
    , m_peerId(peerId)
    , m_peerName(peerName.isEmpty() ? peerId : peerName)
    , m_pager(new HistoryPager(nullptr, timeline(), account->cache(), this))
{}

void Conversation::setPeerName(const QString &name)
{
    if (name.isEmpty() || name == m_peerName)
        return;
    m_peerName = name;
    emit titleChanged();
}

QString Conversation::key() const
{
    return account()->id() + QStringLiteral("/@") + m_peerId;
}

void Conversation::setRoom(Room *room)
{
    if (m_room == room)
        return;
    if (m_room)
        m_room->disconnect(this);
    m_room = room;
    if (room) {
        connect(room, &Room::stateChanged, this, &Conversation::stateChanged);
        connect(room, &Room::statusChanged, this, &Conversation::statusChanged);
    }
    emit roomChanged();
    emit sessionChanged();
    emit stateChanged();
    emit statusChanged();
}

Session *Conversation::session() const
{
    return m_room ? m_room->session() : nullptr;
}

void Conversation::setUnreadCount(int unread)
{
    unread = qMax(0, unread);
    if (unread == m_unread)
        return;
    m_unread = unread;
    emit countersChanged();
}

QString Conversation::previewOf(const Message &m) const
{
    return m.isOwn ? tr("You: %1").arg(m.text) : m.text;
}

QString Conversation::sendMessage(const QString &text)
{
    return reply(QString(), text);
}

QString Conversation::reply(const QString &replyTo, const QString &text)
{
    Room *room = m_room;
    if (!room) {
        // any joined room will do to queue it; the server checks membership
        const QList<Room *> rooms = account()->rooms();
        if (rooms.isEmpty())
            return QString();
        room = rooms.constFirst();
        setRoom(room);
    }
    return room->sendInto(timeline(), text, m_peerId, replyTo);
}

bool Conversation::editMessage(const QString &id, const QString &text)
{
    return m_room && m_room->editIn(timeline(), id, text);
}

bool Conversation::retry(const QString &id)
{
    const QList<Room *> rooms = account()->rooms();
    for (Room *room : rooms) {
        if (room->retry(id))
            return true;
    }
    return false;
}

} // namespace talker::client
