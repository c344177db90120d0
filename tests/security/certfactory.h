// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace talker::test {

/// Makes TLS certificates at test time with the `openssl` command (EC P-256, 2 days).
///
///     CertFactory certs;
///     const auto a = certs.selfSigned("a");         // a.crt + a.key, for 127.0.0.1
///     const auto ca = certs.authority("ca");
///     const auto leaf = certs.signedBy(ca, "leaf"); // SAN IP:127.0.0.1, DNS:localhost
class CertFactory
{
public:
    struct Files
    {
        QString certificate; ///< PEM
        QString key;         ///< PEM, unencrypted
        bool ok() const { return !certificate.isEmpty(); }
    };

    CertFactory();

    /// A self-signed server certificate for `altNames` (openssl subjectAltName syntax).
    Files selfSigned(const QString &name,
                     const QString &altNames = QStringLiteral("IP:127.0.0.1,DNS:localhost"));
    /// A certificate authority.
    Files authority(const QString &name);
    /// A server certificate signed by `ca`.
    Files signedBy(const Files &ca, const QString &name,
                   const QString &altNames = QStringLiteral("IP:127.0.0.1,DNS:localhost"));
    /// What `openssl x509 -noout -fingerprint -sha256` prints after '='.
    QString opensslFingerprint(const QString &certificate);

    /// The last failing openssl command and its output (for QVERIFY2).
    QString lastError() const { return m_error; }

private:
    bool run(const QStringList &args, QByteArray *out = nullptr);

    QTemporaryDir m_dir;
    QString m_error;
};

} // namespace talker::test
