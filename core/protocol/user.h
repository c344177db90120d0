// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QJsonObject>
#include <QString>

namespace talker::protocol {

/// A user as the wire shows it: `{"id":"7","name":"alice"}`.
struct User
{
    QString id;
    QString name;
    /// Only meaningful inside a `users` list: the user is connected but idle.
    bool idle = false;

    bool isValid() const { return !id.isEmpty(); }
    /// The compact wire form; `idle` is written only when set.
    QJsonObject toJson() const;
    /// Accepts an object (`id`, `name`, `idle`), or a bare id as string or number
    /// (the form `leave` uses). Anything else gives an invalid user.
    static User fromJson(const QJsonValue &value);

    friend bool operator==(const User &a, const User &b)
    {
        return a.id == b.id && a.name == b.name && a.idle == b.idle;
    }
    friend bool operator!=(const User &a, const User &b) { return !(a == b); }
};

/// JSON scalars as the protocol coerces them to strings: a string as is, a number in
/// decimal (`42` -> "42", `1.5` -> "1.5"), a bool as "true"/"false". Null, missing,
/// arrays and objects give a null QString.
QString coerceToString(const QJsonValue &value);

} // namespace talker::protocol
