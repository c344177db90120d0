// AppController, part two: connecting. Tokens (keychain), servers, the embedded
// local server, talker:// links and the certificate prompt.
#include "appcontroller.h"

#include "localserverhost.h"
#include "talkerlink.h"
#include "tokenstore.h"

#include "client/account.h"
#include "client/accountregistry.h"
#include "client/conversation.h"
#include "client/room.h"
#include "security/certificatetrust.h"

namespace talker::app {

namespace {
const QLatin1String kLocalAccount("localAccountId");
const QLatin1String kLocalPort("localServerPort");
} // namespace

void AppController::trustCertificate()
{
    const QString accountId = m_certificatePrompt.value(QStringLiteral("accountId")).toString();
    const QString fingerprint = m_certificatePrompt.value(QStringLiteral("fingerprint")).toString();
    m_certificatePrompt.clear();
    emit certificatePromptChanged();
    if (!m_trust->trust(accountId, fingerprint)) {
        setNotice(tr("Cannot save the trusted certificate: %1").arg(m_trust->lastError()));
        return;
    }
    if (client::Account *account = m_registry->account(accountId))
        account->retryNow();
}

void AppController::dismissCertificate()
{
    m_certificatePrompt.clear();
    emit certificatePromptChanged();
}

void AppController::applyToken(client::Account *account, const QString &token, bool store)
{
    if (!account || token.isEmpty())
        return;
    if (store && m_tokens) {
        m_tokens->write(account->id(), token).then(this, [this](const TokenResult &result) {
            if (!result.ok)
                setNotice(result.error);
        });
    }
    account->setToken(token);
}

void AppController::restoreSessions()
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
        QPointer<client::Account> guard(account);
        m_tokens->read(account->id()).then(this, [this, guard](const TokenResult &result) {
            if (!guard || guard->hasToken())
                return;
            if (result.ok)
                guard->setToken(result.token);
            else
                setNotice(tr("No token for %1: %2").arg(guard->label(), result.error));
        });
    }
    if (m_tokens)
        m_tokens->migrateFallback();
}

bool AppController::defaultTlsFor(const QString &host) const
{
    return !host.trimmed().isEmpty() && !TalkerLink::isLoopbackHost(host.trimmed());
}

void AppController::connectToServer(const QString &host, int port, bool useTls,
                                    const QString &token, const QString &room)
{
    const QString h = host.trimmed();
    const QString r = room.trimmed();
    const QString t = token.trimmed();
    if (h.isEmpty() || port <= 0 || port > 65535) {
        setNotice(tr("Enter the server's host name and a port between 1 and 65535."));
        return;
    }
    if (t.isEmpty() || r.isEmpty()) {
        setNotice(tr("Enter your token and the room to join."));
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
    selectRoom(account->joinRoom(r));
}

bool AppController::hostLocalRoom()
{
    if (!m_local)
        m_local = new LocalServerHost(m_profileDir, this);
    if (!m_local->isRunning()) {
        const quint16 preferred = quint16(m_settings->value(kLocalPort).toInt(0));
        if (!m_local->start(preferred)) {
            setNotice(m_local->errorString());
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
    if (!m_room && !m_conversation)
        selectRoom(room);
    return true;
}

bool AppController::openLink(const QString &text)
{
    const TalkerLink link = TalkerLink::parse(text);
    if (!link.isValid()) {
        setNotice(link.error);
        return false;
    }
    client::Account *account = m_registry->findAccount(link.host, link.port);
    if (!account) {
        setNotice(tr("To open %1, first connect to %2:%3 with your token.")
                      .arg(link.toString(), link.host)
                      .arg(link.port));
        return false;
    }
    selectRoom(account->joinRoom(link.room));
    emit raiseRequested();
    return true;
}

} // namespace talker::app
