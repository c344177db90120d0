// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "protocol/events.h"

namespace talker::protocol {

ErrorEvent::ErrorEvent(const QString &text, const QString &messageId)
    : message(text)
    , id(messageId)
{
    code = errorCodeOf(text, &detail); // detail is declared after code: set both here
}

ErrorEvent::ErrorEvent(ErrorCode errorCode, const QString &errorDetail, const QString &messageId)
    : message(errorText(errorCode, errorDetail))
    , id(messageId)
    , code(errorCode)
    , detail(errorDetail)
{}

QString presenceTypeName(PresenceEvent::Kind kind)
{
    switch (kind) {
    case PresenceEvent::Kind::Join:
        return QStringLiteral("join");
    case PresenceEvent::Kind::Idle:
        return QStringLiteral("idle");
    case PresenceEvent::Kind::Back:
        return QStringLiteral("back");
    case PresenceEvent::Kind::Leave:
        return QStringLiteral("leave");
    }
    return QString();
}

QString typeName(const Event &event)
{
    return std::visit(
        Overloaded{
            [](const ConnectEvent &) { return QStringLiteral("connect"); },
            [](const ConnectedEvent &) { return QStringLiteral("connected"); },
            [](const MessageEvent &) { return QStringLiteral("message"); },
            [](const UsersEvent &) { return QStringLiteral("users"); },
            [](const PresenceEvent &e) { return presenceTypeName(e.kind); },
            [](const PingEvent &) { return QStringLiteral("ping"); },
            [](const PongEvent &) { return QStringLiteral("pong"); },
            [](const CloseEvent &) { return QStringLiteral("close"); },
            [](const ErrorEvent &) { return QStringLiteral("error"); },
            [](const HistoryRequest &) { return QStringLiteral("history"); },
            [](const HistoryStartEvent &) { return QStringLiteral("history_start"); },
            [](const HistoryEndEvent &) { return QStringLiteral("history_end"); },
            [](const SearchRequest &) { return QStringLiteral("search"); },
            [](const SearchResultsEvent &) { return QStringLiteral("search_results"); },
            [](const RegisterEvent &) { return QStringLiteral("register"); },
            [](const RegisteredEvent &) { return QStringLiteral("registered"); },
        },
        event);
}

bool isValidMessageId(const QString &id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (const QChar c : id) {
        const char16_t u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
                        (u >= '0' && u <= '9') || u == '_' || u == '-';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace talker::protocol
