// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

/// Invites: a secret code that lets its holder create one account (per use).
namespace talker::store {

/// An invite as the store keeps it. The code itself is never kept, only its hash.
struct InviteRecord
{
    qint64 id = 0;      ///< assigned by the store; `invite revoke` accepts it
    QString room;       ///< the room the link opens (may be empty)
    int uses = 1;       ///< accounts it may create in total
    int used = 0;       ///< accounts it has created
    qint64 created = 0; ///< epoch seconds
    qint64 expires = 0; ///< epoch seconds; unusable from then on
    bool revoked = false;

    /// True while it can still create an account.
    bool usable(qint64 nowSecs) const { return !revoked && used < uses && nowSecs < expires; }
};

/// What redeeming an invite did.
enum class RedeemResult {
    Ok,            ///< the account exists now
    InvalidInvite, ///< unknown, used up, expired or revoked
    NameTaken,     ///< another account has this name (ignoring case)
    Failed,        ///< the store failed (see lastError())
};

/// A new invite code: 128 random bits as 22 URL-safe characters, never starting with '-'.
QString generateInviteCode();

} // namespace talker::store
