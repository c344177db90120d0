// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QHash>
#include <QString>

namespace talker::security {

/// Certificate pins, one per account: the SHA-256 fingerprint the user chose to trust.
/// Kept in a small JSON file (fingerprints are public, no secret is stored here) that is
/// rewritten atomically on every change.
class PinStore
{
public:
    struct Pin
    {
        QString fingerprint; ///< "AB:CD:..." (see certificateFingerprint())
        QString host;        ///< where it was seen, for the UI only
        quint16 port = 0;
    };

    /// `filePath` may not exist yet; an empty path keeps pins in memory only.
    explicit PinStore(const QString &filePath = QString());

    /// Reads the file. A missing file is an empty store; a broken one is an error.
    bool load();
    QString filePath() const { return m_path; }
    QString lastError() const { return m_error; }

    /// The pin of an account, or a Pin with an empty fingerprint.
    Pin pin(const QString &accountId) const { return m_pins.value(accountId); }
    bool hasPin(const QString &accountId) const { return m_pins.contains(accountId); }
    /// Sets and saves a pin; false when the fingerprint is malformed or saving failed.
    bool setPin(const QString &accountId, const Pin &pin);
    /// Removes and saves; false when saving failed.
    bool removePin(const QString &accountId);

private:
    bool save();

    QString m_path;
    QString m_error;
    QHash<QString, Pin> m_pins;
};

} // namespace talker::security
