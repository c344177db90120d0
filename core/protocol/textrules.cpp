// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/textrules.h"

#include <QJsonArray>
#include <QJsonObject>

namespace talker::protocol {

namespace {

/// Index of the first lone surrogate at or after `from`, or -1.
qsizetype nextLoneSurrogate(const QString &text, qsizetype from)
{
    const qsizetype n = text.size();
    for (qsizetype i = from; i < n; ++i) {
        const QChar c = text.at(i);
        if (!c.isSurrogate())
            continue;
        if (c.isHighSurrogate() && i + 1 < n && text.at(i + 1).isLowSurrogate()) {
            ++i; // a proper pair
            continue;
        }
        return i;
    }
    return -1;
}

bool isControl(char32_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

} // namespace

bool hasLoneSurrogate(const QString &text)
{
    return nextLoneSurrogate(text, 0) >= 0;
}

QString replaceLoneSurrogates(QString text)
{
    for (qsizetype i = nextLoneSurrogate(text, 0); i >= 0; i = nextLoneSurrogate(text, i + 1))
        text[i] = QChar::ReplacementCharacter;
    return text;
}

QJsonValue withoutLoneSurrogates(const QJsonValue &value)
{
    if (value.isString()) {
        const QString s = value.toString();
        return hasLoneSurrogate(s) ? QJsonValue(replaceLoneSurrogates(s)) : value;
    }
    if (value.isArray()) {
        QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            a[i] = withoutLoneSurrogates(a.at(i));
        return a;
    }
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        QJsonObject out;
        for (auto it = o.constBegin(); it != o.constEnd(); ++it)
            out.insert(replaceLoneSurrogates(it.key()), withoutLoneSurrogates(it.value()));
        return out;
    }
    return value;
}

bool isValidRoomName(const QString &name)
{
    if (name.isEmpty() || hasLoneSurrogate(name))
        return false;
    int codePoints = 0;
    for (const char32_t c : name.toUcs4()) {
        if (isControl(c) || ++codePoints > kMaxRoomNameLength)
            return false;
    }
    return true;
}

int jsonDepth(const QJsonValue &value, int limit)
{
    int deepest = 0;
    if (value.isArray()) {
        if (limit < 0)
            return 1;
        for (const QJsonValue &v : value.toArray())
            deepest = qMax(deepest, jsonDepth(v, limit - 1));
        return 1 + deepest;
    }
    if (value.isObject()) {
        if (limit < 0)
            return 1;
        const QJsonObject o = value.toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it)
            deepest = qMax(deepest, jsonDepth(it.value(), limit - 1));
        return 1 + deepest;
    }
    return 0;
}

} // namespace talker::protocol
