// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/historycodec.h"

#include <QJsonArray>

#include <cmath>

namespace talker::protocol::historycodec {

namespace {

const QLatin1String kType("type");
const QLatin1String kBefore("before");
const QLatin1String kLimit("limit");
const QLatin1String kQuery("query");
const QLatin1String kMore("more");

/// Largest page a client can ask for before the server's own cap applies.
constexpr double kMaxLimit = 1 << 20;

DecodeResult invalid(const QString &field)
{
    DecodeResult r;
    r.error = ErrorCode::InvalidField;
    r.detail = field;
    return r;
}

DecodeResult ok(Event event)
{
    DecodeResult r;
    r.event = std::move(event);
    return r;
}

/// A positive whole `limit`, 0 when absent; false for anything else.
bool readLimit(const QJsonObject &o, int *limit)
{
    const QJsonValue v = o.value(kLimit);
    *limit = 0;
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isDouble())
        return false;
    const double d = qMin(v.toDouble(), kMaxLimit); // saturated: no cast overflow
    if (!(d >= 1) || d != std::floor(d))
        return false;
    *limit = int(d);
    return true;
}

/// An event id field: a non-empty string (numbers read as their text, like `id`).
std::optional<QString> readId(const QJsonValue &v)
{
    const QString id = coerceToString(v);
    if (id.isEmpty() || v.isBool())
        return std::nullopt;
    return id;
}

DecodeResult decodeHistory(const QJsonObject &o)
{
    HistoryRequest h;
    const std::optional<QString> before = readId(o.value(kBefore));
    if (!before)
        return invalid(kBefore);
    h.before = *before;
    if (!readLimit(o, &h.limit))
        return invalid(kLimit);
    return ok(h);
}

DecodeResult decodeSearch(const QJsonObject &o)
{
    SearchRequest s;
    const QJsonValue query = o.value(kQuery);
    if (!query.isString())
        return invalid(kQuery);
    s.query = query.toString();
    if (!readLimit(o, &s.limit))
        return invalid(kLimit);
    const QJsonValue before = o.value(kBefore);
    if (!before.isUndefined() && !before.isNull()) {
        const std::optional<QString> id = readId(before);
        if (!id)
            return invalid(kBefore);
        s.before = *id;
    }
    return ok(s);
}

DecodeResult decodeResults(const QJsonObject &o)
{
    SearchResultsEvent r;
    r.query = o.value(kQuery).toString();
    r.more = o.value(kMore).toBool();
    const QJsonArray results = o.value(QLatin1String("results")).toArray();
    for (const QJsonValue &v : results) {
        const QJsonObject hit = v.toObject();
        const DecodeResult event = decodeObject(hit.value(QLatin1String("event")).toObject());
        const auto *message = event.ok() ? std::get_if<MessageEvent>(&*event.event) : nullptr;
        if (!message)
            continue; // only messages are searched; skip anything else
        r.results.append(SearchHit{coerceToString(hit.value(QLatin1String("room"))), *message});
    }
    return ok(std::move(r));
}

} // namespace

std::optional<DecodeResult> decode(const QString &type, const QJsonObject &o)
{
    if (type == QLatin1String("history"))
        return decodeHistory(o);
    if (type == QLatin1String("search"))
        return decodeSearch(o);
    if (type == QLatin1String("history_start"))
        return ok(HistoryStartEvent{coerceToString(o.value(kBefore))});
    if (type == QLatin1String("history_end")) {
        const double count = o.value(QLatin1String("count")).toDouble();
        return ok(HistoryEndEvent{coerceToString(o.value(kBefore)),
                                  count > 0 && count < kMaxLimit ? int(count) : 0,
                                  o.value(kMore).toBool()});
    }
    if (type == QLatin1String("search_results"))
        return decodeResults(o);
    return std::nullopt;
}

QJsonObject toJson(const HistoryRequest &h)
{
    QJsonObject o{{kType, QStringLiteral("history")}, {kBefore, h.before}};
    if (h.limit > 0)
        o.insert(kLimit, h.limit);
    return o;
}

QJsonObject toJson(const HistoryStartEvent &h)
{
    return QJsonObject{{kType, QStringLiteral("history_start")}, {kBefore, h.before}};
}

QJsonObject toJson(const HistoryEndEvent &h)
{
    return QJsonObject{{kType, QStringLiteral("history_end")},
                       {kBefore, h.before},
                       {QStringLiteral("count"), h.count},
                       {kMore, h.more}};
}

QJsonObject toJson(const SearchRequest &s)
{
    QJsonObject o{{kType, QStringLiteral("search")}, {kQuery, s.query}};
    if (s.limit > 0)
        o.insert(kLimit, s.limit);
    if (!s.before.isEmpty())
        o.insert(kBefore, s.before);
    return o;
}

QJsonObject toJson(const SearchResultsEvent &r)
{
    QJsonArray results;
    for (const SearchHit &hit : r.results)
        results.append(QJsonObject{{QStringLiteral("room"), hit.room},
                                   {QStringLiteral("event"), protocol::toJson(hit.message)}});
    return QJsonObject{{kType, QStringLiteral("search_results")},
                       {kQuery, r.query},
                       {QStringLiteral("results"), results},
                       {kMore, r.more}};
}

} // namespace talker::protocol::historycodec
