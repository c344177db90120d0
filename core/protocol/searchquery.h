// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

/// What a search query means, shared by the server's store and the client's cache so
/// that both find the same messages: every word must occur, `talk*` matches words
/// starting with "talk", `"exact phrase"` matches those words in a row. Nothing else is
/// special: operators and punctuation are plain text, so no input is a syntax error.
namespace talker::protocol::searchquery {

/// Longest query the server accepts (characters).
constexpr int kMaxLength = 256;

/// The query as an SQLite FTS5 MATCH expression; empty when it holds no word at all.
QString toFts5(const QString &text);

/// The query's words and phrases without quotes or `*` (for highlighting matches).
QStringList terms(const QString &text);

} // namespace talker::protocol::searchquery
