// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace talker::app {

class ChatManager;

/// The composer and message actions of the open chat: send (with /me), edit the last
/// own message (Up), retract, retry a failed send, live-typing drafts. The views bind
/// to it as the `Chat` singleton.
class ChatController : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Chat)
    QML_SINGLETON
    Q_PROPERTY(QString editingId READ editingId NOTIFY editingChanged)
    Q_PROPERTY(bool editing READ editing NOTIFY editingChanged)
    Q_PROPERTY(QString replyingId READ replyingId NOTIFY replyingChanged)
    Q_PROPERTY(QString replyingText READ replyingText NOTIFY replyingChanged)
    Q_PROPERTY(QString typingText READ typingText NOTIFY typingChanged)
    Q_PROPERTY(bool canSend READ canSend NOTIFY canSendChanged)
    Q_PROPERTY(QString sendBlocker READ sendBlocker NOTIFY canSendChanged)
    Q_PROPERTY(QString sendError READ sendError NOTIFY sendErrorChanged)
    Q_PROPERTY(int maxMessageBytes READ maxMessageBytes CONSTANT)

public:
    explicit ChatController(ChatManager *chats, QObject *parent = nullptr);

    static void setInstance(ChatController *controller);
    static ChatController *create(QQmlEngine *, QJSEngine *);

    QString editingId() const { return m_editingId; }
    bool editing() const { return !m_editingId.isEmpty(); }
    /// The message the next send answers (`reply_to` [ext]); empty when none.
    QString replyingId() const { return m_replyingId; }
    /// "alice: the start of it", for the composer's reply bar.
    QString replyingText() const;
    QString typingText() const;
    /// A chat is open and can take a message (it is queued while offline).
    bool canSend() const;
    /// Why the open chat takes no message now, empty when it does: the other person
    /// of a private chat is in no room shared with them; a room never connected.
    QString sendBlocker() const;
    /// Why the last Enter sent nothing (too long, or the blocker); cleared by typing.
    QString sendError() const { return m_sendError; }
    int maxMessageBytes() const;
    /// The bytes `text` takes on the wire in the open chat (what maxMessageBytes limits).
    Q_INVOKABLE int encodedSize(const QString &text) const;
    /// "300 KiB": a size for the composer's counter.
    Q_INVOKABLE QString sizeText(int bytes) const;

    /// Enter: sends `text` (or saves the edit). True when the composer should clear.
    Q_INVOKABLE bool submit(const QString &text);
    /// Up in an empty composer: starts editing the last own message; returns its text
    /// (empty when there is none).
    Q_INVOKABLE QString editLast();
    /// Starts editing a given own message; returns its text.
    Q_INVOKABLE QString startEdit(const QString &messageId);
    /// Esc: stops editing without changes.
    Q_INVOKABLE void cancelEdit();
    /// Reply in a message's menu: the next send answers it (ends an edit).
    Q_INVOKABLE void startReply(const QString &messageId);
    /// Esc or the bar's close button: the next send is no reply.
    Q_INVOKABLE void cancelReply();
    Q_INVOKABLE bool retract(const QString &messageId);
    Q_INVOKABLE bool retry(const QString &messageId);
    /// The composer's text changed (sent as a live-typing draft where enabled).
    Q_INVOKABLE void setDraft(const QString &text);

signals:
    void editingChanged();
    void replyingChanged();
    void typingChanged();
    void canSendChanged();
    void sendErrorChanged();

private:
    void onCurrentChanged();
    QString textOf(const QString &messageId) const;
    void setSendError(const QString &error);

    ChatManager *m_chats;
    QString m_editingId;
    QString m_replyingId;
    QString m_sendError;
    QList<QMetaObject::Connection> m_chatConnections;
};

} // namespace talker::app
