// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/// The rules every user name follows, in one place: `talker-server user add` and the
/// wire's `register` both go through checkUserName(), and the store keeps names
/// unique by userNameKey().
namespace talker::protocol {

/// Why a name is refused.
enum class NameProblem {
    None,
    Empty,         ///< no characters at all
    TooLong,       ///< more than kMaxUserNameLength characters
    EdgeSpace,     ///< starts or ends with white space
    InvisibleChar, ///< a control, format (zero-width, bidi override), separator,
                   ///< surrogate, private-use or unassigned character
    AllDigits,     ///< only digits: a private message's `to` may name a user id
    MixedScripts,  ///< letters of two scripts (e.g. a Cyrillic "а" in "аlice")
};

/// Longest name in characters (Unicode code points, after NFC).
inline constexpr int kMaxUserNameLength = 64;

/// The name as it is stored and shown: normalized to NFC. Check this form.
QString normalizeUserName(const QString &name);
/// Checks a name already passed through normalizeUserName().
NameProblem checkUserName(const QString &normalized);
/// A sentence for people (CLI output, logs) saying what is wrong.
QString nameProblemText(NameProblem problem);
/// Two names collide when their keys are equal: NFC of the case-folded name.
QString userNameKey(const QString &name);

} // namespace talker::protocol
