// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "protocol/user.h"

#include <QJsonValue>
#include <cmath>

namespace talker::protocol {

QJsonObject User::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id}, {QStringLiteral("name"), name}};
    if (idle)
        o.insert(QStringLiteral("idle"), true);
    return o;
}

User User::fromJson(const QJsonValue &value)
{
    User u;
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        u.id = coerceToString(o.value(QLatin1String("id")));
        u.name = coerceToString(o.value(QLatin1String("name")));
        u.idle = o.value(QLatin1String("idle")).toBool(false);
    } else {
        u.id = coerceToString(value);
    }
    return u;
}

QString coerceToString(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 9.0e15)
            return QString::number(static_cast<qint64>(d));
        return QString::number(d, 'g', 17);
    }
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return QString();
    }
}

} // namespace talker::protocol
