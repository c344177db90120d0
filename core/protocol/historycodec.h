// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/codec.h"

#include <optional>

/// JSON <-> typed events for history paging and search [ext] (docs/protocol.md,
/// "History and search"). codec.cpp calls these; nothing else needs to.
namespace talker::protocol::historycodec {

/// Decodes `history`, `history_start`, `history_end`, `search` and `search_results`;
/// nullopt for any other type. A field of the wrong kind gives InvalidField naming it.
std::optional<DecodeResult> decode(const QString &type, const QJsonObject &object);

QJsonObject toJson(const HistoryRequest &event);
QJsonObject toJson(const HistoryStartEvent &event);
QJsonObject toJson(const HistoryEndEvent &event);
QJsonObject toJson(const SearchRequest &event);
QJsonObject toJson(const SearchResultsEvent &event);

} // namespace talker::protocol::historycodec
