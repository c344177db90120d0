// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the Qt Quick Tests of the views (tst_views, tst_chatux) set up: the real
// controllers over a fresh profile, registered as the QML singletons, and `peer`
// (bob, a real client) on a real talker-server. QT_QPA_PLATFORM=offscreen.
#include "serverwithbob.h"

#include <QObject>
#include <QTemporaryDir>
#include <memory>

class QQmlEngine;

namespace talker::app {
class AccountsController;
class ChatController;
class Controller;
class InviteController;
class LocalShareController;
class TokenStore;
class TrayController;
} // namespace talker::app

class ViewSetup : public QObject
{
    Q_OBJECT
public:
    ViewSetup();
    ~ViewSetup() override;

public slots:
    void applicationAvailable();
    void qmlEngineAvailable(QQmlEngine *engine);
    void cleanupTestCase();

private:
    QTemporaryDir m_profile;
    std::unique_ptr<ServerWithBob> m_serverWithBob;
    std::unique_ptr<talker::app::TokenStore> m_tokens;
    std::unique_ptr<talker::app::Controller> m_app;
    std::unique_ptr<talker::app::ChatController> m_chat;
    std::unique_ptr<talker::app::TrayController> m_tray;
    std::unique_ptr<talker::app::InviteController> m_invites;
    std::unique_ptr<talker::app::LocalShareController> m_localShare;
    std::unique_ptr<talker::app::AccountsController> m_accounts;
};
