// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "security/pinstore.h"

#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslError>
#include <functional>

class QSslSocket;

namespace talker::security {

/// Decides whether a TLS server is trusted, per account, the way IRC/Quassel clients do:
///
/// - A certificate that verifies (system CAs plus addCaCertificates()) is trusted.
/// - One that does not (self-signed, unknown CA, wrong host name, expired) is refused,
///   and approvalNeeded() hands its SHA-256 fingerprint to the UI. When the user accepts
///   it, trust() pins that fingerprint to the account (persisted in the pin file) and the
///   next connection of that account succeeds with exactly that certificate.
/// - Once an account has a pin, only the pinned certificate is accepted for it, even one
///   a CA would vouch for: any other certificate is refused loudly (pinMismatch(), a
///   warning in the log) until the user trusts the new one or forget()s the pin.
///
/// The handshake is decided before `encrypted`, so the token is never sent to a server
/// that is not trusted. Use it with the client session:
///
///     session->setSslConfigurator(trust->configuratorFor(account.id));
class CertificateTrust : public QObject
{
    Q_OBJECT

public:
    enum class Verdict {
        Verified,    ///< the certificate verifies normally and no pin says otherwise
        Pinned,      ///< the account's pinned certificate
        Untrusted,   ///< does not verify and is not pinned: ask the user
        PinMismatch, ///< the account has a pin and this is another certificate
    };
    Q_ENUM(Verdict)

    /// Pins are kept in `pinFile` (JSON; created on first trust()). Empty: memory only.
    explicit CertificateTrust(const QString &pinFile = QString(), QObject *parent = nullptr);
    ~CertificateTrust() override;

    /// Loading problems of the pin file (empty when fine).
    QString lastError() const { return m_store.lastError(); }

    /// Extra certificate authorities trusted on top of the system ones (e.g. a
    /// company CA; tests use a CA made at run time).
    void addCaCertificates(const QList<QSslCertificate> &certificates);

    /// The pinned fingerprint of an account, empty when it has none.
    Q_INVOKABLE QString pinnedFingerprint(const QString &accountId) const;
    /// The user trusts this certificate for this account: pins and saves it. Returns
    /// false for a malformed fingerprint or when the pin file cannot be written.
    Q_INVOKABLE bool trust(const QString &accountId, const QString &fingerprint,
                           const QString &host = QString(), quint16 port = 0);
    /// Drops the account's pin (back to normal verification).
    Q_INVOKABLE bool forget(const QString &accountId);

    /// The decision for a presented certificate and the errors verification found.
    Verdict evaluate(const QString &accountId, const QSslCertificate &presented,
                     const QList<QSslError> &errors) const;

    /// Sets up a TLS socket of this account (CA list, verification, the error handler).
    /// Call before connectToHostEncrypted().
    void configure(QSslSocket &socket, const QString &accountId);
    /// `configure` bound to an account, for client::Session::setSslConfigurator().
    std::function<void(QSslSocket &)> configuratorFor(const QString &accountId);

    /// The last verdict of a handshake of this account (Untrusted before any).
    Verdict lastVerdict(const QString &accountId) const;
    /// The fingerprint of the last certificate this account refused and that waits for
    /// the user's decision (approvalNeeded or pinMismatch); empty when none. For a UI
    /// that opens after the signal was emitted.
    Q_INVOKABLE QString pendingFingerprint(const QString &accountId) const
    {
        return m_pending.value(accountId);
    }

signals:
    /// A certificate that does not verify was refused; show `fingerprint` and
    /// `problems` to the user and call trust() if they accept it, then reconnect.
    void approvalNeeded(const QString &accountId, const QString &fingerprint,
                        const QStringList &problems, const QString &host, quint16 port);
    /// The account's server presented another certificate than the pinned one; refused.
    void pinMismatch(const QString &accountId, const QString &pinnedFingerprint,
                     const QString &presentedFingerprint, const QString &host, quint16 port);

private:
    void onSslErrors(QSslSocket &socket, const QString &accountId, const QList<QSslError> &errors);

    PinStore m_store;
    QList<QSslCertificate> m_extraCas;
    QHash<QString, Verdict> m_verdicts;
    QHash<QString, QString> m_pending; ///< account -> refused fingerprint
};

} // namespace talker::security
