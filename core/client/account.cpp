// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "client/account.h"

#include "client/conversation.h"
#include "client/historycache.h"
#include "client/outbox.h"
#include "client/room.h"
#include "client/timeline.h"

namespace talker::client {

Account::Account(const AccountConfig &config, const QString &cachePath, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_cache(new HistoryCache(cachePath, this))
    , m_outbox(std::make_unique<Outbox>(m_cache))
{
    loadConversations();
}

Account::~Account()
{
    // rooms first: they talk to the cache while closing
    qDeleteAll(m_rooms);
    m_rooms.clear();
    qDeleteAll(m_conversations);
    m_conversations.clear();
}

void Account::loadConversations()
{
    const QStringList keys = m_cache->conversationKeys();
    for (const QString &key : keys) {
        const QString peerId = key.mid(3);
        const QList<Message> last = m_cache->latest(key, 20);
        QString peerName = peerId;
        for (const Message &m : last) {
            if (!m.isOwn && !m.authorName.isEmpty())
                peerName = m.authorName;
        }
        openConversation(peerId, peerName, nullptr);
    }
}

void Account::setConfig(const AccountConfig &config)
{
    m_config = config;
    for (Room *room : std::as_const(m_rooms))
        room->session()->setAccount(config);
    emit configChanged();
    emit persistentStateChanged();
}

void Account::setToken(const QString &token)
{
    const bool changed = token != m_token;
    m_token = token;
    if (changed)
        emit tokenChanged();
    for (Room *room : std::as_const(m_rooms)) {
        // the same token again leaves working connections alone (no leave/join flicker)
        if (changed || room->state() == Session::State::Disconnected)
            room->session()->close();
        if (!token.isEmpty())
            room->open();
    }
    emit stateChanged();
}

void Account::setSessionSettings(const SessionSettings &settings)
{
    m_settings = settings;
    for (Room *room : std::as_const(m_rooms))
        room->session()->setSettings(settings);
}

void Account::setSslConfigurator(std::function<void(QSslSocket &)> configurator)
{
    m_sslConfigurator = std::move(configurator);
    for (Room *room : std::as_const(m_rooms))
        room->session()->setSslConfigurator(m_sslConfigurator);
}

void Account::setWindowSize(int size)
{
    m_windowSize = size;
    for (Room *room : std::as_const(m_rooms))
        room->timeline()->setWindowSize(size);
    for (Conversation *c : std::as_const(m_conversations))
        c->timeline()->setWindowSize(size);
}

void Account::setIdentity(const protocol::User &self)
{
    if (self.id == m_config.userId && self.name == m_config.userName)
        return;
    m_config.userId = self.id;
    m_config.userName = self.name;
    emit configChanged();
    emit persistentStateChanged();
}

Session::State Account::state() const
{
    // the best state of any room: one connected room means the server is reachable
    Session::State best = Session::State::Disconnected;
    auto rank = [](Session::State s) {
        switch (s) {
        case Session::State::Connected:
            return 4;
        case Session::State::Authenticating:
            return 3;
        case Session::State::Connecting:
            return 2;
        case Session::State::Reconnecting:
            return 1;
        case Session::State::Disconnected:
            return 0;
        }
        return 0;
    };
    for (Room *room : m_rooms) {
        if (rank(room->state()) > rank(best))
            best = room->state();
    }
    return best;
}

bool Account::authenticationFailed() const
{
    for (Room *room : m_rooms) {
        if (room->authenticationFailed())
            return true;
    }
    return false;
}

QString Account::statusText() const
{
    if (authenticationFailed())
        return tr("Authentication failed");
    if (m_token.isEmpty())
        return tr("No token");
    for (Room *room : m_rooms) {
        if (room->state() != Session::State::Connected)
            return room->statusText();
    }
    return m_rooms.isEmpty() ? tr("No rooms") : tr("Connected");
}

QDateTime Account::nextRetry() const
{
    QDateTime next;
    for (Room *room : m_rooms) {
        const QDateTime t = room->nextRetry();
        if (t.isValid() && (!next.isValid() || t < next))
            next = t;
    }
    return next;
}

Room *Account::joinRoom(const QString &name)
{
    const QString clean = name.trimmed();
    if (clean.isEmpty())
        return nullptr;
    if (Room *existing = room(clean))
        return existing;
    auto *r = new Room(this, clean, this);
    m_rooms.append(r);
    connect(r, &Room::stateChanged, this, &Account::stateChanged);
    connect(r, &Room::statusChanged, this, &Account::stateChanged);
    connect(r, &Room::persistentStateChanged, this, &Account::persistentStateChanged);
    connect(r, &Room::messageArrived, this, [this, r](const Message &m) {
        Chat *chat = r;
        if (m.isPrivate)
            chat = conversation(m.peerId);
        emit messageArrived(chat, m);
    });
    emit roomAdded(r);
    emit roomsChanged();
    emit persistentStateChanged();
    if (!m_token.isEmpty())
        r->open();
    return r;
}

void Account::leaveRoom(const QString &name)
{
    Room *r = room(name);
    if (!r)
        return;
    emit roomAboutToBeRemoved(r);
    m_rooms.removeOne(r);
    for (Conversation *c : std::as_const(m_conversations)) {
        if (c->room() == r)
            c->setRoom(nullptr);
    }
    r->close();
    r->deleteLater();
    emit roomsChanged();
    emit stateChanged();
    emit persistentStateChanged();
}

Room *Account::room(const QString &name) const
{
    for (Room *r : m_rooms) {
        if (r->name() == name)
            return r;
    }
    return nullptr;
}

void Account::moveRoom(int from, int to)
{
    if (from < 0 || from >= m_rooms.size() || to < 0 || to >= m_rooms.size() || from == to)
        return;
    m_rooms.move(from, to);
    emit roomsChanged();
    emit persistentStateChanged();
}

QStringList Account::roomNames() const
{
    QStringList names;
    for (Room *r : m_rooms)
        names.append(r->name());
    return names;
}

Conversation *Account::conversation(const QString &peerId) const
{
    for (Conversation *c : m_conversations) {
        if (c->peerId() == peerId)
            return c;
    }
    return nullptr;
}

Conversation *Account::openConversation(const QString &peerId, const QString &peerName, Room *via)
{
    if (peerId.isEmpty())
        return nullptr;
    Conversation *c = conversation(peerId);
    if (!c) {
        c = new Conversation(this, peerId, peerName, this);
        connect(c, &Conversation::countersChanged, this, &Account::persistentStateChanged);
        m_conversations.append(c);
        emit conversationAdded(c);
    } else if (peerName != peerId) {
        c->setPeerName(peerName);
    }
    if (via && !c->room())
        c->setRoom(via);
    return c;
}

void Account::retryNow()
{
    for (Room *room : std::as_const(m_rooms)) {
        if (!m_token.isEmpty())
            room->session()->setToken(m_token);
        room->retryNow();
    }
}

void Account::disconnectAll()
{
    for (Room *room : std::as_const(m_rooms))
        room->close();
}

} // namespace talker::client
