// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appsettings.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>
#include <functional>

class QQmlEngine;
class QJSEngine;

namespace talker::client {
class AccountRegistry;
}
namespace talker::models {
class ConversationModel;
class RoomListModel;
} // namespace talker::models

namespace talker::app {

class ChatManager;
class Connector;
class TokenStore;

/// The app's top level: the settings, the accounts and the sidebar models, the
/// open chat (ChatManager), connecting (Connector), and the one-time notice banner.
/// The views bind to it as the `App` singleton.
class Controller : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(App)
    QML_SINGLETON
    Q_MOC_INCLUDE("client/accountregistry.h")
    Q_MOC_INCLUDE("models/roomlistmodel.h")
    Q_MOC_INCLUDE("models/conversationmodel.h")
    Q_MOC_INCLUDE("chatmanager.h")
    Q_MOC_INCLUDE("connector.h")
    Q_PROPERTY(talker::app::AppSettings *settings READ settings CONSTANT)
    Q_PROPERTY(talker::client::AccountRegistry *registry READ registry CONSTANT)
    Q_PROPERTY(talker::models::RoomListModel *rooms READ rooms CONSTANT)
    Q_PROPERTY(talker::models::ConversationModel *conversations READ conversations CONSTANT)
    Q_PROPERTY(talker::app::ChatManager *chats READ chats CONSTANT)
    Q_PROPERTY(talker::app::Connector *connector READ connector CONSTANT)
    Q_PROPERTY(bool hasAccounts READ hasAccounts NOTIFY accountsChanged)
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
    /// The label of the notice's action button ("Try again"); empty when it has none.
    Q_PROPERTY(QString noticeAction READ noticeAction NOTIFY noticeChanged)
    Q_PROPERTY(QString version READ version CONSTANT)

public:
    Controller(const QString &profileDir, TokenStore *tokens, QObject *parent = nullptr);
    ~Controller() override;

    /// The instance QML gets as the `App` singleton (set by the app or a test).
    static void setInstance(Controller *controller);
    static Controller *instance();
    static Controller *create(QQmlEngine *, QJSEngine *);

    AppSettings *settings() const { return m_settings; }
    client::AccountRegistry *registry() const { return m_registry; }
    models::RoomListModel *rooms() const { return m_rooms; }
    models::ConversationModel *conversations() const { return m_conversations; }
    ChatManager *chats() const { return m_chats; }
    Connector *connector() const { return m_connector; }

    bool hasAccounts() const;
    QString notice() const { return m_notice; }
    QString noticeAction() const { return m_noticeAction; }
    QString version() const;

    /// Shows a one-time message to the user (banner in the window).
    void setNotice(const QString &text);
    Q_INVOKABLE void clearNotice();
    /// The notice's action button was pressed: runs it (e.g. asks the keychain again)
    /// and takes the notice down.
    Q_INVOKABLE void triggerNoticeAction();
    /// Takes the notice down if it is still `text` (a state that has ended).
    void withdrawNotice(const QString &text);

signals:
    void accountsChanged();
    void noticeChanged();
    /// The window should come to the front (notification click, link, second start).
    void raiseRequested();

private:
    /// A notice with a button that runs `action`.
    void setActionNotice(const QString &text, const QString &label, std::function<void()> action);
    void takeDownNotice();

    AppSettings *m_settings;
    client::AccountRegistry *m_registry;
    models::RoomListModel *m_rooms;
    models::ConversationModel *m_conversations;
    ChatManager *m_chats;
    Connector *m_connector;
    QString m_notice;
    QString m_noticeAction;
    std::function<void()> m_runNoticeAction;
};

} // namespace talker::app
