// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "client/chat.h"
#include "client/memberlist.h"
#include "client/message.h"
#include "client/session.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QRegularExpression>
#include <QStringList>
#include <QTimer>

namespace talker::client {

class Account;
class Conversation;
class Delivery;
class TypingCache;
class HistoryPager;
class Timeline;
struct OutboxEntry;

/// One joined room of an account: its Session, its public Timeline, its members,
/// unread/mention counters, typing state, and the outbox logic for everything sent
/// through it (private messages included; those land in the account's Conversation).
class Room : public Chat
{
    Q_OBJECT
    Q_MOC_INCLUDE("client/historypager.h")
    Q_PROPERTY(QString name READ name CONSTANT)
    Q_PROPERTY(talker::client::HistoryPager *pager READ pager CONSTANT)
    Q_PROPERTY(int mentionCount READ mentionCount NOTIFY countersChanged)
    Q_PROPERTY(QStringList typingUsers READ typingUsers NOTIFY typingChanged)
    Q_PROPERTY(bool sendDrafts READ sendDrafts WRITE setSendDrafts NOTIFY sendDraftsChanged)
    Q_PROPERTY(bool keepRetracted READ keepRetracted WRITE setKeepRetracted)

public:
    using Presence = MemberList::Presence;
    using Member = MemberList::Member;

    Room(Account *account, const QString &name, QObject *parent = nullptr);
    ~Room() override;

    QString name() const { return m_name; }
    QString key() const override;
    QString title() const override { return m_name; }
    bool isPrivate() const override { return false; }
    Session *session() const override { return m_session; }
    /// Pages the timeline back from the cache, then the server; jumps to messages.
    HistoryPager *pager() const { return m_pager; }

    int unreadCount() const override { return m_unread; }
    int mentionCount() const { return m_mentions; }
    /// Restores persisted counters (AccountRegistry::load()).
    void setCounters(int unread, int mentions);

    /// The room's members with their presence (MemberModel shows it).
    MemberList *memberList() const { return m_members; }
    /// Members, unsorted. Left users stay as Offline.
    const QList<Member> &members() const { return m_members->members(); }
    /// Index in members() of a user id, -1 when unknown.
    int memberIndex(const QString &userId) const { return m_members->indexOf(userId); }

    /// Names of users typing right now, and "alice is typing: hello…" for the UI.
    QStringList typingUsers() const;
    QString typingText() const override;
    /// The current draft of a typing user (empty when not typing).
    QString typingDraft(const QString &userId) const;

    bool sendDrafts() const { return m_sendDrafts; }
    void setSendDrafts(bool on);
    /// Retracted messages stay as "message deleted" placeholders (the default, as in
    /// NeoChat and Nheko); off, their rows go.
    bool keepRetracted() const { return m_keepRetracted; }
    void setKeepRetracted(bool on) { m_keepRetracted = on; }

    /// A public message; see Chat::sendMessage.
    QString sendMessage(const QString &text) override;
    QString reply(const QString &replyTo, const QString &text) override;
    /// Sends a private message to a member of this room (by user id).
    Q_INVOKABLE QString sendPrivate(const QString &toUserId, const QString &text);
    /// Edits one of the user's own messages (public or private) by id.
    bool editMessage(const QString &id, const QString &text) override;
    bool retry(const QString &id) override;
    /// Current draft of the composer; sent as a partial draft when sendDrafts is on.
    void setDraft(const QString &text) override;
    void markSeen() override { setCounters(0, 0); }
    /// Also persists the read position (persistentStateChanged).
    void markRead() override;
    /// Connects now instead of waiting for the backoff.
    Q_INVOKABLE void retryNow() { m_session->retryNow(); }

    /// Starts the session (when the account has a token).
    void open();
    /// Sends `close` and stops.
    void close();
    /// Private plumbing for Conversation: sends through this room.
    QString sendInto(Timeline *timeline, const QString &text, const QString &to,
                     const QString &replyTo = QString());
    bool editIn(Timeline *timeline, const QString &id, const QString &text);

signals:
    void sendDraftsChanged();
    /// A new message from someone else arrived live (not from the cache); for
    /// notifications. Private ones also come here (message.isPrivate).
    void messageArrived(const talker::client::Message &message);
    /// Something persisted changed (counters, last read).
    void persistentStateChanged();

protected:
    QString previewOf(const Message &message) const override;

private:
    void onConnected(const protocol::User &self);
    void onMessage(const protocol::MessageEvent &event);
    /// The steps of onMessage: a typing draft, where a message goes (null: nowhere),
    /// and what it does there (retracts, updates or adds a row).
    void onDraft(const protocol::MessageEvent &event);
    Timeline *placeOf(const Message &message, const QString &senderName,
                      Conversation **conversation);
    void applyRetraction(Timeline *target, int row, Message message);
    void applyUpdate(Timeline *target, int row, const Message &message, bool confirmed);
    void appendNew(Timeline *target, const Message &message, Conversation *conversation,
                   bool edited);
    void onUsers(const QList<protocol::User> &users);
    void onPresence(const protocol::PresenceEvent &event);
    void loadInitial();
    /// The local, own message shown for an outbox entry (pending, or failed).
    Message ownMessage(const OutboxEntry &entry) const;
    void storeEventId(const QString &id);
    void countUnread(const Message &message, Conversation *conversation);
    Conversation *conversationFor(const Message &message, const QString &peerName);
    Timeline *timelineOf(const Message &message);
    /// The name of the user a private message is for (its id when not known).
    QString recipientName(const QString &userId) const;
    void setMemberPresence(const protocol::User &user, Presence presence);
    void sendDraftNow();
    Message toMessage(const protocol::MessageEvent &event) const;
    bool isMention(const QString &text) const;
    /// Within one read of the session, appends to `timeline` are announced together.
    void batchAppends(Timeline *timeline);
    void endAppendBatches();

    QString m_name;
    Session *m_session;
    HistoryPager *m_pager;
    TypingCache *m_typing; ///< the others' live drafts
    Delivery *m_delivery;  ///< sends the outbox and tracks what is in flight
    MemberList *m_members;
    int m_unread = 0;
    int m_mentions = 0;
    bool m_sendDrafts = false;
    bool m_keepRetracted = true;
    QString m_draft;
    QString m_draftId;
    QString m_draftSent;
    QTimer m_draftTimer;
    mutable QRegularExpression m_mentionRe;
    mutable QString m_mentionName;
    bool m_replaying = false;    ///< between `connected` and `users`: replayed events
    bool m_firstHistory = false; ///< the replay is `history: N` of a first join: already read
    bool m_receiving = false;    ///< inside one read of the session
    QList<QPointer<Timeline>> m_batched; ///< timelines in a batch until the read ends
};

} // namespace talker::client
