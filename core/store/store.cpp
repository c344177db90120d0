#include "store/store.h"

namespace talker::store {

Store::~Store() = default;

bool Store::appendAll(const QList<StoredEvent *> &events)
{
    for (StoredEvent *e : events) {
        if (!append(e))
            return false;
    }
    return true;
}

} // namespace talker::store

namespace talker::store {

HistoryPage Store::historyBefore(const QString &, const QString &, const QString &, int)
{
    return HistoryPage{};
}

std::optional<QByteArray> Store::lineAt(qint64)
{
    return std::nullopt;
}

SearchPage Store::search(const SearchQuery &)
{
    return SearchPage{};
}

} // namespace talker::store
