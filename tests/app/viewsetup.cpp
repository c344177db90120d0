// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "viewsetup.h"

#include "accountscontroller.h"
#include "chatcontroller.h"
#include "chatmanager.h"
#include "connector.h"
#include "controller.h"
#include "invitecontroller.h"
#include "localsharecontroller.h"
#include "tokenstore.h"
#include "traycontroller.h"

#include <QIcon>
#include <QQmlContext>
#include <QQmlEngine>

using namespace talker::app;

ViewSetup::ViewSetup()
{
    // Never touch the real keychain of whoever runs the tests: tokens go to the
    // profile's fallback file.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/talker-test-bus");
}

ViewSetup::~ViewSetup() = default;

void ViewSetup::applicationAvailable()
{
    m_serverWithBob = std::make_unique<ServerWithBob>();
    if (!m_serverWithBob->start())
        qFatal("cannot start talker-server for the view tests");
    m_tokens = std::make_unique<TokenStore>(m_profile.path(), QStringLiteral("TalkerViewTest"));
    m_tokens->setKeychainTimeout(3000);
    m_app = std::make_unique<Controller>(m_profile.path(), m_tokens.get());
    m_chat = std::make_unique<ChatController>(m_app->chats());
    m_tray = std::make_unique<TrayController>(QIcon());
    m_invites = std::make_unique<InviteController>(m_app.get());
    m_localShare = std::make_unique<LocalShareController>(m_app.get());
    InviteController::setInstance(m_invites.get());
    LocalShareController::setInstance(m_localShare.get());
    m_accounts = std::make_unique<AccountsController>(m_app.get());
    AccountsController::setInstance(m_accounts.get());
    Controller::setInstance(m_app.get());
    ChatController::setInstance(m_chat.get());
    TrayController::setInstance(m_tray.get());
    // The views count as seen only while the test says the window is active.
    m_app->chats()->setWindowActive(true);
}

void ViewSetup::qmlEngineAvailable(QQmlEngine *engine)
{
    engine->addImportPath(QStringLiteral("qrc:/"));
    engine->rootContext()->setContextProperty(QStringLiteral("serverWithBob"),
                                              m_serverWithBob.get());
}

void ViewSetup::cleanupTestCase()
{
    Controller::setInstance(nullptr);
    m_accounts.reset();
    m_localShare.reset();
    m_invites.reset();
    m_chat.reset();
    m_app.reset();
    m_serverWithBob.reset();
}
