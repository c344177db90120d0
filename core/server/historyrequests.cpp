// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/historyrequests.h"

#include "protocol/codec.h"
#include "protocol/searchquery.h"
#include "server/connection.h"
#include "server/hub.h"
#include "server/linesource.h"
#include "server/room.h"
#include "server/servererrors.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

namespace talker::server::history {

Q_LOGGING_CATEGORY(lcHistory, "talker.server.history")

namespace {

using errors::ServerError;

/// The page's lines, read from the store one at a time between its two brackets.
class PageStream : public LineSource
{
public:
    PageStream(store::Store *store, QList<qint64> seqs, QByteArray start, QByteArray end)
        : m_store(store)
        , m_seqs(std::move(seqs))
        , m_start(std::move(start))
        , m_end(std::move(end))
    {}

    bool next(QByteArray *line) override
    {
        if (!m_start.isEmpty()) {
            line->swap(m_start);
            m_start.clear();
            return true;
        }
        while (m_index < m_seqs.size()) {
            // A row that cannot be read now (database error) is skipped and logged:
            // the bracket still closes, so the client is never left waiting.
            if (std::optional<QByteArray> stored = m_store->lineAt(m_seqs.at(m_index++))) {
                *line = std::move(*stored);
                return true;
            }
            qCWarning(lcHistory) << "could not read a history line:" << m_store->lastError();
        }
        if (m_end.isEmpty())
            return false;
        line->swap(m_end);
        m_end.clear();
        return true;
    }

private:
    store::Store *m_store;
    QList<qint64> m_seqs;
    qsizetype m_index = 0;
    QByteArray m_start;
    QByteArray m_end;
};

int cappedLimit(int requested, int cap)
{
    const int limit = requested > 0 ? requested : kDefaultLimit;
    return qMax(1, qMin(limit, qMax(1, cap)));
}

void fail(Connection *connection, ServerError error)
{
    connection->sendError(errors::text(error), false);
}

/// A JSON string value as raw bytes (quotes and escapes included).
QByteArray jsonString(const QString &s)
{
    const QByteArray doc = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    return doc.mid(1, doc.size() - 2);
}

/// The results line, built from the stored lines as they are (no re-encoding); hits
/// that would take it over `maxLine` are left for the next page (`more`).
QByteArray resultsLine(const QString &query, const store::SearchPage &page, qint64 maxLine)
{
    const QByteArray head =
        "{\"type\":\"search_results\",\"query\":" + jsonString(query) + ",\"results\":[";
    const QByteArray moreTail = "],\"more\":true}\n";
    QByteArray body;
    bool more = page.more;
    for (const store::SearchHit &hit : page.hits) {
        QByteArray item =
            "{\"room\":" + jsonString(hit.room) + ",\"event\":" +
            hit.line.left(hit.line.endsWith('\n') ? hit.line.size() - 1 : hit.line.size()) + '}';
        if (!body.isEmpty())
            item.prepend(',');
        if (head.size() + body.size() + item.size() + moreTail.size() >= maxLine) {
            more = true;
            break;
        }
        body += item;
    }
    return head + body + (more ? moreTail : QByteArray("],\"more\":false}\n"));
}

} // namespace

void answer(Connection *connection, const protocol::HistoryRequest &request)
{
    store::Store *store = connection->hub()->store();
    const Room *room = connection->room();
    const Member *member = connection->member();
    const int limit = cappedLimit(request.limit, connection->hub()->config().replayCap);
    const store::HistoryPage page =
        store->historyBefore(room->name(), request.before, member->user.id, limit);
    if (!page.available)
        return fail(connection, ServerError::HistoryNotAvailable);
    if (!page.found)
        return fail(connection, ServerError::UnknownEventId);
    const QByteArray start = protocol::encode(protocol::HistoryStartEvent{request.before});
    const QByteArray end = protocol::encode(
        protocol::HistoryEndEvent{request.before, int(page.lineSeqs.size()), page.more});
    connection->sendStream(std::make_unique<PageStream>(store, page.lineSeqs, start, end));
}

void answer(Connection *connection, const protocol::SearchRequest &request)
{
    store::Store *store = connection->hub()->store();
    if (!store->canSearch())
        return fail(connection, ServerError::SearchNotAvailable);
    if (request.query.size() > protocol::searchquery::kMaxLength)
        return fail(connection, ServerError::SearchQueryTooLong);
    const QString match = protocol::searchquery::toFts5(request.query);
    if (match.isEmpty())
        return fail(connection, ServerError::EmptySearchQuery);
    const ServerConfig &config = connection->hub()->config();
    const qint64 maxLine = config.maxLineSize > 0 ? config.maxLineSize : 256 * 1024;
    store::SearchQuery query;
    query.userId = connection->member()->user.id;
    query.match = match;
    query.beforeId = request.before;
    query.limit = cappedLimit(request.limit, config.replayCap);
    query.maxBytes = maxLine; // bounds what is read; resultsLine() trims exactly
    const store::SearchPage page = store->search(query);
    if (!page.found)
        return fail(connection, ServerError::UnknownEventId);
    if (!store->lastError().isEmpty())
        qCWarning(lcHistory) << "search failed:" << store->lastError();
    connection->send(resultsLine(request.query, page, maxLine));
}

} // namespace talker::server::history
