// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/framedecoder.h"

#include <QString>

namespace talker::client {
class Chat;
}

namespace talker::app::sendcheck {

/// The most one message may take on the wire: the server closes a connection that
/// sends a longer frame, so the composer refuses such a message before it leaves.
constexpr qsizetype kMaxBytes = protocol::FrameDecoder::DefaultMaxFrameSize;

/// The bytes `text` takes as the message event `chat` would send (the JSON frame
/// with its escapes, the id, the recipient, the newline): what kMaxBytes limits.
qsizetype encodedSize(const client::Chat *chat, const QString &text);

/// "300 KiB", "12 KiB", "900 bytes".
QString sizeText(qsizetype bytes);

/// Why `text` cannot be sent into `chat` because of its size, empty when it can.
QString sizeProblem(const client::Chat *chat, const QString &text);

} // namespace talker::app::sendcheck
