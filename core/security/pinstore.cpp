// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "security/pinstore.h"

#include "security/fingerprint.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace talker::security {

namespace {
const QLatin1String kPins("pins");
const QLatin1String kSha256("sha256");
const QLatin1String kHost("host");
const QLatin1String kPort("port");
} // namespace

PinStore::PinStore(const QString &filePath)
    : m_path(filePath)
{}

bool PinStore::load()
{
    m_pins.clear();
    m_error.clear();
    if (m_path.isEmpty())
        return true;
    QFile file(m_path);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("cannot read %1: %2").arg(m_path, file.errorString());
        return false;
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        m_error = QStringLiteral("%1 is not a pin file").arg(m_path);
        return false;
    }
    const QJsonObject pins = doc.object().value(kPins).toObject();
    for (auto it = pins.constBegin(); it != pins.constEnd(); ++it) {
        const QJsonObject o = it.value().toObject();
        Pin pin;
        pin.fingerprint = normalizeFingerprint(o.value(kSha256).toString());
        pin.host = o.value(kHost).toString();
        pin.port = quint16(o.value(kPort).toInt());
        if (!pin.fingerprint.isEmpty())
            m_pins.insert(it.key(), pin);
    }
    return true;
}

bool PinStore::setPin(const QString &accountId, const Pin &pin)
{
    Pin normalized = pin;
    normalized.fingerprint = normalizeFingerprint(pin.fingerprint);
    if (normalized.fingerprint.isEmpty() || accountId.isEmpty()) {
        m_error = QStringLiteral("not a SHA-256 fingerprint");
        return false;
    }
    m_pins.insert(accountId, normalized);
    return save();
}

bool PinStore::removePin(const QString &accountId)
{
    if (!m_pins.remove(accountId))
        return true;
    return save();
}

bool PinStore::save()
{
    if (m_path.isEmpty())
        return true;
    QJsonObject pins;
    for (auto it = m_pins.constBegin(); it != m_pins.constEnd(); ++it) {
        pins.insert(
            it.key(),
            QJsonObject{{kSha256, it->fingerprint}, {kHost, it->host}, {kPort, int(it->port)}});
    }
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        m_error = QStringLiteral("cannot write %1: %2").arg(m_path, file.errorString());
        return false;
    }
    file.write(QJsonDocument(QJsonObject{{kPins, pins}}).toJson());
    if (!file.commit()) {
        m_error = QStringLiteral("cannot write %1: %2").arg(m_path, file.errorString());
        return false;
    }
    return true;
}

} // namespace talker::security
