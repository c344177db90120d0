#include "notificationcontroller.h"

#include "appcontroller.h"
#include "markdownhtml.h"
#include "notifier.h"

#include "client/account.h"
#include "client/accountregistry.h"
#include "client/conversation.h"
#include "client/message.h"
#include "client/room.h"

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

NotificationController::NotificationController(AppController *app, Notifier *notifier,
                                               QObject *parent)
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
        m_app->selectKey(key);
        emit m_app->raiseRequested();
    });
    // Opening a chat makes its notification stale.
    connect(app, &AppController::currentChanged, this, [this] {
        if (m_app->windowActive())
            m_notifier->withdraw(m_app->currentKey());
    });
    connect(app, &AppController::windowActiveChanged, this, [this] {
        if (m_app->windowActive())
            m_notifier->withdraw(m_app->currentKey());
    });
}

void NotificationController::watchAccount(client::Account *account)
{
    connect(account, &client::Account::messageArrived, this, &NotificationController::onMessage);
}

bool NotificationController::shouldNotify(const client::Room *room,
                                          const client::Conversation *conversation,
                                          const client::Message &message) const
{
    if (message.isOwn || message.deleted)
        return false;
    const QString key =
        conversation ? AppController::conversationKey(conversation) : AppController::roomKey(room);
    if (key.isEmpty())
        return false;
    if (m_app->windowActive() && m_app->currentKey() == key)
        return false;
    switch (m_app->settings()->notifyLevel(key, conversation != nullptr)) {
    case AppSettings::None:
        return false;
    case AppSettings::All:
        return true;
    case AppSettings::Mentions:
        break;
    }
    return conversation != nullptr || message.isPrivate || message.isMention;
}

void NotificationController::onMessage(client::Room *room, client::Conversation *conversation,
                                       const client::Message &message)
{
    if (!shouldNotify(room, conversation, message))
        return;
    QString key;
    QString title;
    if (conversation) {
        key = AppController::conversationKey(conversation);
        title = tr("%1 (private)").arg(message.authorName);
    } else {
        key = AppController::roomKey(room);
        title = message.isMention
                    ? tr("%1 mentioned you in %2").arg(message.authorName, room->name())
                    : tr("%1 in %2").arg(message.authorName, room->name());
    }
    m_notifier->show(key, title, preview(message));
}

} // namespace talker::app
