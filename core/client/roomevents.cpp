// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// Room: handling of the events its Session receives (room.cpp holds the sending side).
#include "client/account.h"
#include "client/conversation.h"
#include "client/delivery.h"
#include "client/historycache.h"
#include "client/outbox.h"
#include "client/room.h"
#include "client/timeline.h"
#include "client/typingcache.h"

#include <QDateTime>
#include <QLoggingCategory>

namespace talker::client {

Q_DECLARE_LOGGING_CATEGORY(lcClientRoom)

using namespace protocol;

void Room::onConnected(const User &self)
{
    account()->setIdentity(self);
    m_replaying = true;
    m_firstHistory = m_session->lastEventId().isEmpty();
}

Message Room::toMessage(const MessageEvent &event) const
{
    Message m;
    m.id = event.id;
    m.authorId = event.user.id;
    m.authorName = event.user.name;
    // share the strings of the member list instead of holding a copy per message
    if (const int i = memberIndex(event.user.id); i >= 0) {
        const User &u = members().at(i).user;
        m.authorId = u.id;
        if (u.name == event.user.name)
            m.authorName = u.name;
    }
    m.text = event.content.isNull() ? QString() : event.content;
    m.time = event.time ? event.time : QDateTime::currentSecsSinceEpoch();
    m.edited = event.edited;
    m.deleted = event.deleted;
    m.isAction = event.isAction();
    m.replyTo = event.extra.value(QLatin1String("reply_to")).toString();
    m.isOwn = !account()->userId().isEmpty() && event.user.id == account()->userId();
    m.isPrivate = event.isPrivate || !event.to.isEmpty();
    if (m.isPrivate)
        m.peerId = m.isOwn ? event.to : event.user.id;
    m.isMention = !m.isOwn && isMention(m.text);
    return m;
}

bool Room::isMention(const QString &text) const
{
    const QString name = account()->userName();
    if (name.isEmpty() || text.isEmpty())
        return false;
    if (name != m_mentionName) {
        m_mentionName = name;
        m_mentionRe = QRegularExpression(
            QStringLiteral("(?<![\\w@])@?%1(?![\\w])").arg(QRegularExpression::escape(name)),
            QRegularExpression::CaseInsensitiveOption |
                QRegularExpression::UseUnicodePropertiesOption);
    }
    return text.contains(name, Qt::CaseInsensitive) && m_mentionRe.match(text).hasMatch();
}

Conversation *Room::conversationFor(const Message &message, const QString &peerName)
{
    return account()->openConversation(message.peerId, peerName, this);
}

Timeline *Room::timelineOf(const Message &message)
{
    if (!message.isPrivate || message.peerId.isEmpty())
        return timeline();
    QString peerName = message.peerId;
    if (const int i = memberIndex(message.peerId); i >= 0)
        peerName = members().at(i).user.name;
    if (Conversation *c = account()->conversation(message.peerId))
        return c->timeline();
    return conversationFor(message, peerName)->timeline();
}

void Room::storeEventId(const QString &id)
{
    if (id.isEmpty())
        return;
    m_session->setLastEventId(id);
    account()->cache()->setLastEventId(m_name, id);
}

void Room::countUnread(const Message &m, Conversation *conversation)
{
    // the history shown on a first join is context, not news
    if (m.isOwn || (m_replaying && m_firstHistory))
        return;
    if (conversation) {
        conversation->addUnread();
    } else {
        ++m_unread;
        if (m.isMention)
            ++m_mentions;
        emit countersChanged();
    }
    emit persistentStateChanged();
    emit messageArrived(m);
}

void Room::onMessage(const MessageEvent &event)
{
    if (!event.user.isValid() || event.id.isEmpty()) {
        qCWarning(lcClientRoom) << m_name << "ignored a message without id or user";
        return;
    }
    if (event.partial) {
        onDraft(event);
        return;
    }
    m_typing->remove(event.user.id); // a sent message ends the sender's draft
    Message m = toMessage(event);
    Conversation *conversation = nullptr;
    Timeline *target = placeOf(m, event.user.name, &conversation);
    if (!target) {
        qCWarning(lcClientRoom) << m_name << "ignored a private message without peer";
        return;
    }
    // our own message coming back: the outbox entry is confirmed
    const bool confirmed = m.isOwn && m_delivery->confirm(m.id, m.text, event.deleted);
    const int row = target->indexOf(m.id);
    if (event.deleted)
        applyRetraction(target, row, m);
    else if (row >= 0)
        applyUpdate(target, row, m, confirmed);
    else
        appendNew(target, m, conversation, event.edited);
}

void Room::onDraft(const MessageEvent &event)
{
    // only others' public drafts are shown
    if (event.user.id == account()->userId() || event.isPrivate || !event.to.isEmpty())
        return;
    m_typing->setDraft(event.user.id, event.user.name, event.content);
}

Timeline *Room::placeOf(const Message &m, const QString &senderName, Conversation **conversation)
{
    if (!m.isPrivate)
        return timeline();
    if (m.peerId.isEmpty())
        return nullptr;
    QString peerName = m.isOwn ? m.peerId : senderName;
    if (m.isOwn) {
        if (const int i = memberIndex(m.peerId); i >= 0)
            peerName = members().at(i).user.name;
    }
    *conversation = conversationFor(m, peerName);
    if (!m.isOwn)
        (*conversation)->setRoom(this);
    return (*conversation)->timeline();
}

void Room::applyRetraction(Timeline *target, int row, Message m)
{
    HistoryCache *cache = account()->cache();
    if (m_keepRetracted) {
        m.text.clear();
        cache->storeMessage(target->key(), m);
        if (row >= 0)
            target->replace(row, m);
    } else {
        cache->removeMessage(target->key(), m.id);
        if (row >= 0)
            target->removeAt(row);
    }
}

void Room::applyUpdate(Timeline *target, int row, const Message &m, bool confirmed)
{
    const Message &old = target->at(row);
    const bool wasPending = old.delivery != Message::Delivery::Sent;
    if (wasPending && !confirmed && m.isOwn) {
        // an older version came back (e.g. a replay) while an edit is pending:
        // keep showing the pending text
        return;
    }
    if (!wasPending && old.text == m.text && old.edited == m.edited)
        return; // a duplicate
    const bool firstBroadcast = wasPending && !old.edited;
    target->replace(row, m); // may move the row: `old` is invalid from here
    account()->cache()->storeMessage(target->key(), m);
    if (firstBroadcast)
        storeEventId(m.id); // the first broadcast of our message
}

void Room::appendNew(Timeline *target, const Message &m, Conversation *conversation, bool edited)
{
    HistoryCache *cache = account()->cache();
    // Live events are new unless they are edits or our own (the duplicate rule answers
    // a resend with the stored message); only those and replays can be older than the
    // RAM window, so only they cost a cache lookup.
    const bool mayBeKnown = m_replaying || m.isOwn || edited;
    if (mayBeKnown && cache->containsMessage(target->key(), m.id)) {
        cache->storeMessage(target->key(), m); // an edit of an older message, or a replay
        return;
    }
    batchAppends(target);
    target->append(m);
    cache->storeMessage(target->key(), m);
    storeEventId(m.id);
    countUnread(m, conversation);
}

void Room::onUsers(const QList<User> &users)
{
    m_replaying = false;
    if (users.isEmpty()) {
        // the list always holds at least the user itself: this one is broken
        qCWarning(lcClientRoom) << m_name << "ignored an empty or malformed users list";
        m_delivery->flush();
        return;
    }
    m_members->replace(users);
    m_delivery->flush();
}

void Room::setMemberPresence(const User &user, Presence presence)
{
    if (!m_members->setPresence(user, presence))
        qCWarning(lcClientRoom) << m_name << "presence for an unknown user without a name, ignored";
}

void Room::onPresence(const PresenceEvent &event)
{
    if (!event.user.isValid()) {
        qCWarning(lcClientRoom) << m_name << "ignored a presence event without user";
        return;
    }
    switch (event.kind) {
    case PresenceEvent::Kind::Join:
    case PresenceEvent::Kind::Back:
        setMemberPresence(event.user, Presence::Online);
        break;
    case PresenceEvent::Kind::Idle:
        setMemberPresence(event.user, Presence::Idle);
        break;
    case PresenceEvent::Kind::Leave:
        if (memberIndex(event.user.id) >= 0)
            setMemberPresence(event.user, Presence::Offline);
        break;
    }
    if (event.kind == PresenceEvent::Kind::Idle || event.kind == PresenceEvent::Kind::Leave) {
        m_typing->remove(event.user.id);
    }
    if (event.kind == PresenceEvent::Kind::Join || event.kind == PresenceEvent::Kind::Leave)
        storeEventId(event.id);
}

QString Room::recipientName(const QString &userId) const
{
    if (userId.isEmpty())
        return QString();
    if (const int i = memberIndex(userId); i >= 0)
        return members().at(i).user.name;
    if (Conversation *c = account()->conversation(userId))
        return c->peerName();
    return userId;
}

} // namespace talker::client
