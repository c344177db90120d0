// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTextStream>

namespace talker::server::cli {

/// talker-server's standard output: what it reports (addresses, tokens, links).
QTextStream &out();
/// talker-server's standard error: why a command or option failed.
QTextStream &err();

} // namespace talker::server::cli
