// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "security/fingerprint.h"

#include <QCryptographicHash>
#include <QSslCertificate>

namespace talker::security {

namespace {

QString formatHex(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex(':').toUpper());
}

} // namespace

QString certificateFingerprint(const QSslCertificate &certificate)
{
    if (certificate.isNull())
        return QString();
    return formatHex(certificate.digest(QCryptographicHash::Sha256));
}

QString normalizeFingerprint(const QString &fingerprint)
{
    QByteArray hex;
    for (const QChar c : fingerprint) {
        if (c == QLatin1Char(':') || c.isSpace())
            continue;
        const char16_t u = c.unicode();
        const bool hexDigit =
            (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
        if (!hexDigit)
            return QString();
        hex.append(char(c.unicode()));
    }
    if (hex.size() != 64)
        return QString();
    return formatHex(QByteArray::fromHex(hex));
}

} // namespace talker::security
