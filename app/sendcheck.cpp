// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sendcheck.h"

#include "client/conversation.h"
#include "client/room.h"
#include "protocol/codec.h"

#include <QCoreApplication>

namespace talker::app::sendcheck {

namespace {
// A message shorter than this cannot reach kMaxBytes even if every character took
// the longest JSON escape ("\u0000", 6 bytes): no need to encode it to know.
constexpr qsizetype kAlwaysFits = (kMaxBytes - 1024) / 6;
} // namespace

qsizetype encodedSize(const client::Chat *chat, const QString &text)
{
    protocol::MessageEvent event;
    event.id = QString(40, QLatin1Char('x')); // at least as long as any id the client makes
    const bool action = text.startsWith(QLatin1String("/me "));
    event.content = action ? text.mid(4) : text;
    if (action)
        event.extra.insert(QStringLiteral("action"), true);
    if (const auto *conversation = qobject_cast<const client::Conversation *>(chat))
        event.to = conversation->peerId();
    return protocol::encode(event).size();
}

QString sizeText(qsizetype bytes)
{
    if (bytes < 1024)
        return QCoreApplication::translate("SendCheck", "%n byte(s)", nullptr, int(bytes));
    return QCoreApplication::translate("SendCheck", "%1 KiB").arg((bytes + 1023) / 1024);
}

QString sizeProblem(const client::Chat *chat, const QString &text)
{
    if (text.size() < kAlwaysFits)
        return QString();
    const qsizetype size = encodedSize(chat, text);
    if (size <= kMaxBytes)
        return QString();
    return QCoreApplication::translate("SendCheck", "Too long to send: %1, %2 at most.")
        .arg(sizeText(size), sizeText(kMaxBytes));
}

} // namespace talker::app::sendcheck
