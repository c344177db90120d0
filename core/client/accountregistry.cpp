// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "client/accountregistry.h"

#include "client/account.h"
#include "client/conversation.h"
#include "client/room.h"
#include "client/timeline.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QUuid>

namespace talker::client {

Q_LOGGING_CATEGORY(lcClientRegistry, "talker.client.registry")

namespace {
QString fileName()
{
    return QStringLiteral("accounts.json");
}

bool validId(const QString &id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (QChar c : id) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('-') &&
            c != QLatin1Char('_'))
            return false;
    }
    return true;
}
} // namespace

AccountRegistry::AccountRegistry(const QString &dataDir, QObject *parent)
    : QObject(parent)
    , m_dataDir(dataDir)
{
    QDir().mkpath(dataDir);
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(500);
    connect(&m_saveTimer, &QTimer::timeout, this, [this] { save(); });
}

AccountRegistry::~AccountRegistry()
{
    if (m_saveTimer.isActive())
        save();
    qDeleteAll(m_accounts);
}

QString AccountRegistry::cachePath(const QString &accountId) const
{
    return QDir(m_dataDir).filePath(QStringLiteral("cache-%1.sqlite").arg(accountId));
}

void AccountRegistry::setAutoSave(bool on)
{
    m_autoSave = on;
}

void AccountRegistry::scheduleSave()
{
    if (m_autoSave)
        m_saveTimer.start();
}

void AccountRegistry::setSessionSettings(const SessionSettings &settings)
{
    m_settings = settings;
    for (Account *a : std::as_const(m_accounts))
        a->setSessionSettings(settings);
}

bool AccountRegistry::load()
{
    const QString path = QDir(m_dataDir).filePath(fileName());
    if (!QFile::exists(path))
        return true;
    QJsonObject list;
    if (!readList(path, &list))
        return false;
    const QJsonArray accounts = list.value(QLatin1String("accounts")).toArray();
    for (const QJsonValue &v : accounts)
        loadAccount(v.toObject());
    return true;
}

bool AccountRegistry::readList(const QString &path, QJsonObject *list)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_loadError = tr("Cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    file.close();
    if (!doc.isObject()) {
        const QString aside =
            path + QStringLiteral(".corrupt-") +
            QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss"));
        QFile::rename(path, aside);
        m_loadError = tr("The account list was damaged and was moved to %1").arg(aside);
        qCWarning(lcClientRegistry) << m_loadError;
        return false;
    }
    *list = doc.object();
    return true;
}

void AccountRegistry::loadAccount(const QJsonObject &o)
{
    AccountConfig c;
    c.id = o.value(QLatin1String("id")).toString();
    c.host = o.value(QLatin1String("host")).toString();
    c.port = quint16(o.value(QLatin1String("port")).toInt(8500));
    for (const QJsonValue &f : o.value(QLatin1String("fallbacks")).toArray())
        c.fallbacks.append(f.toString());
    c.useTls = o.value(QLatin1String("tls")).toBool();
    c.userName = o.value(QLatin1String("userName")).toString();
    c.userId = o.value(QLatin1String("userId")).toString();
    c.displayName = o.value(QLatin1String("displayName")).toString();
    if (!validId(c.id) || c.host.isEmpty() || account(c.id)) {
        qCWarning(lcClientRegistry) << "skipped an invalid account entry";
        return;
    }
    Account *a = addAccount(c);
    restoreRooms(a, o.value(QLatin1String("rooms")).toArray());
    restoreConversations(a, o.value(QLatin1String("conversations")).toArray());
}

void AccountRegistry::restoreRooms(Account *account, const QJsonArray &rooms)
{
    for (const QJsonValue &rv : rooms) {
        const QJsonObject ro = rv.toObject();
        Room *room = account->joinRoom(ro.value(QLatin1String("name")).toString());
        if (!room)
            continue;
        room->setCounters(ro.value(QLatin1String("unread")).toInt(),
                          ro.value(QLatin1String("mentions")).toInt());
        room->timeline()->setLastReadId(ro.value(QLatin1String("lastRead")).toString());
    }
}

void AccountRegistry::restoreConversations(Account *account, const QJsonArray &conversations)
{
    for (const QJsonValue &cv : conversations) {
        const QJsonObject co = cv.toObject();
        Conversation *conv =
            account->openConversation(co.value(QLatin1String("peerId")).toString(),
                                      co.value(QLatin1String("peerName")).toString(),
                                      account->room(co.value(QLatin1String("room")).toString()));
        if (!conv)
            continue;
        conv->setUnreadCount(co.value(QLatin1String("unread")).toInt());
        conv->timeline()->setLastReadId(co.value(QLatin1String("lastRead")).toString());
    }
}

bool AccountRegistry::save() const
{
    QJsonArray accounts;
    for (const Account *a : m_accounts) {
        const AccountConfig &c = a->config();
        QJsonArray rooms;
        for (const Room *r : a->rooms()) {
            rooms.append(QJsonObject{{QStringLiteral("name"), r->name()},
                                     {QStringLiteral("unread"), r->unreadCount()},
                                     {QStringLiteral("mentions"), r->mentionCount()},
                                     {QStringLiteral("lastRead"), r->timeline()->lastReadId()}});
        }
        QJsonArray conversations;
        for (const Conversation *conv : a->conversations()) {
            conversations.append(QJsonObject{
                {QStringLiteral("peerId"), conv->peerId()},
                {QStringLiteral("peerName"), conv->peerName()},
                {QStringLiteral("room"), conv->room() ? conv->room()->name() : QString()},
                {QStringLiteral("unread"), conv->unreadCount()},
                {QStringLiteral("lastRead"), conv->timeline()->lastReadId()}});
        }
        // never the token: the app keeps it in the keychain
        accounts.append(
            QJsonObject{{QStringLiteral("id"), c.id},
                        {QStringLiteral("host"), c.host},
                        {QStringLiteral("port"), int(c.port)},
                        {QStringLiteral("fallbacks"), QJsonArray::fromStringList(c.fallbacks)},
                        {QStringLiteral("tls"), c.useTls},
                        {QStringLiteral("userName"), c.userName},
                        {QStringLiteral("userId"), c.userId},
                        {QStringLiteral("displayName"), c.displayName},
                        {QStringLiteral("rooms"), rooms},
                        {QStringLiteral("conversations"), conversations}});
    }
    QSaveFile file(QDir(m_dataDir).filePath(fileName()));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(QJsonObject{{QStringLiteral("version"), 1},
                                         {QStringLiteral("accounts"), accounts}})
                   .toJson());
    return file.commit();
}

Account *AccountRegistry::account(const QString &id) const
{
    for (Account *a : m_accounts) {
        if (a->id() == id)
            return a;
    }
    return nullptr;
}

Account *AccountRegistry::accountAt(int index) const
{
    return index >= 0 && index < m_accounts.size() ? m_accounts.at(index) : nullptr;
}

Account *AccountRegistry::findAccount(const QString &host, quint16 port,
                                      const QString &userName) const
{
    if (host.contains(QLatin1Char(','))) { // several nodes: the account of the first
        AccountConfig nodes;
        if (!nodes.setAddresses(host, port))
            return nullptr;
        return findAccount(nodes.host, nodes.port, userName);
    }
    for (Account *a : m_accounts) {
        if ((host.isEmpty() || a->host() == host) && a->port() == port &&
            (userName.isEmpty() || a->userName() == userName))
            return a;
    }
    return nullptr;
}

Account *AccountRegistry::addAccount(AccountConfig config)
{
    if (!validId(config.id) || account(config.id))
        config.id = QUuid::createUuid().toString(QUuid::Id128).left(12);
    auto *a = new Account(config, cachePath(config.id), this);
    a->setSessionSettings(m_settings);
    connect(a, &Account::persistentStateChanged, this, &AccountRegistry::scheduleSave);
    m_accounts.append(a);
    emit accountAdded(a);
    emit accountsChanged();
    scheduleSave();
    return a;
}

Account *AccountRegistry::addServer(const QString &host, int port, bool useTls,
                                    const QString &displayName)
{
    AccountConfig c;
    c.host = host.trimmed();
    c.port = quint16(port > 0 && port < 65536 ? port : 8500);
    // "h1:p1,h2:p2": the nodes of a cluster, tried in turn (`port` for bare hosts).
    if (c.host.contains(QLatin1Char(',')) && !c.setAddresses(c.host, c.port))
        return nullptr;
    c.useTls = useTls;
    c.displayName = displayName;
    if (c.host.isEmpty())
        return nullptr;
    return addAccount(c);
}

void AccountRegistry::removeAccount(Account *account)
{
    if (!account || !m_accounts.contains(account))
        return;
    emit accountAboutToBeRemoved(account);
    m_accounts.removeOne(account);
    account->disconnectAll();
    account->deleteLater();
    emit accountsChanged();
    scheduleSave();
}

} // namespace talker::client
