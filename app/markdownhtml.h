// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace talker::app {
struct MessageStyle;
}

/// Markdown of a message to the rich text QML shows, and to plain text. No HTML from
/// the sender passes: <tags> stay text.
namespace talker::app::markdown {

/// Single line breaks are kept (a chat message is not a document), `_x_` is
/// italic, headings stay near body size, quotes and code get `style`'s colours.
QString toHtml(const QString &text, const MessageStyle &style);
/// The text without markdown marks; line breaks kept.
QString toPlainText(const QString &text);

} // namespace talker::app::markdown
