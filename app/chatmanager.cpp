// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatmanager.h"

#include "appsettings.h"

#include "client/account.h"
#include "client/accountregistry.h"
#include "client/conversation.h"
#include "client/peerpresence.h"
#include "client/room.h"
#include "client/timeline.h"
#include "models/conversationmodel.h"
#include "models/membermodel.h"
#include "models/messagemodel.h"
#include "models/roomlistmodel.h"
#include "models/switchermodel.h"

#include <QLocale>

namespace talker::app {

namespace {
const QLatin1String kLastChat("lastChat");
}

ChatManager::ChatManager(AppSettings *settings, client::AccountRegistry *registry,
                         models::RoomListModel *rooms, models::ConversationModel *conversations,
                         QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_registry(registry)
    , m_rooms(rooms)
    , m_conversations(conversations)
    , m_messages(new models::MessageModel(this))
    , m_members(new models::MemberModel(this))
    , m_switcher(new models::SwitcherModel([this] { return sidebarEntries(); }, this))
{
    const auto accounts = m_registry->accounts();
    for (client::Account *account : accounts)
        watchAccount(account);
    connect(m_registry, &client::AccountRegistry::accountAdded, this, &ChatManager::watchAccount);
    connect(m_registry, &client::AccountRegistry::accountAboutToBeRemoved, this,
            [this](client::Account *account) {
                if (currentAccount() == account)
                    selectChat(nullptr);
            });
}

ChatManager::~ChatManager()
{
    m_messages->setTimeline(nullptr);
    m_members->setRoom(nullptr);
}

void ChatManager::restoreLast()
{
    if (!selectKey(m_settings->value(kLastChat).toString()) && m_rooms->count() > 0)
        selectRoom(m_rooms->roomAt(0));
}

client::Chat *ChatManager::currentChat() const
{
    return m_chat;
}

client::Room *ChatManager::currentRoom() const
{
    return qobject_cast<client::Room *>(m_chat.data());
}

client::Conversation *ChatManager::currentConversation() const
{
    return qobject_cast<client::Conversation *>(m_chat.data());
}

client::Account *ChatManager::currentAccount() const
{
    return m_chat ? m_chat->account() : nullptr;
}

QString ChatManager::currentKey() const
{
    return m_chat ? m_chat->key() : QString();
}

QString ChatManager::currentTitle() const
{
    return m_chat ? m_chat->title() : QString();
}

bool ChatManager::offline() const
{
    return m_chat && !m_chat->isConnected();
}

bool ChatManager::authenticationFailed() const
{
    client::Account *account = currentAccount();
    return account && account->authenticationFailed();
}

QString ChatManager::connectionText() const
{
    if (authenticationFailed())
        return tr("Authentication failed: check the token of %1.").arg(currentAccount()->label());
    if (m_chat && !m_chat->canSend())
        return tr("Join a room this person is in to write to them.");
    if (!m_chat || m_chat->isConnected())
        return QString();
    // The reason is in the banner, not only in the sidebar's (cut-off) subtitle.
    const QString reason = m_chat->session() ? m_chat->session()->lastError() : QString();
    const QDateTime next = m_chat->nextRetry();
    const QString retry =
        next.isValid()
            ? tr("Next retry at %1.")
                  .arg(QLocale().toString(next.toLocalTime().time(), QLocale::ShortFormat))
            : QString();
    if (!everConnected(m_chat) && !reason.isEmpty())
        return tr("Cannot reach this room: %1. Nothing can be sent until it connects. %2")
            .arg(reason, retry)
            .trimmed();
    if (next.isValid())
        return reason.isEmpty() ? tr("Offline. %1").arg(retry)
                                : tr("Offline: %1. %2").arg(reason, retry);
    return m_chat->statusText();
}

void ChatManager::setWindowActive(bool active)
{
    if (active == m_windowActive)
        return;
    m_windowActive = active;
    emit windowActiveChanged();
    // Leaving the window counts as having read what was shown; coming back shows the
    // divider above what arrived meanwhile.
    if (active)
        markCurrentSeen();
    else
        markCurrentRead();
}

void ChatManager::watchAccount(client::Account *account)
{
    for (client::Room *room : account->rooms())
        watchRoom(room);
    connect(account, &client::Account::roomAdded, this, &ChatManager::watchRoom);
    connect(account, &client::Account::stateChanged, this, [this, account] {
        if (account == currentAccount())
            emit connectionChanged();
    });
    connect(account, &client::Account::roomAboutToBeRemoved, this, [this](client::Room *room) {
        if (room == m_chat)
            selectChat(nullptr);
    });
    connect(account, &client::Account::messageArrived, this, [this](client::Chat *chat) {
        if (chat == m_chat && m_windowActive)
            markCurrentSeen();
    });
}

void ChatManager::watchRoom(client::Room *room)
{
    const auto note = [this, room] {
        if (room->isConnected())
            m_connectedRooms.insert(room->key());
    };
    connect(room, &client::Chat::stateChanged, this, note);
    note();
}

bool ChatManager::everConnected(const client::Chat *chat) const
{
    const auto *conversation = qobject_cast<const client::Conversation *>(chat);
    const client::Chat *room = conversation ? conversation->room() : chat;
    if (!room)
        return false;
    return room->isConnected() || m_connectedRooms.contains(room->key()) ||
           !room->lastMessagePreview().isEmpty();
}

int ChatManager::peerPresence() const
{
    client::PeerPresence *presence = client::PeerPresence::of(currentConversation());
    return presence ? presence->state() : client::PeerPresence::Unknown;
}

void ChatManager::selectRoom(client::Room *room)
{
    selectChat(room);
}

void ChatManager::selectConversation(client::Conversation *conversation)
{
    selectChat(conversation);
}

void ChatManager::selectChat(client::Chat *chat)
{
    if (chat == m_chat)
        return;
    if (m_windowActive)
        markCurrentRead(); // the chat being left was read up to its end
    for (const QMetaObject::Connection &c : std::as_const(m_stateConnections))
        disconnect(c);
    m_stateConnections.clear();
    m_chat = chat;
    if (chat)
        chat->loadFirstPage();
    m_messages->setTimeline(chat ? chat->timeline() : nullptr);
    client::Conversation *conversation = currentConversation();
    m_members->setRoom(conversation ? conversation->room() : currentRoom());
    if (chat) {
        m_stateConnections
            << connect(chat, &client::Chat::statusChanged, this, &ChatManager::connectionChanged)
            << connect(chat, &client::Chat::stateChanged, this, &ChatManager::connectionChanged)
            << connect(chat, &client::Chat::sessionChanged, this, &ChatManager::connectionChanged);
        if (client::PeerPresence *presence = client::PeerPresence::of(currentConversation()))
            m_stateConnections << connect(presence, &client::PeerPresence::changed, this,
                                          &ChatManager::connectionChanged);
        m_settings->setValue(kLastChat, chat->key());
    }
    if (m_windowActive)
        markCurrentSeen();
    emit currentChanged();
    emit connectionChanged();
}

bool ChatManager::selectKey(const QString &key)
{
    if (key.isEmpty())
        return false;
    const auto accounts = m_registry->accounts();
    for (client::Account *account : accounts) {
        const auto rooms = account->rooms();
        for (client::Room *room : rooms) {
            if (room->key() == key) {
                selectChat(room);
                return true;
            }
        }
        const auto conversations = account->conversations();
        for (client::Conversation *conversation : conversations) {
            if (conversation->key() == key) {
                selectChat(conversation);
                return true;
            }
        }
    }
    return false;
}

void ChatManager::openPrivate(const QString &userId, const QString &userName)
{
    client::Account *account = currentAccount();
    if (!account || userId.isEmpty() || userId == account->userId())
        return;
    selectChat(account->openConversation(userId, userName, currentRoom()));
}

QList<client::Chat *> ChatManager::sidebarEntries() const
{
    QList<client::Chat *> entries;
    for (int i = 0; i < m_rooms->count(); ++i)
        entries.append(m_rooms->roomAt(i));
    for (int i = 0; i < m_conversations->count(); ++i)
        entries.append(m_conversations->conversationAt(i));
    return entries;
}

void ChatManager::selectNext(int step)
{
    const QList<client::Chat *> entries = sidebarEntries();
    if (entries.isEmpty())
        return;
    const int current = int(entries.indexOf(m_chat.data()));
    const int n = int(entries.size());
    const int next = current < 0 ? 0 : ((current + step) % n + n) % n;
    selectChat(entries.at(next));
}

QVariantList ChatManager::switcherEntries(const QString &filter) const
{
    QVariantList result;
    const QList<client::Chat *> entries = sidebarEntries();
    for (client::Chat *chat : entries) {
        if (!models::SwitcherModel::matches(chat, filter))
            continue;
        result.append(QVariantMap{{QStringLiteral("key"), chat->key()},
                                  {QStringLiteral("title"), chat->title()},
                                  {QStringLiteral("subtitle"), chat->account()->label()},
                                  {QStringLiteral("unread"), chat->unreadCount()},
                                  {QStringLiteral("isPrivate"), chat->isPrivate()}});
    }
    return result;
}

void ChatManager::joinRoom(const QString &name)
{
    const QString room = name.trimmed();
    client::Account *account = currentAccount();
    if (!account && m_registry->count() > 0)
        account = m_registry->accountAt(0);
    if (room.isEmpty() || !account)
        return;
    selectChat(account->joinRoom(room));
}

void ChatManager::leaveCurrentRoom()
{
    client::Room *room = currentRoom();
    if (!room)
        return;
    client::Account *account = room->account();
    const QString name = room->name();
    selectChat(nullptr);
    account->leaveRoom(name);
    if (m_rooms->count() > 0)
        selectRoom(m_rooms->roomAt(0));
}

void ChatManager::retryNow()
{
    if (client::Account *account = currentAccount())
        account->retryNow();
}

void ChatManager::markCurrentSeen()
{
    if (m_chat)
        m_chat->markSeen();
}

void ChatManager::markCurrentRead()
{
    if (m_chat)
        m_chat->markRead();
}

} // namespace talker::app
