#pragma once

#include <QString>

namespace talker::client {

/// Where and as whom an account connects. Never holds the token: the app hands the
/// token to Account::setToken() from its keychain.
struct AccountConfig
{
    QString id; ///< stable local key (file names, registry); made by the registry
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 8500;
    bool useTls = false;
    QString userName;    ///< the user's name, learnt from `connected` (mention detection)
    QString userId;      ///< the user's id, learnt from `connected` (own-message detection)
    QString displayName; ///< label of the account in the UI (defaults to user@host)

    /// "user@host:port", or displayName when set.
    QString label() const;
};

} // namespace talker::client
