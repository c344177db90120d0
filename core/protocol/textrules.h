// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonValue>
#include <QString>

/// Rules for the text and values a peer sends, shared by the codec and its users:
/// what a room name may be, how strict parsers are kept happy (no lone surrogates),
/// and how deep attributes may nest.
namespace talker::protocol {

/// Longest room name, in Unicode code points (a surrogate pair counts once).
constexpr int kMaxRoomNameLength = 256;
/// Deepest nesting of an extra message attribute (`{"a":[1]}` has depth 2). Deeper
/// values break common JSON parsers on the receiving side (Python's stops near 1,000).
constexpr int kMaxAttributeDepth = 32;

/// True when `text` has a UTF-16 surrogate without its partner: not valid Unicode,
/// so it cannot be stored as UTF-8 nor written as strict JSON.
bool hasLoneSurrogate(const QString &text);
/// `text` with every lone surrogate replaced by U+FFFD.
QString replaceLoneSurrogates(QString text);
/// `value` with lone surrogates replaced in every string in it, keys included.
QJsonValue withoutLoneSurrogates(const QJsonValue &value);
/// A room name: 1 to kMaxRoomNameLength code points of valid Unicode with no control
/// characters (C0, DEL, C1: NUL and newlines included).
bool isValidRoomName(const QString &name);
/// The nesting depth of `value` (a scalar is 0, `[]` and `{}` are 1), counted no
/// further than `limit + 1`, so a hostile value costs no more than the limit.
int jsonDepth(const QJsonValue &value, int limit);

} // namespace talker::protocol
