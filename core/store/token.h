// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QString>

/// Secret tokens: generation and the one-way hash that is all the store keeps.
namespace talker::store {

/// A new high-entropy token (256 bits from the system RNG) as 43 URL-safe characters,
/// never starting with '-'.
QString generateToken();
/// The SHA-256 of the token, hex encoded. The store keeps only this.
QByteArray hashToken(const QString &token);
/// A new unique event id: 32 hex digits (128 random bits).
QString generateEventId();

} // namespace talker::store
