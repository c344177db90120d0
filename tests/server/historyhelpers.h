// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Wire helpers for the history and search tests: one `history` bracket or one
// `search_results` line, read from a WireClient.
#include "wireclient.h"

#include <QJsonArray>

namespace talker::test {

/// One `history` answer: the events inside the bracket, and its two ends.
struct HistoryAnswer
{
    QJsonObject start;
    QList<QJsonObject> events;
    QJsonObject end;
    QList<QJsonObject> before; ///< what arrived before `history_start`
    bool complete() const { return !start.isEmpty() && !end.isEmpty(); }
};

inline QJsonObject historyRequest(const QString &before, int limit = 0)
{
    QJsonObject o{{kType, QStringLiteral("history")}, {QStringLiteral("before"), before}};
    if (limit > 0)
        o.insert(QStringLiteral("limit"), limit);
    return o;
}

/// Reads up to and including `history_end`; an incomplete answer on timeout.
inline HistoryAnswer readHistory(WireClient &client)
{
    HistoryAnswer answer;
    answer.start = client.waitFor(QStringLiteral("history_start"), &answer.before);
    if (answer.start.isEmpty())
        return answer;
    for (;;) {
        const QJsonObject o = client.next();
        if (o.isEmpty())
            return answer;
        if (o.value(kType).toString() == QLatin1String("history_end")) {
            answer.end = o;
            return answer;
        }
        answer.events.append(o);
    }
}

inline HistoryAnswer history(WireClient &client, const QString &before, int limit = 0)
{
    client.send(historyRequest(before, limit));
    return readHistory(client);
}

/// Sends `search` and returns the `search_results` line (empty on timeout).
inline QJsonObject search(WireClient &client, const QString &query, int limit = 0,
                          const QString &before = QString())
{
    QJsonObject o{{kType, QStringLiteral("search")}, {QStringLiteral("query"), query}};
    if (limit > 0)
        o.insert(QStringLiteral("limit"), limit);
    if (!before.isEmpty())
        o.insert(QStringLiteral("before"), before);
    client.send(o);
    return client.waitFor(QStringLiteral("search_results"));
}

/// The contents of a `search_results` line's events, newest first.
inline QStringList resultContents(const QJsonObject &results)
{
    QStringList out;
    for (const QJsonValue &v : results.value(QStringLiteral("results")).toArray())
        out.append(
            v.toObject().value(QStringLiteral("event")).toObject().value(kContent).toString());
    return out;
}

inline QString idOf(const QJsonObject &event)
{
    return event.value(QStringLiteral("id")).toString();
}

} // namespace talker::test
