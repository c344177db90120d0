#include "appcontroller.h"

#include "localserverhost.h"
#include "talkerlink.h"
#include "tokenstore.h"

#include "client/account.h"
#include "client/accountregistry.h"
#include "client/conversation.h"
#include "client/room.h"
#include "client/timeline.h"
#include "models/conversationmodel.h"
#include "models/membermodel.h"
#include "models/messagemodel.h"
#include "models/roomlistmodel.h"
#include "security/certificatetrust.h"

#include <QDir>
#include <QJSEngine>
#include <QLocale>
#include <QLoggingCategory>
#include <QQmlEngine>

Q_LOGGING_CATEGORY(lcApp, "talker.app")

namespace talker::app {

namespace {
AppController *s_instance = nullptr;
const QLatin1String kLastChat("lastChat");
const QLatin1String kKeychainNotice("keychainNoticeShown");
} // namespace

AppController::AppController(const QString &profileDir, TokenStore *tokens, QObject *parent)
    : QObject(parent)
    , m_profileDir(profileDir)
    , m_settings(new AppSettings(profileDir, this))
    , m_tokens(tokens)
    , m_registry(new client::AccountRegistry(profileDir, this))
    , m_rooms(new models::RoomListModel(this))
    , m_conversations(new models::ConversationModel(this))
    , m_messages(new models::MessageModel(this))
    , m_members(new models::MemberModel(this))
    , m_trust(new security::CertificateTrust(
          QDir(profileDir).filePath(QStringLiteral("certificate-pins.json")), this))
{
    connect(m_trust, &security::CertificateTrust::approvalNeeded, this,
            [this](const QString &accountId, const QString &fingerprint,
                   const QStringList &problems, const QString &host, quint16 port) {
                m_certificatePrompt = {
                    {QStringLiteral("accountId"), accountId},
                    {QStringLiteral("fingerprint"), fingerprint},
                    {QStringLiteral("problems"), problems.join(QStringLiteral("; "))},
                    {QStringLiteral("host"), host},
                    {QStringLiteral("port"), int(port)}};
                emit certificatePromptChanged();
            });
    connect(m_trust, &security::CertificateTrust::pinMismatch, this,
            [this](const QString &, const QString &pinned, const QString &presented,
                   const QString &host, quint16 port) {
                setNotice(tr("Refused %1:%2: it presents another certificate (%3) than the one "
                             "you trusted (%4). If the server's certificate was changed on "
                             "purpose, remove and add the account again.")
                              .arg(host)
                              .arg(port)
                              .arg(presented, pinned));
            });
    if (!m_registry->load() || !m_registry->loadError().isEmpty())
        setNotice(m_registry->loadError());
    m_registry->setAutoSave(true);
    if (!m_settings->notice().isEmpty())
        setNotice(m_settings->notice());
    m_rooms->setRegistry(m_registry);
    m_conversations->setRegistry(m_registry);

    const auto accounts = m_registry->accounts();
    for (client::Account *account : accounts)
        watchAccount(account);
    connect(m_registry, &client::AccountRegistry::accountAdded, this, &AppController::watchAccount);
    connect(m_registry, &client::AccountRegistry::accountsChanged, this,
            &AppController::accountsChanged);
    connect(m_registry, &client::AccountRegistry::accountAboutToBeRemoved, this,
            [this](client::Account *account) {
                if (currentAccount() == account)
                    setCurrent(nullptr, nullptr);
            });

    if (m_tokens) {
        connect(m_tokens, &TokenStore::fallbackActivated, this, [this] {
            if (m_settings->value(kKeychainNotice).toBool())
                return;
            m_settings->setValue(kKeychainNotice, true);
            setNotice(tr("No keychain is available, so your token is kept in a file only you "
                         "can read (%1). It moves into the keychain when one is available.")
                          .arg(m_tokens->fallbackPath()));
        });
    }

    if (!selectKey(m_settings->value(kLastChat).toString()) && m_rooms->count() > 0)
        selectRoom(m_rooms->roomAt(0));
}

AppController::~AppController()
{
    if (s_instance == this)
        s_instance = nullptr;
    m_messages->setTimeline(nullptr);
    m_members->setRoom(nullptr);
    m_registry->save();
}

void AppController::setInstance(AppController *controller)
{
    s_instance = controller;
}

AppController *AppController::instance()
{
    return s_instance;
}

AppController *AppController::create(QQmlEngine *, QJSEngine *)
{
    Q_ASSERT(s_instance);
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

QString AppController::version() const
{
    return QStringLiteral(TALKER_VERSION);
}

bool AppController::hasAccounts() const
{
    return m_registry->count() > 0;
}

client::Room *AppController::currentRoom() const
{
    return m_room;
}

client::Conversation *AppController::currentConversation() const
{
    return m_conversation;
}

client::Account *AppController::currentAccount() const
{
    if (m_room)
        return m_room->account();
    if (m_conversation)
        return m_conversation->account();
    return nullptr;
}

QString AppController::roomKey(const client::Room *room)
{
    return room ? room->account()->id() + QLatin1Char('/') + room->name() : QString();
}

QString AppController::conversationKey(const client::Conversation *conversation)
{
    return conversation
               ? conversation->account()->id() + QStringLiteral("/@") + conversation->peerId()
               : QString();
}

QString AppController::currentKey() const
{
    return m_room ? roomKey(m_room) : conversationKey(m_conversation);
}

QString AppController::currentTitle() const
{
    if (m_room)
        return m_room->name();
    if (m_conversation)
        return m_conversation->peerName();
    return QString();
}

bool AppController::offline() const
{
    if (m_room)
        return !m_room->isConnected();
    if (m_conversation)
        return !m_conversation->isConnected();
    return false;
}

bool AppController::authenticationFailed() const
{
    client::Account *account = currentAccount();
    return account && account->authenticationFailed();
}

QString AppController::connectionText() const
{
    client::Room *room =
        m_room ? m_room.data() : (m_conversation ? m_conversation->room() : nullptr);
    if (authenticationFailed())
        return tr("Authentication failed: check the token of %1.").arg(currentAccount()->label());
    if (m_conversation && !room)
        return tr("Join a room this person is in to write to them.");
    if (!room || room->isConnected())
        return QString();
    const QDateTime next = room->nextRetry();
    if (next.isValid()) {
        return tr("Offline. Next retry at %1.")
            .arg(QLocale().toString(next.toLocalTime().time(), QLocale::ShortFormat));
    }
    return room->statusText();
}

void AppController::setNotice(const QString &text)
{
    if (text.isEmpty() || text == m_notice)
        return;
    m_notice = text;
    emit noticeChanged();
}

void AppController::clearNotice()
{
    m_settings->clearNotice();
    if (m_notice.isEmpty())
        return;
    m_notice.clear();
    emit noticeChanged();
}

void AppController::setWindowActive(bool active)
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

bool AppController::hostingLocal() const
{
    return m_local && m_local->isRunning();
}

void AppController::watchAccount(client::Account *account)
{
    // Every TLS connection of the account is checked (and pinned) by CertificateTrust.
    auto secure = [this, account](client::Room *room) {
        room->session()->setSslConfigurator(m_trust->configuratorFor(account->id()));
    };
    const auto rooms = account->rooms();
    for (client::Room *room : rooms)
        secure(room);
    connect(account, &client::Account::roomAdded, this, secure);
    connect(account, &client::Account::stateChanged, this, [this, account] {
        if (account == currentAccount())
            emit connectionChanged();
    });
    connect(account, &client::Account::roomAboutToBeRemoved, this, [this](client::Room *room) {
        if (room == m_room)
            setCurrent(nullptr, nullptr);
    });
    connect(account, &client::Account::messageArrived, this,
            [this](client::Room *room, client::Conversation *conversation) {
                const bool open = conversation ? conversation == m_conversation
                                               : (room == m_room && !m_conversation);
                if (open && m_windowActive)
                    markCurrentSeen();
            });
}

void AppController::joinRoom(const QString &name)
{
    const QString room = name.trimmed();
    client::Account *account = currentAccount();
    if (!account && m_registry->count() > 0)
        account = m_registry->accountAt(0);
    if (room.isEmpty() || !account)
        return;
    selectRoom(account->joinRoom(room));
}

void AppController::leaveCurrentRoom()
{
    if (!m_room)
        return;
    client::Account *account = m_room->account();
    const QString name = m_room->name();
    setCurrent(nullptr, nullptr);
    account->leaveRoom(name);
    if (m_rooms->count() > 0)
        selectRoom(m_rooms->roomAt(0));
}

void AppController::selectRoom(client::Room *room)
{
    setCurrent(room, nullptr);
}

void AppController::selectConversation(client::Conversation *conversation)
{
    setCurrent(nullptr, conversation);
}

bool AppController::selectKey(const QString &key)
{
    if (key.isEmpty())
        return false;
    const auto accounts = m_registry->accounts();
    for (client::Account *account : accounts) {
        const auto rooms = account->rooms();
        for (client::Room *room : rooms) {
            if (roomKey(room) == key) {
                selectRoom(room);
                return true;
            }
        }
        const auto conversations = account->conversations();
        for (client::Conversation *conversation : conversations) {
            if (conversationKey(conversation) == key) {
                selectConversation(conversation);
                return true;
            }
        }
    }
    return false;
}

void AppController::openPrivate(const QString &userId, const QString &userName)
{
    client::Account *account = currentAccount();
    if (!account || userId.isEmpty() || userId == account->userId())
        return;
    selectConversation(account->openConversation(userId, userName, m_room));
}

QList<QPair<client::Room *, client::Conversation *>> AppController::sidebarEntries() const
{
    QList<QPair<client::Room *, client::Conversation *>> entries;
    for (int i = 0; i < m_rooms->count(); ++i)
        entries.append({m_rooms->roomAt(i), nullptr});
    for (int i = 0; i < m_conversations->count(); ++i)
        entries.append({nullptr, m_conversations->conversationAt(i)});
    return entries;
}

void AppController::selectNext(int step)
{
    const auto entries = sidebarEntries();
    if (entries.isEmpty())
        return;
    int current = -1;
    for (int i = 0; i < entries.size(); ++i) {
        if (entries.at(i).first == m_room && entries.at(i).second == m_conversation)
            current = i;
    }
    const int n = int(entries.size());
    const int next = current < 0 ? 0 : ((current + step) % n + n) % n;
    setCurrent(entries.at(next).first, entries.at(next).second);
}

QVariantList AppController::switcherEntries(const QString &filter) const
{
    QVariantList result;
    const QString needle = filter.trimmed();
    for (const auto &entry : sidebarEntries()) {
        QVariantMap item;
        if (entry.first) {
            if (!needle.isEmpty() && !entry.first->name().contains(needle, Qt::CaseInsensitive))
                continue;
            item.insert(QStringLiteral("key"), roomKey(entry.first));
            item.insert(QStringLiteral("title"), entry.first->name());
            item.insert(QStringLiteral("subtitle"), entry.first->account()->label());
            item.insert(QStringLiteral("unread"), entry.first->unreadCount());
            item.insert(QStringLiteral("isPrivate"), false);
        } else {
            if (!needle.isEmpty() &&
                !entry.second->peerName().contains(needle, Qt::CaseInsensitive))
                continue;
            item.insert(QStringLiteral("key"), conversationKey(entry.second));
            item.insert(QStringLiteral("title"), entry.second->peerName());
            item.insert(QStringLiteral("subtitle"), entry.second->account()->label());
            item.insert(QStringLiteral("unread"), entry.second->unreadCount());
            item.insert(QStringLiteral("isPrivate"), true);
        }
        result.append(item);
    }
    return result;
}

void AppController::retryNow()
{
    if (client::Account *account = currentAccount())
        account->retryNow();
}

void AppController::markCurrentSeen()
{
    if (m_room)
        m_room->setCounters(0, 0);
    else if (m_conversation)
        m_conversation->setUnreadCount(0);
}

void AppController::markCurrentRead()
{
    if (m_room)
        m_room->markRead();
    else if (m_conversation)
        m_conversation->markRead();
}

void AppController::setCurrent(client::Room *room, client::Conversation *conversation)
{
    if (room == m_room && conversation == m_conversation)
        return;
    if (m_windowActive)
        markCurrentRead(); // the chat being left was read up to its end
    for (const QMetaObject::Connection &c : std::as_const(m_stateConnections))
        disconnect(c);
    m_stateConnections.clear();
    m_room = room;
    m_conversation = conversation;
    client::Timeline *timeline =
        room ? room->timeline() : (conversation ? conversation->timeline() : nullptr);
    m_messages->setTimeline(timeline);
    m_members->setRoom(room ? room : (conversation ? conversation->room() : nullptr));
    if (room) {
        m_stateConnections << connect(room, &client::Room::statusChanged, this,
                                      &AppController::connectionChanged)
                           << connect(room, &client::Room::stateChanged, this,
                                      &AppController::connectionChanged);
    } else if (conversation) {
        m_stateConnections << connect(conversation, &client::Conversation::stateChanged, this,
                                      &AppController::connectionChanged)
                           << connect(conversation, &client::Conversation::roomChanged, this,
                                      &AppController::connectionChanged);
    }
    rememberCurrent();
    if (m_windowActive)
        markCurrentSeen();
    emit currentChanged();
    emit connectionChanged();
}

void AppController::rememberCurrent()
{
    const QString key = currentKey();
    if (!key.isEmpty())
        m_settings->setValue(kLastChat, key);
}

} // namespace talker::app
