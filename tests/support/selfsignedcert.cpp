// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "selfsignedcert.h"

#include <QDir>
#include <QProcess>
#include <QSslSocket>
#include <QStandardPaths>

namespace talker::test {

namespace {
QString openssl()
{
    return QStandardPaths::findExecutable(QStringLiteral("openssl"));
}
} // namespace

QString tlsUnavailableReason()
{
    if (openssl().isEmpty())
        return QStringLiteral("openssl command not installed");
    if (!QSslSocket::supportsSsl())
        return QStringLiteral("Qt has no TLS backend here");
    return QString();
}

bool makeSelfSignedCertificate(const QString &dir, QString *certificatePath, QString *keyPath)
{
    *certificatePath = QDir(dir).filePath(QStringLiteral("cert.pem"));
    *keyPath = QDir(dir).filePath(QStringLiteral("key.pem"));
    QProcess gen;
    gen.start(openssl(),
              {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
               QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
               *keyPath, QStringLiteral("-out"), *certificatePath, QStringLiteral("-days"),
               QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost")});
    return gen.waitForFinished(60000) && gen.exitStatus() == QProcess::NormalExit &&
           gen.exitCode() == 0;
}

} // namespace talker::test
