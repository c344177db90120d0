// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connector.h"

#include "appsettings.h"
#include "chatmanager.h"
#include "connectinput.h"
#include "localserverhost.h"
#include "talkerlink.h"
#include "tokenstore.h"

#include "client/account.h"
#include "client/accountregistry.h"
#include "client/room.h"
#include "security/certificatetrust.h"

#include <QDir>
#include <QPointer>
#include <utility>

namespace talker::app {

namespace {
const QLatin1String kLocalAccount("localAccountId");
const QLatin1String kLocalPort("localServerPort");
const QLatin1String kLocalOpen("localServerOpen");
const QLatin1String kKeychainNotice("keychainNoticeShown");
} // namespace

Connector::Connector(const QString &profileDir, AppSettings *settings, TokenStore *tokens,
                     client::AccountRegistry *registry, ChatManager *chats, QObject *parent)
    : QObject(parent)
    , m_profileDir(profileDir)
    , m_settings(settings)
    , m_tokens(tokens)
    , m_registry(registry)
    , m_chats(chats)
    , m_trust(new security::CertificateTrust(
          QDir(profileDir).filePath(QStringLiteral("certificate-pins.json")), this))
{
    watchTrust();
    const auto accounts = m_registry->accounts();
    for (client::Account *account : accounts)
        secureAccount(account);
    connect(m_registry, &client::AccountRegistry::accountAdded, this, &Connector::secureAccount);
    if (m_tokens) {
        connect(m_tokens, &TokenStore::fallbackActivated, this, [this] {
            if (m_settings->value(kKeychainNotice).toBool())
                return;
            m_settings->setValue(kKeychainNotice, true);
            emit notice(tr("No keychain is available, so your token is kept in a file only you "
                           "can read (%1). It moves into the keychain when one is available.")
                            .arg(m_tokens->fallbackPath()));
        });
        watchKeychain();
    }
}

void Connector::watchKeychain()
{
    // A keychain waiting for its unlock prompt (or stuck) holds back the account's
    // token, so the account does not connect: say why, until the keychain answers.
    // An error it then gives comes as a notice of its own, after this one is gone.
    connect(m_tokens, &TokenStore::keychainSlow, this, [this] { emit notice(keychainWaitText()); });
    connect(m_tokens, &TokenStore::keychainAnswered, this,
            [this] { emit noticeWithdrawn(keychainWaitText()); });
}

QString Connector::keychainWaitText()
{
    return tr(
        "Waiting for the system keychain, which holds your account tokens — unlock it if it asks.");
}

Connector::~Connector() = default;

void Connector::watchTrust()
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
                emit notice(tr("Refused %1:%2: it presents another certificate (%3) than the one "
                               "you trusted (%4). If the server's certificate was changed on "
                               "purpose, remove and add the account again.")
                                .arg(host)
                                .arg(port)
                                .arg(presented, pinned));
            });
}

void Connector::secureAccount(client::Account *account)
{
    // Every TLS connection of the account is checked (and pinned) by CertificateTrust.
    auto secure = [this, account](client::Room *room) {
        room->session()->setSslConfigurator(m_trust->configuratorFor(account->id()));
    };
    const auto rooms = account->rooms();
    for (client::Room *room : rooms)
        secure(room);
    connect(account, &client::Account::roomAdded, this, secure);
}

bool Connector::hostingLocal() const
{
    return m_local && m_local->isRunning();
}

void Connector::trustCertificate()
{
    const QString accountId = m_certificatePrompt.value(QStringLiteral("accountId")).toString();
    const QString fingerprint = m_certificatePrompt.value(QStringLiteral("fingerprint")).toString();
    m_certificatePrompt.clear();
    emit certificatePromptChanged();
    if (!m_trust->trust(accountId, fingerprint)) {
        emit notice(tr("Cannot save the trusted certificate: %1").arg(m_trust->lastError()));
        return;
    }
    if (client::Account *account = m_registry->account(accountId))
        account->retryNow();
}

void Connector::dismissCertificate()
{
    const QString accountId = m_certificatePrompt.value(QStringLiteral("accountId")).toString();
    m_certificatePrompt.clear();
    emit certificatePromptChanged();
    // "Don't connect" sticks: no retry (hence no new prompt) until the user reconnects
    // by hand (Retry now, or a link to the account), which asks again.
    if (client::Account *account = m_registry->account(accountId))
        account->disconnectAll();
}

void Connector::applyToken(client::Account *account, const QString &token, bool store)
{
    if (!account || token.isEmpty())
        return;
    if (store && m_tokens)
        storeToken(account, token);
    account->setToken(token);
}

void Connector::storeToken(client::Account *account, const QString &token)
{
    const QString id = account->id();
    m_unsavedTokens.remove(id);
    m_tokens->write(id, token).then(this, [this, id](const TokenResult &result) {
        if (result.ok)
            return;
        if (!result.keychainFailed) {
            emit notice(result.error);
            return;
        }
        m_unsavedTokens.insert(id);
        emit keychainFailed(result.error);
    });
}

void Connector::restoreSessions()
{
    const QString localId = m_settings->value(kLocalAccount).toString();
    const auto accounts = m_registry->accounts();
    for (client::Account *account : accounts) {
        if (account->id() == localId) {
            hostLocalRoom();
            continue;
        }
        if (account->hasToken() || !m_tokens)
            continue;
        readToken(account);
    }
    if (m_tokens)
        m_tokens->migrateFallback();
}

void Connector::readToken(client::Account *account)
{
    QPointer<client::Account> guard(account);
    m_unreadTokens.remove(account->id());
    m_tokens->read(account->id()).then(this, [this, guard](const TokenResult &result) {
        if (!guard || guard->hasToken())
            return;
        if (result.ok) {
            guard->setToken(result.token);
            return;
        }
        const QString text = tr("No token for %1: %2").arg(guard->label(), result.error);
        if (!result.keychainFailed) {
            emit notice(text);
            return;
        }
        m_unreadTokens.insert(guard->id());
        emit keychainFailed(text);
    });
}

void Connector::retryKeychain()
{
    if (!m_tokens)
        return;
    const QSet<QString> unread = std::exchange(m_unreadTokens, {});
    for (const QString &id : unread) {
        client::Account *account = m_registry->account(id);
        if (account && !account->hasToken())
            readToken(account);
    }
    const QSet<QString> unsaved = std::exchange(m_unsavedTokens, {});
    for (const QString &id : unsaved) {
        client::Account *account = m_registry->account(id);
        if (account && account->hasToken())
            storeToken(account, account->token());
    }
}

bool Connector::defaultTlsFor(const QString &host) const
{
    return !host.trimmed().isEmpty() && !TalkerLink::isLoopbackHost(host.trimmed());
}

void Connector::connectToServer(const QString &host, int port, bool useTls, const QString &token,
                                const QString &room)
{
    const QString h = host.trimmed();
    const QString r = room.trimmed();
    const QString t = token.trimmed();
    // Junk never becomes an account: the form shows these inline, this is the guard.
    QString problem = connectinput::hostError(host);
    if (problem.isEmpty())
        problem = connectinput::portError(port);
    if (problem.isEmpty())
        problem = connectinput::roomError(room);
    if (problem.isEmpty() && t.isEmpty())
        problem = tr("Enter your token.");
    if (!problem.isEmpty()) {
        emit notice(problem);
        return;
    }
    client::Account *account = m_registry->findAccount(h, quint16(port));
    if (!account) {
        account = m_registry->addServer(h, port, useTls);
    } else if (account->useTls() != useTls) {
        client::AccountConfig config = account->config();
        config.useTls = useTls;
        account->setConfig(config);
    }
    applyToken(account, t, true);
    m_chats->selectRoom(account->joinRoom(r));
}

bool Connector::hostLocalRoom()
{
    if (!m_local)
        m_local = new LocalServerHost(m_profileDir, this);
    if (!m_local->isRunning()) {
        const quint16 preferred = quint16(m_settings->value(kLocalPort).toInt(0));
        if (!m_local->start(preferred, m_settings->value(kLocalOpen).toBool())) {
            emit notice(m_local->errorString());
            return false;
        }
        m_settings->setValue(kLocalPort, int(m_local->port()));
        emit hostingLocalChanged();
    }
    client::Account *account = m_registry->account(m_settings->value(kLocalAccount).toString());
    if (account && account->port() != m_local->port()) {
        client::AccountConfig config = account->config();
        config.port = m_local->port();
        account->setConfig(config);
    }
    if (!account) {
        account = m_registry->addServer(QStringLiteral("127.0.0.1"), m_local->port(), false,
                                        tr("This computer"));
        m_settings->setValue(kLocalAccount, account->id());
    }
    applyToken(account, m_local->token(), false);
    client::Room *room = account->joinRoom(LocalServerHost::demoRoom());
    if (!m_chats->currentChat())
        m_chats->selectRoom(room);
    return true;
}

void Connector::setLocalOpenToNetwork(bool open)
{
    m_settings->setValue(kLocalOpen, open);
    if (!m_local || !m_local->isRunning() || m_local->isOpenToNetwork() == open)
        return;
    m_local->stop();
    hostLocalRoom();
    emit hostingLocalChanged();
}

bool Connector::openLink(const QString &text)
{
    const TalkerLink link = TalkerLink::parse(text);
    if (!link.isValid()) {
        emit notice(link.error);
        return false;
    }
    client::Account *account = m_registry->findAccount(link.host, link.port);
    if (!account) {
        emit notice(tr("To open %1, first connect to %2:%3 with your token.")
                        .arg(link.toString(), link.host)
                        .arg(link.port));
        return false;
    }
    m_chats->selectRoom(account->joinRoom(link.room));
    emit raiseRequested();
    return true;
}

} // namespace talker::app
