#include "client/accountconfig.h"

namespace talker::client {

QString AccountConfig::label() const
{
    if (!displayName.isEmpty())
        return displayName;
    const QString server = host + QLatin1Char(':') + QString::number(port);
    return userName.isEmpty() ? server : userName + QLatin1Char('@') + server;
}

} // namespace talker::client
