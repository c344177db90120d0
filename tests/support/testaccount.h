// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// A client Account for tests against a real server on loopback. Header only, like
// fastsession.h: the client tests link the client core, the support library does not.
#pragma once

#include "client/account.h"
#include "fastsession.h"

#include <QDir>
#include <memory>

namespace talker::test {

/// An account of the server at 127.0.0.1:`port`, its cache `dir`/NAME.sqlite (so a
/// second account of that name is the app restarted), joined to Main. It connects
/// only when given a token.
inline std::unique_ptr<client::Account>
makeTestAccount(quint16 port, const QString &dir, const QString &name, const QString &token,
                const client::SessionSettings &settings = fastSessionSettings())
{
    client::AccountConfig c;
    c.id = name;
    c.host = QStringLiteral("127.0.0.1");
    c.port = port;
    auto a =
        std::make_unique<client::Account>(c, QDir(dir).filePath(name + QStringLiteral(".sqlite")));
    a->setSessionSettings(settings);
    a->joinRoom(QStringLiteral("Main"));
    if (!token.isEmpty())
        a->setToken(token);
    return a;
}

} // namespace talker::test
