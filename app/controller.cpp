// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "controller.h"

#include "chatmanager.h"
#include "connector.h"

#include "client/accountregistry.h"
#include "models/conversationmodel.h"
#include "models/roomlistmodel.h"

#include <QJSEngine>
#include <QQmlEngine>
#include <utility>

namespace talker::app {

namespace {
Controller *s_instance = nullptr;
}

Controller::Controller(const QString &profileDir, TokenStore *tokens, QObject *parent)
    : QObject(parent)
    , m_settings(new AppSettings(profileDir, this))
    , m_registry(new client::AccountRegistry(profileDir, this))
    , m_rooms(new models::RoomListModel(this))
    , m_conversations(new models::ConversationModel(this))
    , m_chats(new ChatManager(m_settings, m_registry, m_rooms, m_conversations, this))
    , m_connector(new Connector(profileDir, m_settings, tokens, m_registry, m_chats, this))
{
    connect(m_connector, &Connector::notice, this, &Controller::setNotice);
    connect(m_connector, &Connector::noticeWithdrawn, this, &Controller::withdrawNotice);
    connect(m_connector, &Connector::keychainFailed, this, [this](const QString &text) {
        setActionNotice(text, tr("Try again"),
                        [connector = m_connector] { connector->retryKeychain(); });
    });
    connect(m_connector, &Connector::raiseRequested, this, &Controller::raiseRequested);
    if (!m_registry->load() || !m_registry->loadError().isEmpty())
        setNotice(m_registry->loadError());
    m_registry->setAutoSave(true);
    if (!m_settings->notice().isEmpty())
        setNotice(m_settings->notice());
    m_rooms->setRegistry(m_registry);
    m_conversations->setRegistry(m_registry);
    connect(m_registry, &client::AccountRegistry::accountsChanged, this,
            &Controller::accountsChanged);
    m_chats->restoreLast();
}

Controller::~Controller()
{
    if (s_instance == this)
        s_instance = nullptr;
    delete m_chats; // its models let go of the timelines before the accounts go
    m_chats = nullptr;
    m_registry->save();
}

void Controller::setInstance(Controller *controller)
{
    s_instance = controller;
}

Controller *Controller::instance()
{
    return s_instance;
}

Controller *Controller::create(QQmlEngine *, QJSEngine *)
{
    Q_ASSERT(s_instance);
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

QString Controller::version() const
{
    return QStringLiteral(TALKER_VERSION);
}

bool Controller::hasAccounts() const
{
    return m_registry->count() > 0;
}

void Controller::setNotice(const QString &text)
{
    setActionNotice(text, {}, {});
}

void Controller::setActionNotice(const QString &text, const QString &label,
                                 std::function<void()> action)
{
    if (text.isEmpty() || (text == m_notice && label == m_noticeAction))
        return;
    m_notice = text;
    m_noticeAction = label;
    m_runNoticeAction = std::move(action);
    emit noticeChanged();
}

void Controller::clearNotice()
{
    m_settings->clearNotice();
    takeDownNotice();
}

void Controller::triggerNoticeAction()
{
    // Taken down first: what the action runs may put up a notice of its own (the
    // keychain's "waiting", or its error again).
    const std::function<void()> action = std::exchange(m_runNoticeAction, nullptr);
    takeDownNotice();
    if (action)
        action();
}

void Controller::withdrawNotice(const QString &text)
{
    if (!text.isEmpty() && text == m_notice)
        takeDownNotice();
}

void Controller::takeDownNotice()
{
    m_runNoticeAction = nullptr;
    if (m_notice.isEmpty())
        return;
    m_notice.clear();
    m_noticeAction.clear();
    emit noticeChanged();
}

} // namespace talker::app
