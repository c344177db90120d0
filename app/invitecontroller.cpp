// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "invitecontroller.h"

#include "chatmanager.h"
#include "connector.h"
#include "controller.h"

#include "client/account.h"
#include "client/accountregistry.h"
#include "client/inviteredemption.h"
#include "protocol/username.h"

#include <QHostAddress>
#include <QJSEngine>

namespace talker::app {

namespace {
InviteController *s_instance = nullptr;

QString systemUserName()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    return name == QLatin1String("root") ? QString() : name;
}
} // namespace

InviteController::InviteController(Controller *app, QObject *parent)
    : QObject(parent)
    , m_app(app)
{}

InviteController::~InviteController() = default;

void InviteController::setInstance(InviteController *controller)
{
    s_instance = controller;
}

InviteController *InviteController::create(QQmlEngine *, QJSEngine *)
{
    Q_ASSERT(s_instance);
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

bool InviteController::busy() const
{
    return !m_redemption.isNull();
}

bool InviteController::useTlsFor(const QString &host)
{
    // Certificates name host names; a link with a bare address comes from a machine on
    // the LAN (the embedded server shares its room that way, without TLS).
    return QHostAddress(host).isNull() && !TalkerLink::isLoopbackHost(host);
}

QString InviteController::nameFor(const QString &host, quint16 port) const
{
    const auto accounts = m_app->registry()->accounts();
    for (const client::Account *account : accounts) {
        if (account->host() == host && account->port() == port && !account->userName().isEmpty())
            return account->userName();
    }
    return systemUserName();
}

bool InviteController::offer(const QString &text)
{
    const TalkerLink link = TalkerLink::parse(text);
    if (!link.isValid() || !link.isInvite())
        return false;
    if (m_redemption)
        m_redemption->deleteLater();
    m_link = link;
    m_suggestedName = nameFor(link.host, link.port);
    m_error.clear();
    m_used = false;
    emit changed();
    emit m_app->raiseRequested();
    return true;
}

void InviteController::cancel()
{
    if (m_redemption)
        m_redemption->deleteLater();
    m_link = TalkerLink();
    m_error.clear();
    m_used = false;
    emit changed();
}

void InviteController::join(const QString &rawName)
{
    if (!pending() || m_redemption)
        return;
    const QString name = protocol::normalizeUserName(rawName.trimmed());
    const protocol::NameProblem problem = protocol::checkUserName(name);
    if (problem != protocol::NameProblem::None) {
        m_error = tr("Choose another name: %1.").arg(protocol::nameProblemText(problem));
        emit changed();
        return;
    }
    client::AccountConfig config;
    config.host = m_link.host;
    config.port = m_link.port;
    config.useTls = useTlsFor(m_link.host);
    config.fallbacks = m_link.fallbacks;
    config.userName = name;
    m_joiningName = name;
    m_redemption = new client::InviteRedemption(config, this);
    connect(m_redemption, &client::InviteRedemption::finished, this,
            [this](client::InviteRedemption::Outcome outcome, const protocol::User &user,
                   const QString &token, const QString &error) {
                finishJoin(int(outcome), user.id, user.name, token, error);
            });
    m_redemption->start(m_link.invite, name);
    m_error.clear();
    emit changed();
}

void InviteController::finishJoin(int outcome, const QString &userId, const QString &userName,
                                  const QString &token, const QString &error)
{
    using Outcome = client::InviteRedemption::Outcome;
    if (m_redemption)
        m_redemption->deleteLater();
    m_redemption = nullptr;
    switch (Outcome(outcome)) {
    case Outcome::Registered: {
        client::AccountRegistry *registry = m_app->registry();
        client::Account *account = registry->findAccount(m_link.host, m_link.port, userName);
        if (!account) {
            client::AccountConfig config;
            config.host = m_link.host;
            config.port = m_link.port;
            config.useTls = useTlsFor(m_link.host);
            config.fallbacks = m_link.fallbacks;
            config.userName = userName;
            config.userId = userId;
            account = registry->addAccount(config);
        }
        m_app->connector()->applyToken(account, token, true);
        const QString room = m_link.room;
        m_app->chats()->selectRoom(account->joinRoom(room));
        m_link = TalkerLink();
        emit changed();
        emit joined(room);
        return;
    }
    case Outcome::InvalidInvite:
        m_used = true;
        m_error = tr("This invite was already used, has expired or was revoked. Ask for a new "
                     "one, or connect with a token.");
        break;
    case Outcome::NameTaken:
        m_error = tr("Someone on %1 already uses the name %2. Choose another one.")
                      .arg(m_link.host, m_joiningName);
        break;
    case Outcome::InvalidName:
        m_error = tr("The server refuses the name %1. Choose another one.").arg(m_joiningName);
        break;
    case Outcome::Failed:
        m_error = tr("Cannot reach %1:%2: %3").arg(m_link.host).arg(m_link.port).arg(error);
        break;
    }
    emit changed();
}

} // namespace talker::app
