#include "client/conversation.h"

#include "client/account.h"
#include "client/historycache.h"
#include "client/historypager.h"
#include "client/room.h"
#include "client/timeline.h"

namespace talker::client {

Conversation::Conversation(Account *account, const QString &peerId, const QString &peerName,
                           QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_peerId(peerId)
    , m_peerName(peerName.isEmpty() ? peerId : peerName)
    , m_timeline(new Timeline(QStringLiteral("dm:") + peerId, this))
    , m_pager(new HistoryPager(nullptr, m_timeline, account->cache(), this))
{
    m_timeline->setCache(account->cache());
    m_timeline->setWindowSize(account->windowSize());
    m_timeline->reset(
        account->cache()->latest(m_timeline->key(), qMin(account->windowSize(), 200)));
    connect(m_timeline, &Timeline::rowsInserted, this, [this](int, int last) {
        if (last == m_timeline->count() - 1)
            emit lastMessageChanged();
    });
    connect(m_timeline, &Timeline::rowChanged, this, [this](int row) {
        if (row == m_timeline->count() - 1)
            emit lastMessageChanged();
    });
    connect(m_timeline, &Timeline::rowsRemoved, this, &Conversation::lastMessageChanged);
}

void Conversation::setPeerName(const QString &name)
{
    if (name.isEmpty() || name == m_peerName)
        return;
    m_peerName = name;
    emit peerNameChanged();
}

void Conversation::setRoom(Room *room)
{
    if (m_room == room)
        return;
    if (m_room)
        m_room->disconnect(this);
    m_room = room;
    if (room)
        connect(room, &Room::stateChanged, this, &Conversation::stateChanged);
    emit roomChanged();
    emit stateChanged();
}

Session::State Conversation::state() const
{
    return m_room ? m_room->state() : Session::State::Disconnected;
}

void Conversation::setUnreadCount(int unread)
{
    unread = qMax(0, unread);
    if (unread == m_unread)
        return;
    m_unread = unread;
    emit countersChanged();
}

QString Conversation::lastMessagePreview() const
{
    const Message m = m_timeline->last();
    if (m.id.isEmpty())
        return QString();
    QString text = m.isOwn ? tr("You: %1").arg(m.text) : m.text;
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text.size() > 100 ? text.left(99) + QChar(0x2026) : text;
}

QDateTime Conversation::lastMessageTime() const
{
    const Message m = m_timeline->last();
    return m.id.isEmpty() ? QDateTime() : QDateTime::fromSecsSinceEpoch(m.time);
}

QString Conversation::sendMessage(const QString &text)
{
    Room *room = m_room;
    if (!room) {
        // any joined room will do to queue it; the server checks membership
        const QList<Room *> rooms = m_account->rooms();
        if (rooms.isEmpty())
            return QString();
        room = rooms.constFirst();
        setRoom(room);
    }
    return room->sendInto(m_timeline, text, m_peerId);
}

bool Conversation::editMessage(const QString &id, const QString &text)
{
    return m_room && m_room->editIn(m_timeline, id, text);
}

bool Conversation::retractMessage(const QString &id)
{
    return editMessage(id, QStringLiteral(""));
}

bool Conversation::retry(const QString &id)
{
    for (Room *room : m_account->rooms()) {
        if (room->retry(id))
            return true;
    }
    return false;
}

QString Conversation::lastOwnMessageId() const
{
    return m_room ? m_room->lastOwnIn(m_timeline) : QString();
}

void Conversation::markRead()
{
    const Message last = m_timeline->last();
    if (!last.id.isEmpty() && last.delivery == Message::Delivery::Sent)
        m_timeline->setLastReadId(last.id);
    setUnreadCount(0);
}

} // namespace talker::client
