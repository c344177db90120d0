#include "chatcontroller.h"

#include "appcontroller.h"

#include "client/conversation.h"
#include "client/room.h"
#include "client/timeline.h"
#include "models/messagemodel.h"

#include <QJSEngine>

namespace talker::app {

namespace {
ChatController *s_instance = nullptr;
}

ChatController::ChatController(AppController *app, QObject *parent)
    : QObject(parent)
    , m_app(app)
{
    connect(app, &AppController::currentChanged, this, &ChatController::onCurrentChanged);
    onCurrentChanged();
}

void ChatController::setInstance(ChatController *controller)
{
    s_instance = controller;
}

ChatController *ChatController::create(QQmlEngine *, QJSEngine *)
{
    Q_ASSERT(s_instance);
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

void ChatController::onCurrentChanged()
{
    cancelEdit();
    disconnect(m_typingConnection);
    if (client::Room *room = m_app->currentRoom())
        m_typingConnection =
            connect(room, &client::Room::typingChanged, this, &ChatController::typingChanged);
    emit typingChanged();
    emit canSendChanged();
}

QString ChatController::typingText() const
{
    client::Room *room = m_app->currentRoom();
    return room ? room->typingText() : QString();
}

bool ChatController::canSend() const
{
    if (m_app->currentRoom())
        return true;
    client::Conversation *conversation = m_app->currentConversation();
    return conversation && conversation->room();
}

bool ChatController::submit(const QString &text)
{
    if (text.trimmed().isEmpty())
        return false;
    client::Room *room = m_app->currentRoom();
    client::Conversation *conversation = m_app->currentConversation();
    if (!m_editingId.isEmpty()) {
        const QString id = m_editingId;
        const bool ok = room ? room->editMessage(id, text)
                             : (conversation && conversation->editMessage(id, text));
        if (ok)
            cancelEdit();
        return ok;
    }
    QString id;
    if (room) {
        id = room->sendMessage(text);
        room->setDraft(QString());
    } else if (conversation) {
        id = conversation->sendMessage(text);
    }
    return !id.isEmpty();
}

QString ChatController::textOf(const QString &messageId) const
{
    const int row = m_app->messages()->rowOf(messageId);
    if (row < 0)
        return QString();
    const QVariantMap message = m_app->messages()->get(row);
    if (!message.value(QStringLiteral("isOwn")).toBool())
        return QString();
    const QString text = message.value(QStringLiteral("text")).toString();
    return message.value(QStringLiteral("isAction")).toBool() ? QStringLiteral("/me ") + text
                                                              : text;
}

QString ChatController::editLast()
{
    client::Room *room = m_app->currentRoom();
    client::Conversation *conversation = m_app->currentConversation();
    const QString id = room ? room->lastOwnMessageId()
                            : (conversation ? conversation->lastOwnMessageId() : QString());
    return id.isEmpty() ? QString() : startEdit(id);
}

QString ChatController::startEdit(const QString &messageId)
{
    const QString text = textOf(messageId);
    if (text.isEmpty())
        return QString();
    m_editingId = messageId;
    emit editingChanged();
    return text;
}

void ChatController::cancelEdit()
{
    if (m_editingId.isEmpty())
        return;
    m_editingId.clear();
    emit editingChanged();
}

bool ChatController::retract(const QString &messageId)
{
    if (messageId == m_editingId)
        cancelEdit();
    if (client::Room *room = m_app->currentRoom())
        return room->retractMessage(messageId);
    if (client::Conversation *conversation = m_app->currentConversation())
        return conversation->retractMessage(messageId);
    return false;
}

bool ChatController::retry(const QString &messageId)
{
    if (client::Room *room = m_app->currentRoom())
        return room->retry(messageId);
    if (client::Conversation *conversation = m_app->currentConversation())
        return conversation->retry(messageId);
    return false;
}

void ChatController::setDraft(const QString &text)
{
    if (!m_editingId.isEmpty())
        return; // an edit is not a new message being typed
    if (client::Room *room = m_app->currentRoom())
        room->setDraft(text);
}

} // namespace talker::app
