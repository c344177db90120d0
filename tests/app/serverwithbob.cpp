// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "serverwithbob.h"

#include "client/outbox.h"

#include "testserver.h"

#include "client/account.h"
#include "client/room.h"

using talker::client::Account;
using talker::client::AccountConfig;

ServerWithBob::ServerWithBob()
    : m_server(std::make_unique<talker::test::TestServer>())
{}

ServerWithBob::~ServerWithBob() = default;

bool ServerWithBob::start()
{
    if (!m_server->start())
        return false;
    m_aliceToken = m_server->addUser(QStringLiteral("alice"));
    m_bobToken = m_server->addUser(QStringLiteral("bob"));
    return !m_aliceToken.isEmpty() && !m_bobToken.isEmpty();
}

int ServerWithBob::port() const
{
    return m_server->port();
}

bool ServerWithBob::bobConnected() const
{
    return m_bob && m_bob->state() == talker::client::Session::State::Connected;
}

void ServerWithBob::connectBob(const QString &room)
{
    if (!m_bob) {
        AccountConfig config;
        config.id = QStringLiteral("bob");
        config.host = QStringLiteral("127.0.0.1");
        config.port = m_server->port();
        m_bob = std::make_unique<Account>(config, m_dir.filePath(QStringLiteral("bob.sqlite")));
        connect(m_bob.get(), &Account::stateChanged, this, &ServerWithBob::bobChanged);
        m_bob->setToken(m_bobToken);
    }
    m_bob->joinRoom(room)->setSendDrafts(true);
}

void ServerWithBob::bobSays(const QString &room, const QString &text)
{
    m_bob->joinRoom(room)->sendMessage(text);
}

void ServerWithBob::bobWhispers(const QString &room, const QString &toUserId, const QString &text)
{
    m_bob->joinRoom(room)->sendPrivate(toUserId, text);
}

int ServerWithBob::bobUnsent() const
{
    return m_bob ? m_bob->outbox()->count() : 0;
}

void ServerWithBob::bobTypes(const QString &room, const QString &draft)
{
    m_bob->joinRoom(room)->setDraft(draft);
}

void ServerWithBob::bobLeaves(const QString &room)
{
    m_bob->leaveRoom(room);
}

void ServerWithBob::stopServer()
{
    m_server->stop();
}

bool ServerWithBob::restartServer()
{
    return m_server->start(true);
}
