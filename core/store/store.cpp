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
