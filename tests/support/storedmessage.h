// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/store.h"

namespace talker::test {

/// A message event as a room stores it, by user 1, for store-level tests.
inline store::StoredEvent storedMessage(const QString &id, const QString &content,
                                        const QString &room = QStringLiteral("r"))
{
    store::StoredEvent e;
    e.room = room;
    e.id = id;
    e.kind = store::EventKind::Message;
    e.senderId = QStringLiteral("1");
    e.time = 1000;
    e.content = content;
    e.line = "{\"content\":\"" + content.toUtf8() + "\"}\n";
    return e;
}

} // namespace talker::test
