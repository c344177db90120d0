// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/searchmodel.h"

#include "client/account.h"
#include "client/accountregistry.h"
#include "client/conversation.h"
#include "client/historycache.h"
#include "client/room.h"
#include "client/session.h"
#include "protocol/searchquery.h"

#include <QRegularExpression>
#include <algorithm>

namespace talker::models {

namespace {
/// Results asked of each cache and each server.
constexpr int kLimit = 50;
const QString kRoomPrefix = QStringLiteral("room:");
const QString kDmPrefix = QStringLiteral("dm:");
} // namespace

SearchModel::SearchModel(QObject *parent)
    : QAbstractListModel(parent)
{}

client::AccountRegistry *SearchModel::registry() const
{
    return m_registry;
}

void SearchModel::setRegistry(client::AccountRegistry *registry)
{
    if (m_registry == registry)
        return;
    m_registry = registry;
    emit registryChanged();
}

void SearchModel::setQuery(const QString &query)
{
    const QString trimmed = query.trimmed();
    const bool changed = trimmed != m_query;
    m_query = trimmed;
    m_terms = protocol::searchquery::terms(trimmed);
    const int before = count();
    beginResetModel();
    m_rows.clear();
    searchCaches();
    endResetModel();
    const bool wasSearching = searching();
    m_waiting.clear();
    askServers();
    if (changed)
        emit queryChanged();
    if (count() != before)
        emit countChanged();
    if (wasSearching != searching())
        emit searchingChanged();
}

void SearchModel::searchCaches()
{
    if (!m_registry || m_terms.isEmpty())
        return;
    for (client::Account *account : m_registry->accounts()) {
        if (!account->cache())
            continue;
        for (const client::CacheIndex::Hit &hit : account->cache()->search(m_query, kLimit)) {
            const client::Message &m = hit.message;
            m_rows.append(Row{account->id(), hit.key,
                              chatNameFor(account->id(), hit.key, m.authorName), m.id, m.authorName,
                              m.text, m.time, false});
        }
    }
    std::stable_sort(m_rows.begin(), m_rows.end(),
                     [](const Row &a, const Row &b) { return a.time > b.time; });
}

void SearchModel::askServers()
{
    if (!m_registry || m_terms.isEmpty() || m_query.size() > protocol::searchquery::kMaxLength)
        return;
    for (client::Account *account : m_registry->accounts()) {
        // One connection per account is enough: the server searches all the user's rooms.
        for (client::Room *room : account->rooms()) {
            client::Session *session = room->session();
            if (!session->isConnected())
                continue;
            if (!m_hooked.contains(session)) {
                m_hooked.insert(session);
                const QString accountId = account->id();
                connect(session, &client::Session::searchResults, this,
                        [this, session, accountId](const protocol::SearchResultsEvent &r) {
                            onResults(session, accountId, r);
                        });
                connect(session, &client::Session::serverError, this,
                        [this, session](const protocol::ErrorEvent &e) {
                            onServerError(session, e.code);
                        });
                connect(session, &QObject::destroyed, this, [this, session] {
                    m_hooked.remove(session);
                    if (m_waiting.remove(session) && m_waiting.isEmpty())
                        emit searchingChanged();
                });
            }
            if (session->requestSearch(m_query, kLimit))
                m_waiting.insert(session);
            break;
        }
    }
}

void SearchModel::onResults(client::Session *session, const QString &accountId,
                            const protocol::SearchResultsEvent &results)
{
    if (results.query != m_query || !m_waiting.remove(session))
        return; // an answer to an older query
    const int before = count();
    for (const protocol::SearchHit &hit : results.results) {
        const protocol::MessageEvent &m = hit.message;
        QString key = kRoomPrefix + hit.room;
        if (m.isPrivate)
            key = kDmPrefix + (m.user.id == session->self().id ? m.to : m.user.id);
        if (contains(accountId, key, m.id))
            continue;
        insertSorted(Row{accountId, key, chatNameFor(accountId, key, m.user.name), m.id,
                         m.user.name, m.content, m.time, true});
    }
    if (count() != before)
        emit countChanged();
    if (m_waiting.isEmpty())
        emit searchingChanged();
}

void SearchModel::onServerError(client::Session *session, protocol::ErrorCode code)
{
    // This server adds nothing (e.g. cluster mode); the local results stay.
    using protocol::ErrorCode;
    const bool answers = code == ErrorCode::SearchNotAvailable ||
                         code == ErrorCode::EmptySearchQuery ||
                         code == ErrorCode::SearchQueryTooLong || code == ErrorCode::UnknownEventId;
    if (answers && m_waiting.remove(session) && m_waiting.isEmpty())
        emit searchingChanged();
}

void SearchModel::insertSorted(Row row)
{
    int at = 0;
    while (at < m_rows.size() && m_rows.at(at).time >= row.time)
        ++at;
    beginInsertRows(QModelIndex(), at, at);
    m_rows.insert(at, std::move(row));
    endInsertRows();
}

bool SearchModel::contains(const QString &accountId, const QString &key, const QString &id) const
{
    for (const Row &r : m_rows) {
        if (r.messageId == id && r.key == key && r.accountId == accountId)
            return true;
    }
    return false;
}

QString SearchModel::chatNameFor(const QString &accountId, const QString &key,
                                 const QString &fallback) const
{
    if (key.startsWith(kRoomPrefix))
        return key.mid(kRoomPrefix.size());
    client::Account *account = m_registry ? m_registry->account(accountId) : nullptr;
    const QString peerId = key.mid(kDmPrefix.size());
    if (client::Conversation *c = account ? account->conversation(peerId) : nullptr)
        return c->peerName();
    return fallback;
}

QString SearchModel::highlight(const QString &text) const
{
    // Mark every occurrence of each word (phrases word by word) on the plain text, then
    // escape the pieces: a match never cuts through an escaped character.
    QList<std::pair<qsizetype, qsizetype>> marks; // start, end
    for (const QString &term : m_terms) {
        for (const QString &word : term.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            const QRegularExpression re(QRegularExpression::escape(word),
                                        QRegularExpression::CaseInsensitiveOption);
            for (auto it = re.globalMatch(text); it.hasNext();) {
                const QRegularExpressionMatch m = it.next();
                marks.append({m.capturedStart(), m.capturedEnd()});
            }
        }
    }
    std::sort(marks.begin(), marks.end());
    QString out;
    qsizetype at = 0;
    for (const auto &[from, to] : std::as_const(marks)) {
        if (to <= at)
            continue;
        const qsizetype start = qMax(from, at);
        out += text.mid(at, start - at).toHtmlEscaped() + QLatin1String("<b>") +
               text.mid(start, to - start).toHtmlEscaped() + QLatin1String("</b>");
        at = to;
    }
    return out + text.mid(at).toHtmlEscaped();
}

int SearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant SearchModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= count())
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case AccountIdRole:
        return r.accountId;
    case ChatKeyRole:
        return r.key;
    case ChatNameRole:
        return r.chatName;
    case MessageIdRole:
        return r.messageId;
    case AuthorNameRole:
        return r.authorName;
    case Qt::DisplayRole:
    case TextRole:
        return r.text;
    case MarkedTextRole:
        return highlight(r.text);
    case TimeRole:
        return QDateTime::fromSecsSinceEpoch(r.time);
    case FromServerRole:
        return r.fromServer;
    default:
        return {};
    }
}

QHash<int, QByteArray> SearchModel::roleNames() const
{
    return {{AccountIdRole, "accountId"},   {ChatKeyRole, "chatKey"},
            {ChatNameRole, "chatName"},     {MessageIdRole, "messageId"},
            {AuthorNameRole, "authorName"}, {TextRole, "messageText"},
            {MarkedTextRole, "markedText"}, {TimeRole, "time"},
            {FromServerRole, "fromServer"}};
}

QVariantMap SearchModel::get(int row) const
{
    QVariantMap map;
    if (row < 0 || row >= count())
        return map;
    const QHash<int, QByteArray> names = roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        map.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return map;
}

client::HistoryPager *SearchModel::pagerFor(int row) const
{
    if (row < 0 || row >= count() || !m_registry)
        return nullptr;
    const Row &r = m_rows.at(row);
    client::Account *account = m_registry->account(r.accountId);
    if (!account)
        return nullptr;
    if (r.key.startsWith(kDmPrefix)) {
        client::Conversation *c = account->conversation(r.key.mid(kDmPrefix.size()));
        return c ? c->pager() : nullptr;
    }
    client::Room *room = account->room(r.key.mid(kRoomPrefix.size()));
    return room ? room->pager() : nullptr;
}

} // namespace talker::models
