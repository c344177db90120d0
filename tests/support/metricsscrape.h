// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace talker::test {

/// A plain HTTP/1.0 answer: status and body.
struct HttpReply
{
    int status = 0;
    QByteArray body;
};

/// GET `path` from the server's `--metrics` port on loopback (status 0 when unreachable).
HttpReply httpGet(quint16 port, const QByteArray &path);

/// The value of the Prometheus sample `name` whose labels contain `labelPart`, -1 if absent.
double sample(const QByteArray &text, const QByteArray &name, const QByteArray &labelPart = {});

} // namespace talker::test
