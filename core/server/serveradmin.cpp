#include "server/serveradmin.h"

#include "protocol/codec.h"
#include "store/token.h"

#include <QDateTime>

namespace talker::server {

ServerAdmin::ServerAdmin(store::Store *store)
    : m_store(store)
{}

QString ServerAdmin::addUser(const QString &name)
{
    if (name.trimmed().isEmpty() || name.size() > 64) {
        m_error = QStringLiteral("a user name is 1 to 64 characters");
        return QString();
    }
    if (m_store->userByName(name)) {
        m_error = QStringLiteral("user %1 already exists").arg(name);
        return QString();
    }
    QString token;
    if (!m_store->addUser(name, &token)) {
        m_error = m_store->lastError();
        return QString();
    }
    return token;
}

bool ServerAdmin::removeUser(const QString &name)
{
    if (!m_store->removeUser(name)) {
        m_error = QStringLiteral("no such user: %1").arg(name);
        return false;
    }
    return true;
}

QString ServerAdmin::resetToken(const QString &name)
{
    const auto token = m_store->resetToken(name);
    if (!token) {
        m_error = QStringLiteral("no such user: %1").arg(name);
        return QString();
    }
    return *token;
}

QList<store::UserRecord> ServerAdmin::users() const
{
    return m_store->users();
}

QStringList ServerAdmin::rooms() const
{
    return m_store->rooms();
}

bool ServerAdmin::createRoom(const QString &room, const QString &author, const QString &welcome)
{
    if (room.isEmpty() || !m_store->ensureRoom(room)) {
        m_error = room.isEmpty() ? QStringLiteral("empty room name") : m_store->lastError();
        return false;
    }
    if (welcome.isEmpty() || !m_store->lastEvents(room, QString(), 1).isEmpty())
        return true;
    const auto user = m_store->userByName(author);
    if (!user) {
        m_error = QStringLiteral("no such user: %1").arg(author);
        return false;
    }
    protocol::MessageEvent message;
    message.id = store::generateEventId();
    message.content = welcome;
    message.user = protocol::User{user->id, user->name, false};
    message.time = QDateTime::currentSecsSinceEpoch();
    store::StoredEvent event;
    event.room = room;
    event.id = message.id;
    event.kind = store::EventKind::Message;
    event.senderId = user->id;
    event.time = message.time;
    event.content = welcome;
    event.line = protocol::encode(message);
    if (!m_store->append(&event)) {
        m_error = m_store->lastError();
        return false;
    }
    return true;
}

} // namespace talker::server
