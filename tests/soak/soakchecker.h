// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QString>

namespace talker::soak {

/// One public message as the server stored it.
struct StoredMessage
{
    QString id;
    QString content;
};

/// Reads a room's stored history, in the server's order, through the protocol itself:
/// a plain socket joins the room with `history: N` and collects the replay (which ends
/// where the `users` event starts). Independent of the client core under test.
class SoakChecker
{
public:
    /// False (with error()) when the server could not be reached or refused the token.
    static bool readHistory(quint16 port, const QString &token, const QString &room,
                            QList<StoredMessage> *out, QString *error);
};

} // namespace talker::soak
