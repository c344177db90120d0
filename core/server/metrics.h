// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

/// Process-wide server counters for `--metrics` (Prometheus text format). Lock-free:
/// any hub thread counts, the endpoint renders.
namespace talker::server::metrics {

/// An event received from a client, by its wire type ("message", "ping", ...).
void countIn(const QString &type);
/// `receivers` copies of an event of `type` sent to clients.
void countOut(const QString &type, int receivers);
/// How long the store (or JetStream) took to acknowledge a write.
void observeStoreAck(qint64 microseconds);
/// A replay on connect and how many events it sent.
void observeReplay(int events);
void countSlowReaderDropped();
void countThrottled();
void countAuthFailure();
/// Connections that joined a room (authenticated), and rooms with members here.
void addAuthenticated(int delta);
void addRooms(int delta);

/// Everything above in the text format; `node` (cluster mode) labels every sample,
/// `connections` is the server's count of open connections.
QByteArray render(const QString &node, int connections, bool healthy);

} // namespace talker::server::metrics
