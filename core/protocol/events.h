// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "protocol/protocolerror.h"
#include "protocol/user.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>
#include <variant>

/// Typed events for every event of the Talker protocol (docs/protocol.md).
/// Each struct holds exactly the fields the wire can carry; codec.h converts.
namespace talker::protocol {

/// Client -> server: join a room.
struct ConnectEvent
{
    QString room;
    QString token;
    /// Replay the stored room events after this id.
    std::optional<QString> lastEventId;
    /// Replay the last N stored events (when the client has none yet).
    std::optional<int> history;
    /// The client wants live-typing drafts.
    bool includePartial = false;
};

/// Server -> client: the connection is authenticated into the room.
struct ConnectedEvent
{
    User user;
};

/// A chat message in either direction. From a client only `content`, `to`, `id` and
/// `partial` (plus pass-through extras) matter; the server fills the rest.
struct MessageEvent
{
    QString id;      ///< server-assigned or client-chosen; empty from clients that send none
    QString content; ///< null when the event had no content at all
    User user;       ///< sender (server's own)
    qint64 time = 0; ///< epoch seconds at the server
    QString to;      ///< recipient id (or name) of a private message
    bool isPrivate = false;
    qint64 edited = 0; ///< epoch seconds of the last edit, 0 if never edited
    bool deleted = false;
    bool partial = false;
    QJsonObject extra; ///< unknown attributes, passed through untouched (e.g. "action")

    bool isAction() const { return extra.value(QLatin1String("action")).toBool(); }
};

/// Server -> client: the room's member list, sent to one connection.
struct UsersEvent
{
    QList<User> users;
};

/// Server -> client presence change. `leave` carries only the user id on the wire
/// (clients also accept a full object), so `user.name` may be empty for it.
struct PresenceEvent
{
    enum class Kind { Join, Idle, Back, Leave };
    Kind kind = Kind::Join;
    User user;
    qint64 time = 0;
    QString id; ///< stored presence events (join, leave) carry an id
};

struct PingEvent
{};
struct PongEvent
{};
struct CloseEvent
{};

/// Client -> server [ext]: create an account with an invite code (instead of `connect`).
struct RegisterEvent
{
    QString invite;
    QString name;
};

/// Server -> client [ext]: the account `register` created, with its secret token.
/// The server closes the connection after it.
struct RegisteredEvent
{
    User user;
    QString token;
};

/// Server -> client error; protocolerror.h has the one table of codes and texts.
struct ErrorEvent
{
    ErrorEvent() = default;
    /// An error as read from the wire: the code is looked up from the text once, here.
    explicit ErrorEvent(const QString &text, const QString &messageId = QString());
    /// An error to send: the text comes from the code.
    explicit ErrorEvent(ErrorCode code, const QString &detail = QString(),
                        const QString &messageId = QString());

    QString message;                  ///< the text on the wire
    QString id;                       ///< [ext] the message it is about; empty: none
    ErrorCode code = ErrorCode::None; ///< Unknown for a text in no row of the table
    QString detail;                   ///< the variable part (UnknownType, InvalidField)
};

/// Client -> server [ext]: the stored events before `before`, at most `limit`.
struct HistoryRequest
{
    QString before;
    int limit = 0; ///< 0: the server's default page size
};

/// Server -> client [ext]: opens a `history` answer; the page's events follow.
struct HistoryStartEvent
{
    QString before;
};

/// Server -> client [ext]: closes a `history` answer. `more`: older events exist.
struct HistoryEndEvent
{
    QString before;
    int count = 0;
    bool more = false;
};

/// Client -> server [ext]: full-text search over the rooms the user is in.
struct SearchRequest
{
    QString query;
    int limit = 0;  ///< 0: the server's default
    QString before; ///< only messages older than this event id (paging), may be empty
};

/// One search result: a message as broadcast, and its room.
struct SearchHit
{
    QString room;
    MessageEvent message;
};

/// Server -> client [ext]: the answer to a `search`, newest first.
struct SearchResultsEvent
{
    QString query;
    QList<SearchHit> results;
    bool more = false;
};

/// Builds a visitor for std::visit out of lambdas, one per event type.
template<class... Ts>
struct Overloaded : Ts...
{
    using Ts::operator()...;
};
template<class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

using Event = std::variant<ConnectEvent, ConnectedEvent, MessageEvent, UsersEvent, PresenceEvent,
                           PingEvent, PongEvent, CloseEvent, ErrorEvent, HistoryRequest,
                           HistoryStartEvent, HistoryEndEvent, SearchRequest, SearchResultsEvent,
                           RegisterEvent, RegisteredEvent>;

/// The wire name of an event ("message", "join", ...).
QString typeName(const Event &event);
QString presenceTypeName(PresenceEvent::Kind kind);

/// True for a client-chosen message id: 1-64 characters of [A-Za-z0-9_-].
bool isValidMessageId(const QString &id);

} // namespace talker::protocol
