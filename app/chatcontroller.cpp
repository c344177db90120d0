// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "chatcontroller.h"

#include "chatmanager.h"

#include "client/chat.h"
#include "models/messagemodel.h"

#include <QJSEngine>

namespace talker::app {

namespace {
ChatController *s_instance = nullptr;
}

ChatController::ChatController(ChatManager *chats, QObject *parent)
    : QObject(parent)
    , m_chats(chats)
{
    connect(chats, &ChatManager::currentChanged, this, &ChatController::onCurrentChanged);
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
    for (const QMetaObject::Connection &c : std::as_const(m_chatConnections))
        disconnect(c);
    m_chatConnections.clear();
    if (client::Chat *chat = m_chats->currentChat()) {
        m_chatConnections << connect(chat, &client::Chat::typingChanged, this,
                                     &ChatController::typingChanged)
                          << connect(chat, &client::Chat::sessionChanged, this,
                                     &ChatController::canSendChanged);
    }
    emit typingChanged();
    emit canSendChanged();
}

QString ChatController::typingText() const
{
    client::Chat *chat = m_chats->currentChat();
    return chat ? chat->typingText() : QString();
}

bool ChatController::canSend() const
{
    client::Chat *chat = m_chats->currentChat();
    return chat && chat->canSend();
}

bool ChatController::submit(const QString &text)
{
    client::Chat *chat = m_chats->currentChat();
    if (text.trimmed().isEmpty() || !chat)
        return false;
    if (!m_editingId.isEmpty()) {
        const bool ok = chat->editMessage(m_editingId, text);
        if (ok)
            cancelEdit();
        return ok;
    }
    const QString id = chat->sendMessage(text);
    chat->setDraft(QString());
    return !id.isEmpty();
}

QString ChatController::textOf(const QString &messageId) const
{
    const int row = m_chats->messages()->rowOf(messageId);
    if (row < 0)
        return QString();
    const QVariantMap message = m_chats->messages()->get(row);
    if (!message.value(QStringLiteral("isOwn")).toBool())
        return QString();
    const QString text = message.value(QStringLiteral("text")).toString();
    return message.value(QStringLiteral("isAction")).toBool() ? QStringLiteral("/me ") + text
                                                              : text;
}

QString ChatController::editLast()
{
    client::Chat *chat = m_chats->currentChat();
    const QString id = chat ? chat->lastOwnMessageId() : QString();
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
    client::Chat *chat = m_chats->currentChat();
    return chat && chat->retractMessage(messageId);
}

bool ChatController::retry(const QString &messageId)
{
    client::Chat *chat = m_chats->currentChat();
    return chat && chat->retry(messageId);
}

void ChatController::setDraft(const QString &text)
{
    if (!m_editingId.isEmpty())
        return; // an edit is not a new message being typed
    if (client::Chat *chat = m_chats->currentChat())
        chat->setDraft(text);
}

} // namespace talker::app
