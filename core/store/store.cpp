#include "store/store.h"

namespace talker::store {

Store::~Store() = default;

} // namespace talker::store
