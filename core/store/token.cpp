// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "store/token.h"

#include "store/invite.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace talker::store {

namespace {

/// `Words` random 32-bit words in URL-safe base64. Never starting with '-': a code or token
/// pasted after a command (`talker-server invite revoke CODE`) would read as options.
template<int Words>
QString randomCode()
{
    quint32 words[Words];
    QString code;
    do {
        QRandomGenerator::system()->fillRange(words);
        const QByteArray raw(reinterpret_cast<const char *>(words), sizeof(words));
        code = QString::fromLatin1(
            raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    } while (code.startsWith(QLatin1Char('-')));
    return code;
}

} // namespace

QString generateToken()
{
    return randomCode<8>();
}

QString generateInviteCode()
{
    return randomCode<4>();
}

QByteArray hashToken(const QString &token)
{
    return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex();
}

QString generateEventId()
{
    static const char digits[] = "0123456789abcdef";
    quint64 words[2];
    QRandomGenerator::global()->fillRange(words);
    QString id(32, Qt::Uninitialized);
    QChar *out = id.data();
    for (int w = 0; w < 2; ++w) {
        quint64 v = words[w];
        for (int i = 0; i < 16; ++i) {
            *out++ = QLatin1Char(digits[v & 0xf]);
            v >>= 4;
        }
    }
    return id;
}

} // namespace talker::store
