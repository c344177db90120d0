// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace talker::server {

/// Wire lines produced on demand, as a connection's socket drains (see
/// Connection::sendStream): a long answer such as a history page is read from the
/// store a line at a time instead of being built up in memory first.
class LineSource
{
public:
    virtual ~LineSource() = default;
    /// The next line (ending in '\n'); false once the source is exhausted.
    virtual bool next(QByteArray *line) = 0;
};

} // namespace talker::server
