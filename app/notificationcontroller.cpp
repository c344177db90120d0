// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "notificationcontroller.h"

#include "chatmanager.h"
#include "controller.h"
#include "markdownhtml.h"
#include "notifier.h"

#include "client/account.h"
#include "client/accountregistry.h"
#include "client/chat.h"
#include "client/message.h"

namespace talker::app {

namespace {
/// The body as plain text: what the sender meant, without markdown marks, on one line.
QString preview(const client::Message &message)
{
    const QString plain = markdown::toPlainText(message.text);
    QString text = message.isAction ? message.authorName + QLatin1Char(' ') + plain : plain;
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (text.size() > 200)
        text = text.left(199) + QChar(0x2026);
    return text;
}
} // namespace

NotificationController::NotificationController(Controller *app, Notifier *notifier, QObject *parent)
    : QObject(parent)
    , m_app(app)
    , m_notifier(notifier)
{
    const auto accounts = app->registry()->accounts();
    for (client::Account *account : accounts)
        watchAccount(account);
    connect(app->registry(), &client::AccountRegistry::accountAdded, this,
            &NotificationController::watchAccount);
    connect(notifier, &Notifier::activated, this, [this](const QString &key) {
        m_app->chats()->selectKey(key);
        emit m_app->raiseRequested();
    });
    // Opening a chat makes its notification stale.
    auto withdrawOpen = [this] {
        if (m_app->chats()->windowActive())
            m_notifier->withdraw(m_app->chats()->currentKey());
    };
    connect(app->chats(), &ChatManager::currentChanged, this, withdrawOpen);
    connect(app->chats(), &ChatManager::windowActiveChanged, this, withdrawOpen);
}

void NotificationController::watchAccount(client::Account *account)
{
    connect(account, &client::Account::messageArrived, this, &NotificationController::onMessage);
}

bool NotificationController::shouldNotify(const client::Chat *chat,
                                          const client::Message &message) const
{
    if (!chat || message.isOwn || message.deleted)
        return false;
    const QString key = chat->key();
    if (m_app->chats()->windowActive() && m_app->chats()->currentKey() == key)
        return false;
    switch (m_app->settings()->notifyLevel(key, chat->isPrivate())) {
    case AppSettings::None:
        return false;
    case AppSettings::All:
        return true;
    case AppSettings::Mentions:
        break;
    }
    return chat->isPrivate() || message.isPrivate || message.isMention;
}

void NotificationController::onMessage(client::Chat *chat, const client::Message &message)
{
    if (!shouldNotify(chat, message))
        return;
    QString title;
    if (chat->isPrivate())
        title = tr("%1 (private)").arg(message.authorName);
    else if (message.isMention)
        title = tr("%1 mentioned you in %2").arg(message.authorName, chat->title());
    else
        title = tr("%1 in %2").arg(message.authorName, chat->title());
    m_notifier->show(chat->key(), title, preview(message));
}

} // namespace talker::app
