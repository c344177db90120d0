// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/serveradmin.h"

#include "protocol/codec.h"
#include "protocol/username.h"
#include "store/token.h"

#include <QDateTime>
#include <QNetworkInterface>
#include <QUrl>

namespace talker::server {

ServerAdmin::ServerAdmin(store::Store *store)
    : m_store(store)
{}

QString ServerAdmin::addUser(const QString &rawName)
{
    const QString name = protocol::normalizeUserName(rawName);
    const protocol::NameProblem problem = protocol::checkUserName(name);
    if (problem != protocol::NameProblem::None) {
        m_error = protocol::nameProblemText(problem);
        return QString();
    }
    if (const auto existing = m_store->userByNameKey(name)) {
        m_error = QStringLiteral("user %1 already exists (names ignore case)").arg(existing->name);
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

QString ServerAdmin::createInvite(const QString &room, int uses, qint64 validSecs)
{
    if (uses < 1 || validSecs < 1) {
        m_error = QStringLiteral("an invite needs at least one use and a time to live");
        return QString();
    }
    QString code;
    const qint64 expires = QDateTime::currentSecsSinceEpoch() + validSecs;
    if (!m_store->createInvite(room, uses, expires, &code)) {
        m_error = m_store->lastError().isEmpty() ? QStringLiteral("this store has no invites")
                                                 : m_store->lastError();
        return QString();
    }
    return code;
}

QList<store::InviteRecord> ServerAdmin::invites() const
{
    return m_store->invites();
}

bool ServerAdmin::revokeInvite(const QString &codeOrId)
{
    if (codeOrId.isEmpty() || !m_store->revokeInvite(codeOrId)) {
        m_error = QStringLiteral("no such invite");
        return false;
    }
    return true;
}

QString ServerAdmin::inviteLink(const QString &host, quint16 port, const QString &room,
                                const QString &code)
{
    QUrl url;
    url.setScheme(QStringLiteral("talker"));
    url.setHost(host);
    url.setPort(port);
    url.setPath(QLatin1Char('/') + room);
    url.setQuery(QStringLiteral("invite=") + code);
    return url.toString(QUrl::FullyEncoded);
}

QString ServerAdmin::lanAddress()
{
    QString v6;
    const auto addresses = QNetworkInterface::allAddresses();
    for (const QHostAddress &a : addresses) {
        if (a.isLoopback() || a.isLinkLocal() || a.isNull())
            continue;
        if (a.protocol() == QAbstractSocket::IPv4Protocol)
            return a.toString();
        if (v6.isEmpty())
            v6 = a.toString();
    }
    return v6.isEmpty() ? QStringLiteral("127.0.0.1") : v6;
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
