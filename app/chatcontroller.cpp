// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "chatcontroller.h"

#include "chatmanager.h"
#include "sendcheck.h"

#include "client/chat.h"
#include "client/conversation.h"
#include "client/peerpresence.h"
#include "client/room.h"
#include "client/timeline.h"
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
    // Presence and connection decide sendBlocker().
    connect(chats, &ChatManager::connectionChanged, this, &ChatController::canSendChanged);
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
    cancelReply();
    setSendError(QString());
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
    const QString tooLong = sendcheck::sizeProblem(chat, text);
    if (!tooLong.isEmpty()) {
        setSendError(tooLong);
        return false;
    }
    if (!m_editingId.isEmpty()) {
        const bool ok = chat->editMessage(m_editingId, text);
        if (ok)
            cancelEdit();
        return ok;
    }
    if (const QString blocker = sendBlocker(); !blocker.isEmpty()) {
        setSendError(blocker);
        return false;
    }
    const QString id =
        m_replyingId.isEmpty() ? chat->sendMessage(text) : chat->reply(m_replyingId, text);
    if (!id.isEmpty())
        cancelReply();
    chat->setDraft(QString());
    setSendError(QString());
    return !id.isEmpty();
}

QString ChatController::sendBlocker() const
{
    client::Chat *chat = m_chats->currentChat();
    if (!chat)
        return QString();
    if (client::Conversation *conversation = m_chats->currentConversation()) {
        if (m_chats->peerPresence() == client::PeerPresence::Offline)
            return tr("%1 isn't in any room you share now, so a message can't reach them.")
                .arg(conversation->peerName());
        return QString();
    }
    // Only once an attempt failed: while the first one runs, a message may queue.
    const bool failed = chat->session() && !chat->session()->lastError().isEmpty();
    if (failed && !chat->isConnected() && !m_chats->everConnected(chat))
        return tr("#%1 has never connected (%2): nothing can be sent into it until it does.")
            .arg(chat->title(), chat->session()->lastError());
    return QString();
}

int ChatController::maxMessageBytes() const
{
    return int(sendcheck::kMaxBytes);
}

int ChatController::encodedSize(const QString &text) const
{
    return int(sendcheck::encodedSize(m_chats->currentChat(), text));
}

QString ChatController::sizeText(int bytes) const
{
    return sendcheck::sizeText(bytes);
}

void ChatController::setSendError(const QString &error)
{
    if (error == m_sendError)
        return;
    m_sendError = error;
    emit sendErrorChanged();
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

void ChatController::startReply(const QString &messageId)
{
    client::Chat *chat = m_chats->currentChat();
    if (!chat || messageId.isEmpty() || chat->timeline()->indexOf(messageId) < 0)
        return;
    cancelEdit();
    m_replyingId = messageId;
    emit replyingChanged();
}

void ChatController::cancelReply()
{
    if (m_replyingId.isEmpty())
        return;
    m_replyingId.clear();
    emit replyingChanged();
}

QString ChatController::replyingText() const
{
    client::Chat *chat = m_chats->currentChat();
    if (!chat || m_replyingId.isEmpty())
        return QString();
    const client::Message m = chat->timeline()->lookup(m_replyingId);
    QString text = m.text.left(80);
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return QStringLiteral("%1: %2").arg(m.authorName, text);
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
    setSendError(QString()); // the user changes what was refused
    if (!m_editingId.isEmpty())
        return; // an edit is not a new message being typed
    client::Chat *chat = m_chats->currentChat();
    // A live draft too long for one frame would make the server close the connection
    // (an oversized paste must never take the room offline): such text stays local.
    if (chat && sendcheck::sizeProblem(chat, text).isEmpty())
        chat->setDraft(text);
}

} // namespace talker::app
