// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

namespace talker::test {

/// Why TLS tests cannot run here (no `openssl` command, no TLS backend in Qt); empty
/// when they can.
QString tlsUnavailableReason();

/// Writes a self-signed RSA certificate for CN=localhost (valid 2 days) and its
/// unencrypted key to DIR/cert.pem and DIR/key.pem with the `openssl` command.
/// False if openssl fails or takes over a minute.
bool makeSelfSignedCertificate(const QString &dir, QString *certificatePath, QString *keyPath);

} // namespace talker::test
