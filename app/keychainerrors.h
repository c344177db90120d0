// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <qt6keychain/keychain.h>

namespace talker::app::keychainerrors {

/// Whether a failed keychain call means there is no keychain at all (so the plain
/// file may be used), rather than a keychain that is there and failed or refused.
bool noKeychain(QKeychain::Error code);

/// Whether a failed keychain call only ran out of time: the keychain is there but did
/// not answer (libsecret gives up after GDBus's 25 s, e.g. while an unlock prompt
/// waits), so the same call may well work when issued again. A refusal (locked and
/// the prompt cancelled, access denied) or a missing entry is not a timeout.
bool timedOut(QKeychain::Error code, const QString &errorString);

} // namespace talker::app::keychainerrors
