// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/message.h"
#include "client/session.h"

#include <QDateTime>
#include <QObject>

namespace talker::client {

class Account;
class Timeline;

/// What a room and a private conversation have in common, so that controllers and
/// models need not tell them apart: the timeline, sending, editing, retracting and
/// retrying own messages, unread counts, the last message, and the connection state.
///
/// The connection state is the Session's: Chat only derives it (a conversation has
/// the session of the room its replies go through, none while it has no room).
class Chat : public QObject
{
    Q_OBJECT
    Q_MOC_INCLUDE("client/account.h")
    Q_MOC_INCLUDE("client/timeline.h")
    Q_PROPERTY(talker::client::Account *account READ account CONSTANT)
    Q_PROPERTY(talker::client::Timeline *timeline READ timeline CONSTANT)
    Q_PROPERTY(QString key READ key CONSTANT)
    Q_PROPERTY(QString title READ title NOTIFY titleChanged)
    Q_PROPERTY(bool isPrivate READ isPrivate CONSTANT)
    Q_PROPERTY(talker::client::Session *session READ session NOTIFY sessionChanged)
    Q_PROPERTY(talker::client::Session::State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool connected READ isConnected NOTIFY stateChanged)
    Q_PROPERTY(QString statusText READ statusText NOTIFY statusChanged)
    Q_PROPERTY(QDateTime nextRetry READ nextRetry NOTIFY statusChanged)
    Q_PROPERTY(bool authenticationFailed READ authenticationFailed NOTIFY statusChanged)
    Q_PROPERTY(bool canSend READ canSend NOTIFY sessionChanged)
    Q_PROPERTY(int unreadCount READ unreadCount NOTIFY countersChanged)
    Q_PROPERTY(QString lastMessagePreview READ lastMessagePreview NOTIFY lastMessageChanged)
    Q_PROPERTY(QDateTime lastMessageTime READ lastMessageTime NOTIFY lastMessageChanged)
    Q_PROPERTY(QString typingText READ typingText NOTIFY typingChanged)

public:
    ~Chat() override;

    Account *account() const { return m_account; }
    Timeline *timeline() const { return m_timeline; }
    /// "ACCOUNT/ROOM" for a room, "ACCOUNT/@USER" for a private conversation: the
    /// key of notifications, settings and the last open chat.
    virtual QString key() const = 0;
    /// The room's name, or the other user's name.
    virtual QString title() const = 0;
    virtual bool isPrivate() const = 0;

    /// The session messages go out through (null for a conversation without a room).
    virtual Session *session() const = 0;
    Session::State state() const;
    bool isConnected() const { return state() == Session::State::Connected; }
    QString statusText() const;
    QDateTime nextRetry() const;
    bool authenticationFailed() const;
    /// A message can be queued (it is sent when the session connects).
    bool canSend() const { return session() != nullptr; }

    virtual int unreadCount() const = 0;
    QString lastMessagePreview() const;
    QDateTime lastMessageTime() const;
    /// "alice is typing: hello…" (rooms only; empty otherwise).
    virtual QString typingText() const { return QString(); }

    /// Sends a message ("/me text" becomes an action). Shown at once as pending;
    /// returns its id (empty for blank text or when it cannot be sent).
    Q_INVOKABLE virtual QString sendMessage(const QString &text) = 0;
    /// Sends a reply to the message `replyTo` (`reply_to` [ext]); see sendMessage.
    Q_INVOKABLE virtual QString reply(const QString &replyTo, const QString &text) = 0;
    /// Edits one of the user's own messages by id.
    Q_INVOKABLE virtual bool editMessage(const QString &id, const QString &text) = 0;
    /// Retracts one of the user's own messages by id.
    Q_INVOKABLE bool retractMessage(const QString &id);
    /// Sends a failed message again.
    Q_INVOKABLE virtual bool retry(const QString &id) = 0;
    /// The id of the user's newest message here (for "edit last" with Up).
    Q_INVOKABLE QString lastOwnMessageId() const;
    /// The composer's current text (a live-typing draft where the chat sends them).
    Q_INVOKABLE virtual void setDraft(const QString &) {}
    /// The chat is on screen: its badges clear, the new-messages divider stays.
    Q_INVOKABLE virtual void markSeen() = 0;
    /// Everything here is read: badges clear and the divider moves to the newest message.
    Q_INVOKABLE virtual void markRead();
    /// Reads the chat's first page of cached messages, once. Until it is shown a chat
    /// holds only its newest cached message (the sidebar's preview), so that starting
    /// the app does not read every chat's page (bench/app-start.sh).
    void loadFirstPage();

signals:
    void titleChanged();
    void sessionChanged();
    void stateChanged();
    void statusChanged();
    void countersChanged();
    void lastMessageChanged();
    void typingChanged();

protected:
    Chat(Account *account, const QString &timelineKey, QObject *parent);
    /// The preview line of a message (rooms name the author, conversations mark own ones).
    virtual QString previewOf(const Message &message) const = 0;

private:
    Account *m_account;
    Timeline *m_timeline;
    bool m_firstPageLoaded = false;
};

} // namespace talker::client
