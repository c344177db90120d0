// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

class QSslCertificate;

namespace talker::security {

/// The SHA-256 fingerprint of a certificate (DER), as upper-case hex bytes joined by
/// colons: "AB:CD:...". This is the form `openssl x509 -noout -fingerprint -sha256`
/// prints, so a user can compare it with what the server's admin reads out.
QString certificateFingerprint(const QSslCertificate &certificate);

/// Normalises a fingerprint typed or pasted by a user ("ab cd..", "abcd..", "AB:CD..")
/// to the form above; returns an empty string unless it is exactly 32 bytes of hex.
QString normalizeFingerprint(const QString &fingerprint);

} // namespace talker::security
