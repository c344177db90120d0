// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "store/invite.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

/// Server storage: users with hashed tokens, rooms, and each room's event history.
namespace talker::store {

/// A user account as the store knows it. The token itself is never kept.
struct UserRecord
{
    QString id;   ///< decimal string, assigned by the store
    QString name; ///< unique, ignoring case (protocol::userNameKey)
};

/// What a stored room event is.
enum class EventKind { Message = 0, Join = 1, Leave = 2 };

/// One row of a room's history: the exact wire line that was broadcast plus the
/// columns needed to look it up (edits) and to filter it (private messages).
struct StoredEvent
{
    qint64 seq = 0; ///< order in the server, assigned by append()
    QString room;
    QString id; ///< event id; a message's id (edits repeat it)
    EventKind kind = EventKind::Message;
    QString senderId;    ///< the user who caused it
    QString recipientId; ///< private messages only, else empty
    qint64 time = 0;     ///< the message's original time (epoch seconds)
    QString content;     ///< messages: the text after this event ("" when retracted)
    QByteArray line;     ///< the wire line as broadcast, ending in '\n'
};

/// A page of history before an event: which stored rows to send, oldest first.
struct HistoryPage
{
    bool available = false; ///< false: this store cannot page (the server says so)
    bool found = false;     ///< the `before` id is known in the room
    QList<qint64> lineSeqs; ///< rows whose lines to send; a message's latest state
    bool more = false;      ///< older events visible to the user exist
};

/// One search result: a message's latest line as broadcast, and its room.
struct SearchHit
{
    QString room;
    QByteArray line;
};

/// What a search asks the store.
struct SearchQuery
{
    QString userId;      ///< searches the rooms this user is in; private only theirs
    QString match;       ///< an FTS5 expression (protocol::searchquery::toFts5)
    QString beforeId;    ///< only messages older than this id (empty: the newest)
    int limit = 50;      ///< most hits
    qint64 maxBytes = 0; ///< stop (with `more`) before the lines exceed this; 0 = no cap
};

/// The store's answer, newest first.
struct SearchPage
{
    bool found = true; ///< false: `beforeId` is unknown
    QList<SearchHit> hits;
    bool more = false;
};

/// The storage interface the server uses. SqliteStore is the embedded default; a
/// PostgreSQL store can implement the same interface. Not thread-safe: use one
/// instance per thread.
class Store
{
public:
    virtual ~Store();

    /// The last error text (for logs), empty when the last call succeeded.
    virtual QString lastError() const = 0;
    /// Whether the last failure was the database locked by another writer for longer
    /// than the busy timeout: trying again at once would only wait as long again.
    virtual bool lastErrorIsBusy() const { return false; }
    /// Whether the files under the store are sound, checked now; false with
    /// lastError() when they are not.
    virtual bool storageSound() { return true; }

    /// Creates a user and returns it; `*token` receives the new secret token.
    /// Fails (nullopt) when the name is empty or taken, ignoring case. The caller
    /// checks the name rules (protocol/username.h) first.
    virtual std::optional<UserRecord> addUser(const QString &name, QString *token) = 0;
    /// Deletes a user by name; their history stays. False when there is no such user.
    virtual bool removeUser(const QString &name) = 0;
    /// Gives a user a new token (the old one stops working); nullopt if no such user.
    virtual std::optional<QString> resetToken(const QString &name) = 0;
    /// All users, by id.
    virtual QList<UserRecord> users() = 0;
    /// The user owning this token, if any.
    virtual std::optional<UserRecord> userByToken(const QString &token) = 0;
    /// The user with this name, if any.
    virtual std::optional<UserRecord> userByName(const QString &name) = 0;

    /// The user whose name equals this one ignoring case (protocol::userNameKey), if any.
    /// The default scans users().
    virtual std::optional<UserRecord> userByNameKey(const QString &name);

    /// Creates an invite for `uses` accounts, valid until `expires` (epoch seconds);
    /// `*code` receives the secret code. Stores without invites return nullopt.
    virtual std::optional<InviteRecord> createInvite(const QString &room, int uses, qint64 expires,
                                                     QString *code);
    /// Every invite, oldest first, including used up, expired and revoked ones.
    virtual QList<InviteRecord> invites();
    /// Revokes the invite with this code, or with this id when `code` is a number.
    /// False when there is no such invite.
    virtual bool revokeInvite(const QString &codeOrId);
    /// Uses one use of the invite `code` to create the user `name` (already checked
    /// against the name rules), all or nothing. `*user` and `*token` receive the
    /// account on success.
    virtual RedeemResult redeemInvite(const QString &code, const QString &name, UserRecord *user,
                                      QString *token);

    /// Records that a room exists (idempotent).
    virtual bool ensureRoom(const QString &room) = 0;
    /// Every known room name.
    virtual QStringList rooms() = 0;

    /// Appends an event to its room's history and sets event->seq. False on failure
    /// (disk full, read-only, locked): nothing is half-written.
    virtual bool append(StoredEvent *event) = 0;
    /// Appends several events in one transaction: all of them or none. The default
    /// appends one by one; SqliteStore commits once.
    virtual bool appendAll(const QList<StoredEvent *> &events);
    /// The latest stored event with this id in the room (a message's current state).
    virtual std::optional<StoredEvent> latest(const QString &room, const QString &id) = 0;
    /// The events after the first one with id `afterId`, oldest first, at most the
    /// newest `cap`; private messages only when `userId` sent or received them.
    /// `*found` tells whether `afterId` is known in the room.
    virtual QList<StoredEvent> eventsAfter(const QString &room, const QString &afterId,
                                           const QString &userId, int cap, bool *found) = 0;
    /// The newest `count` events of the room visible to `userId`, oldest first.
    virtual QList<StoredEvent> lastEvents(const QString &room, const QString &userId,
                                          int count) = 0;

    // Reading history piece by piece by sequence number (server/replaycursor.h). "Visible
    // to a user": public, or a private message the user sent or received. A store that
    // cannot (the defaults) is read whole through eventsAfter()/lastEvents() instead.

    /// Users whose last stored presence in a room is a `join` (room and senderId set):
    /// present when the server stopped or crashed. The default knows none.
    virtual QList<StoredEvent> openPresences();
    /// Appends the `leave` events that close those presences. They end the presence,
    /// not the membership: search still covers the rooms (SqliteStore keeps them).
    virtual bool appendClosingLeaves(const QList<StoredEvent *> &leaves);

    /// Whether the four calls below work.
    virtual bool canReadRanges() const { return false; }
    /// The seq of the first event with this id in the room; -1 when there is none.
    virtual qint64 firstSeq(const QString &room, const QString &id);
    /// The highest seq stored for the room; 0 when it has no events.
    virtual qint64 lastSeq(const QString &room);
    /// The seq just before the oldest of the newest `count` events visible to `userId`
    /// with afterSeq < seq <= upToSeq; `afterSeq` when there are no more than `count`.
    virtual qint64 seqBeforeNewest(const QString &room, const QString &userId, qint64 afterSeq,
                                   qint64 upToSeq, int count);
    /// At most `limit` events visible to `userId` with afterSeq < seq <= upToSeq, oldest
    /// first.
    virtual QList<StoredEvent> eventsBetween(const QString &room, const QString &userId,
                                             qint64 afterSeq, qint64 upToSeq, int limit);

    /// The newest `limit` events before the first one with id `beforeId`, each
    /// message once (at its original place, in its latest state), private ones only
    /// for `userId`'s. The default cannot page (`available` false).
    virtual HistoryPage historyBefore(const QString &room, const QString &beforeId,
                                      const QString &userId, int limit);
    /// The stored line of row `seq` (from a HistoryPage); nullopt when gone or failed.
    virtual std::optional<QByteArray> lineAt(qint64 seq);
    /// Whether search() works. A store without a full-text index (e.g. a cluster
    /// store) returns false and the server answers "Search not available".
    virtual bool canSearch() const { return false; }
    /// Full-text search over the messages' latest text in the rooms the user is in
    /// (retracted messages are never found), newest first.
    virtual SearchPage search(const SearchQuery &query);
};

} // namespace talker::store
