// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "protocol/codec.h"

#include "protocol/historycodec.h"
#include "protocol/textrules.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>
#include <limits>

namespace talker::protocol {

namespace {

const QLatin1String kType("type");
const QLatin1String kId("id");
const QLatin1String kUser("user");
const QLatin1String kTime("time");

DecodeResult failure(ErrorCode code, const QString &detail = QString())
{
    DecodeResult r;
    r.error = code;
    r.detail = detail;
    return r;
}

DecodeResult success(Event event)
{
    DecodeResult r;
    r.event = std::move(event);
    return r;
}

QString renderJsonValue(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return QStringLiteral("null");
    const QByteArray doc = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(doc.mid(1, doc.size() - 2));
}

/// A JSON number as an integer saturated to [lo, hi]: casting an out-of-range double
/// (e.g. `1e300`, found by tests/fuzz) is undefined behaviour.
qint64 saturate(double d, qint64 lo, qint64 hi)
{
    if (!(d > double(lo)))
        return lo;
    if (!(d < double(hi)))
        return hi;
    return static_cast<qint64>(d);
}

qint64 toEpoch(const QJsonValue &value)
{
    if (value.isDouble())
        return saturate(value.toDouble(), std::numeric_limits<qint64>::min(),
                        std::numeric_limits<qint64>::max());
    if (value.isString())
        return value.toString().toLongLong();
    return 0;
}

/// An integer JSON number as its decimal text; nullopt for anything else (fractions,
/// -0, values beyond what a double holds exactly, non-numbers).
std::optional<QString> integerText(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (!std::isfinite(d) || std::floor(d) != d || std::fabs(d) >= 9.0e15 ||
        (d == 0 && std::signbit(d)))
        return std::nullopt;
    return QString::number(qint64(d));
}

/// `to` must name someone: a non-empty string of valid Unicode, or an integer id.
/// Anything else would otherwise read as "no recipient" and make the message public.
std::optional<QString> recipient(const QJsonValue &v)
{
    if (v.isString()) {
        const QString s = v.toString();
        if (s.isEmpty() || hasLoneSurrogate(s))
            return std::nullopt;
        return s;
    }
    return integerText(v);
}

/// The `id` of an event when it is a valid message id, else empty.
QString messageIdOf(const QJsonObject &o)
{
    const QJsonValue v = o.value(kId);
    return v.isString() && isValidMessageId(v.toString()) ? v.toString() : QString();
}

DecodeResult decodeMessage(const QJsonObject &o)
{
    // A refused message names its id, so the sender knows which one failed.
    const auto failure = [&o](ErrorCode code) {
        DecodeResult r = talker::protocol::failure(code);
        r.id = messageIdOf(o);
        return r;
    };
    MessageEvent m;
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        const QString &key = it.key();
        const QJsonValue v = it.value();
        if (key == kType)
            continue;
        if (key == kId) {
            m.id = coerceToString(v);
        } else if (key == QLatin1String("content")) {
            if (v.isObject() || v.isArray() || v.isNull())
                return failure(ErrorCode::InvalidContent);
            m.content = replaceLoneSurrogates(coerceToString(v));
        } else if (key == kUser) {
            m.user = User::fromJson(v);
        } else if (key == kTime) {
            m.time = toEpoch(v);
        } else if (key == QLatin1String("to")) {
            const std::optional<QString> to = recipient(v);
            if (!to)
                return failure(ErrorCode::InvalidRecipient);
            m.to = *to;
        } else if (key == QLatin1String("private")) {
            m.isPrivate = v.toBool();
        } else if (key == QLatin1String("edited")) {
            m.edited = v.isBool() ? (v.toBool() ? 1 : 0) : toEpoch(v);
        } else if (key == QLatin1String("deleted")) {
            m.deleted = v.toBool();
        } else if (key == QLatin1String("partial")) {
            if (!v.isBool())
                return failure(ErrorCode::InvalidPartial);
            m.partial = v.toBool();
        } else {
            if (jsonDepth(v, kMaxAttributeDepth) > kMaxAttributeDepth)
                return failure(ErrorCode::NestedTooDeep);
            m.extra.insert(replaceLoneSurrogates(key), withoutLoneSurrogates(v));
        }
    }
    return success(std::move(m));
}

/// The room of a `connect`: a string (empty means none, as when it is missing) or an
/// integer, which old clients send and which names the room by its decimal text.
std::optional<QString> roomName(const QJsonValue &v)
{
    if (v.isUndefined())
        return QString();
    if (v.isString()) {
        const QString s = v.toString();
        if (!s.isEmpty() && !isValidRoomName(s))
            return std::nullopt;
        return s;
    }
    return integerText(v);
}

DecodeResult decodeConnect(const QJsonObject &o)
{
    ConnectEvent c;
    const std::optional<QString> room = roomName(o.value(QLatin1String("room")));
    if (!room)
        return failure(ErrorCode::InvalidRoom);
    c.room = *room;
    c.token = coerceToString(o.value(QLatin1String("token")));
    const QJsonValue last = o.value(QLatin1String("last_event_id"));
    if (!last.isUndefined() && !last.isNull())
        c.lastEventId = coerceToString(last);
    const QJsonValue history = o.value(QLatin1String("history"));
    if (history.isDouble())
        c.history = int(saturate(history.toDouble(), 0, 1 << 20));
    c.includePartial = o.value(QLatin1String("include_partial")).toBool(false);
    return success(std::move(c));
}

PresenceEvent decodePresence(PresenceEvent::Kind kind, const QJsonObject &o)
{
    PresenceEvent p;
    p.kind = kind;
    p.user = User::fromJson(o.value(kUser));
    p.time = toEpoch(o.value(kTime));
    p.id = coerceToString(o.value(kId));
    return p;
}

} // namespace

DecodeResult decode(const QByteArray &frame)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(frame, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return failure(ErrorCode::InvalidJson);
    return decodeObject(doc.object());
}

DecodeResult decodeObject(const QJsonObject &o)
{
    const QJsonValue typeValue = o.value(kType);
    if (!typeValue.isString())
        return failure(ErrorCode::UnknownType, renderJsonValue(typeValue));
    const QString type = typeValue.toString();

    if (type == QLatin1String("message"))
        return decodeMessage(o);
    if (type == QLatin1String("ping"))
        return success(PingEvent{});
    if (type == QLatin1String("pong"))
        return success(PongEvent{});
    if (type == QLatin1String("connect"))
        return decodeConnect(o);
    if (type == QLatin1String("connected"))
        return success(ConnectedEvent{User::fromJson(o.value(kUser))});
    if (type == QLatin1String("users")) {
        UsersEvent u;
        const QJsonArray list = o.value(QLatin1String("users")).toArray();
        u.users.reserve(list.size());
        for (const QJsonValue &v : list) {
            User user = User::fromJson(v);
            if (user.isValid())
                u.users.append(std::move(user));
        }
        return success(std::move(u));
    }
    if (type == QLatin1String("join"))
        return success(decodePresence(PresenceEvent::Kind::Join, o));
    if (type == QLatin1String("idle"))
        return success(decodePresence(PresenceEvent::Kind::Idle, o));
    if (type == QLatin1String("back"))
        return success(decodePresence(PresenceEvent::Kind::Back, o));
    if (type == QLatin1String("leave"))
        return success(decodePresence(PresenceEvent::Kind::Leave, o));
    if (type == QLatin1String("close"))
        return success(CloseEvent{});
    if (type == QLatin1String("register"))
        return success(RegisterEvent{coerceToString(o.value(QLatin1String("invite"))),
                                     coerceToString(o.value(QLatin1String("name")))});
    if (type == QLatin1String("registered"))
        return success(RegisteredEvent{User::fromJson(o.value(kUser)),
                                       coerceToString(o.value(QLatin1String("token")))});
    if (type == QLatin1String("error"))
        return success(
            ErrorEvent(coerceToString(o.value(QLatin1String("message"))), messageIdOf(o)));
    if (std::optional<DecodeResult> r = historycodec::decode(type, o))
        return std::move(*r);
    return failure(ErrorCode::UnknownType, renderJsonValue(typeValue));
}

namespace {

QJsonObject connectToJson(const ConnectEvent &c)
{
    QJsonObject o{{kType, QStringLiteral("connect")},
                  {QStringLiteral("room"), c.room},
                  {QStringLiteral("token"), c.token}};
    if (c.lastEventId)
        o.insert(QStringLiteral("last_event_id"), *c.lastEventId);
    if (c.history)
        o.insert(QStringLiteral("history"), *c.history);
    if (c.includePartial)
        o.insert(QStringLiteral("include_partial"), true);
    return o;
}

QJsonObject messageToJson(const MessageEvent &m)
{
    QJsonObject o = m.extra;
    // Only the typed fields may set these: an extra `to` must never turn
    // a public message into something else, or the reverse.
    for (const char *reserved :
         {"id", "content", "user", "time", "to", "private", "edited", "deleted", "partial"})
        o.remove(QLatin1String(reserved));
    o.insert(kType, QStringLiteral("message"));
    if (!m.id.isEmpty())
        o.insert(kId, m.id);
    if (!m.content.isNull())
        o.insert(QStringLiteral("content"), m.content);
    if (m.user.isValid())
        o.insert(kUser, m.user.toJson());
    if (m.time)
        o.insert(kTime, m.time);
    if (!m.to.isEmpty())
        o.insert(QStringLiteral("to"), m.to);
    if (m.isPrivate)
        o.insert(QStringLiteral("private"), true);
    if (m.edited)
        o.insert(QStringLiteral("edited"), m.edited);
    if (m.deleted)
        o.insert(QStringLiteral("deleted"), true);
    if (m.partial)
        o.insert(QStringLiteral("partial"), true);
    return o;
}

QJsonObject usersToJson(const UsersEvent &u)
{
    QJsonArray list;
    for (const User &user : u.users)
        list.append(user.toJson());
    return QJsonObject{{kType, QStringLiteral("users")}, {QStringLiteral("users"), list}};
}

QJsonObject presenceToJson(const PresenceEvent &p)
{
    QJsonObject o{{kType, presenceTypeName(p.kind)}};
    if (p.kind == PresenceEvent::Kind::Leave)
        o.insert(kUser, p.user.id);
    else
        o.insert(kUser, p.user.toJson());
    if (p.time)
        o.insert(kTime, p.time);
    if (!p.id.isEmpty())
        o.insert(kId, p.id);
    return o;
}

QJsonObject errorToJson(const ErrorEvent &e)
{
    QJsonObject o{{kType, QStringLiteral("error")}, {QStringLiteral("message"), e.message}};
    if (!e.id.isEmpty())
        o.insert(kId, e.id);
    return o;
}

} // namespace

QJsonObject toJson(const Event &event)
{
    return std::visit(
        Overloaded{
            [](const ConnectEvent &c) { return connectToJson(c); },
            [](const ConnectedEvent &c) {
                return QJsonObject{{kType, QStringLiteral("connected")}, {kUser, c.user.toJson()}};
            },
            [](const MessageEvent &m) { return messageToJson(m); },
            [](const UsersEvent &u) { return usersToJson(u); },
            [](const PresenceEvent &p) { return presenceToJson(p); },
            [](const PingEvent &) {
                return QJsonObject{{kType, QStringLiteral("ping")}};
            },
            [](const PongEvent &) {
                return QJsonObject{{kType, QStringLiteral("pong")}};
            },
            [](const CloseEvent &) {
                return QJsonObject{{kType, QStringLiteral("close")}};
            },
            [](const ErrorEvent &e) { return errorToJson(e); },
            [](const RegisterEvent &r) {
                return QJsonObject{{kType, QStringLiteral("register")},
                                   {QStringLiteral("invite"), r.invite},
                                   {QStringLiteral("name"), r.name}};
            },
            [](const RegisteredEvent &r) {
                return QJsonObject{{kType, QStringLiteral("registered")},
                                   {kUser, r.user.toJson()},
                                   {QStringLiteral("token"), r.token}};
            },
            [](const auto &e) { return historycodec::toJson(e); },
        },
        event);
}

QByteArray encodeObject(const QJsonObject &object)
{
    QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact);
    line.append('\n');
    return line;
}

QByteArray encode(const Event &event)
{
    return encodeObject(toJson(event));
}

QByteArray encodeError(ErrorCode code, const QString &detail, const QString &messageId)
{
    return encode(ErrorEvent(code, detail, messageId));
}

} // namespace talker::protocol
