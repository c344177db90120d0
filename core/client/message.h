// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

namespace talker::client {

/// One chat message as the client keeps it (RAM window, cache, models).
struct Message
{
    /// Delivery of the user's own messages; messages of others are always Sent.
    enum class Delivery : quint8 {
        Sent,    ///< the server's broadcast of this id was seen
        Pending, ///< in the outbox, not confirmed yet
        Failed,  ///< gave up retrying automatically; Room::retry() sends it again
    };

    QString id;
    QString authorId;
    QString authorName;
    QString text;
    QString peerId;     ///< private messages: the other user (recipient or sender)
    QString failReason; ///< Failed: why, in words for the user (empty: not known)
    QString replyTo;    ///< `reply_to` [ext]: the id of the message this one answers
    qint64 time = 0;    ///< epoch seconds (server time; local time while pending)
    qint64 edited = 0;  ///< epoch seconds of the last edit, 0 if never
    Delivery delivery = Delivery::Sent;
    bool isPrivate = false;
    bool isAction = false;  ///< `/me` action (`"action":true` on the wire)
    bool isOwn = false;     ///< written by this account's user
    bool isMention = false; ///< mentions this account's user (name or @name)
    bool deleted = false;   ///< retracted: a "message deleted" placeholder (Room::keepRetracted)
};

} // namespace talker::client
