// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountscontroller.h"

#include "connector.h"
#include "controller.h"
#include "tokenstore.h"

#include "client/account.h"
#include "client/accountregistry.h"
#include "client/room.h"
#include "client/session.h"
#include "security/certificatetrust.h"

#include <QFile>
#include <QJSEngine>

namespace talker::app {

namespace {
AccountsController *s_instance = nullptr;
}

AccountsController::AccountsController(Controller *app, QObject *parent)
    : QObject(parent)
    , m_app(app)
{}

AccountsController::~AccountsController()
{
    delete m_check;
}

void AccountsController::setInstance(AccountsController *controller)
{
    s_instance = controller;
}

AccountsController *AccountsController::create(QQmlEngine *, QJSEngine *)
{
    Q_ASSERT(s_instance);
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

bool AccountsController::checkingToken() const
{
    return m_check != nullptr;
}

QString AccountsController::fingerprint(client::Account *account) const
{
    return account ? m_app->connector()->certificateTrust()->pinnedFingerprint(account->id())
                   : QString();
}

void AccountsController::changeToken(client::Account *account, const QString &token)
{
    if (!account || m_check)
        return;
    const QString t = token.trimmed();
    if (t.isEmpty()) {
        m_tokenError = tr("Enter the new token.");
        emit tokenCheckChanged();
        return;
    }
    const QStringList rooms = account->roomNames();
    // The check joins a room the account is in anyway (or the default one).
    m_check = new client::Session(account->config(),
                                  rooms.isEmpty() ? QStringLiteral("Lobby") : rooms.first());
    m_check->setSslConfigurator(
        m_app->connector()->certificateTrust()->configuratorFor(account->id()));
    m_check->setToken(t);
    m_checkAccount = account;
    m_checkToken = t;
    m_tokenError.clear();
    connect(m_check, &client::Session::connected, this, [this] { finishCheck(QString()); });
    connect(m_check, &client::Session::statusChanged, this, [this] {
        if (m_check && m_check->authenticationFailed())
            finishCheck(tr("Authentication failed"));
    });
    connect(m_check, &client::Session::disconnected, this, [this] {
        if (m_check && !m_check->isConnected())
            finishCheck(m_check->lastError().isEmpty() ? tr("The server closed the connection")
                                                       : m_check->lastError());
    });
    m_check->open();
    emit tokenCheckChanged();
}

void AccountsController::finishCheck(const QString &error)
{
    if (!m_check)
        return;
    client::Session *check = m_check;
    m_check = nullptr;
    check->disconnect(this);
    check->close();
    check->deleteLater();
    m_tokenError = error;
    if (error.isEmpty() && m_checkAccount) {
        m_app->connector()->applyToken(m_checkAccount, m_checkToken, true);
        m_checkAccount->retryNow();
        emit tokenChanged(m_checkAccount);
    }
    m_checkToken.clear();
    emit tokenCheckChanged();
}

bool AccountsController::forgetCertificate(client::Account *account)
{
    return account && m_app->connector()->certificateTrust()->forget(account->id());
}

void AccountsController::removeAccount(client::Account *account)
{
    client::AccountRegistry *registry = m_app->registry();
    if (!account || !registry->accounts().contains(account))
        return;
    const QString id = account->id();
    const QString cache = registry->cachePath(id);
    const QStringList rooms = account->roomNames();
    for (const QString &room : rooms)
        account->leaveRoom(room);
    m_app->connector()->certificateTrust()->forget(id);
    m_app->settings()->forgetAccount(id);
    // The cache (with the outbox) can go once the account has closed it.
    connect(account, &QObject::destroyed, this, [this, id, cache] {
        for (const char *suffix : {"", "-wal", "-shm", "-journal"})
            QFile::remove(cache + QLatin1String(suffix));
        if (TokenStore *tokens = m_app->connector()->tokenStore()) {
            tokens->remove(id).then(this,
                                    [this, id](const TokenResult &) { emit accountRemoved(id); });
        } else {
            emit accountRemoved(id);
        }
    });
    registry->removeAccount(account);
}

} // namespace talker::app
