// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "security/certificatetrust.h"

#include "security/fingerprint.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslSocket>

namespace talker::security {

Q_LOGGING_CATEGORY(lcTrust, "talker.security")

CertificateTrust::CertificateTrust(const QString &pinFile, QObject *parent)
    : QObject(parent)
    , m_store(pinFile)
{
    if (!m_store.load())
        qCWarning(lcTrust, "%s", qPrintable(m_store.lastError()));
}

CertificateTrust::~CertificateTrust() = default;

void CertificateTrust::addCaCertificates(const QList<QSslCertificate> &certificates)
{
    m_extraCas += certificates;
}

QString CertificateTrust::pinnedFingerprint(const QString &accountId) const
{
    return m_store.pin(accountId).fingerprint;
}

bool CertificateTrust::trust(const QString &accountId, const QString &fingerprint,
                             const QString &host, quint16 port)
{
    PinStore::Pin pin;
    pin.fingerprint = fingerprint;
    pin.host = host;
    pin.port = port;
    m_pending.remove(accountId);
    if (!m_store.setPin(accountId, pin)) {
        qCWarning(lcTrust, "cannot pin a certificate for account %s: %s", qPrintable(accountId),
                  qPrintable(m_store.lastError()));
        return false;
    }
    return true;
}

bool CertificateTrust::forget(const QString &accountId)
{
    m_verdicts.remove(accountId);
    return m_store.removePin(accountId);
}

CertificateTrust::Verdict CertificateTrust::evaluate(const QString &accountId,
                                                     const QSslCertificate &presented,
                                                     const QList<QSslError> &errors) const
{
    const QString pinned = pinnedFingerprint(accountId);
    if (!pinned.isEmpty()) {
        if (!presented.isNull() && certificateFingerprint(presented) == pinned)
            return Verdict::Pinned;
        return Verdict::PinMismatch;
    }
    return errors.isEmpty() && !presented.isNull() ? Verdict::Verified : Verdict::Untrusted;
}

CertificateTrust::Verdict CertificateTrust::lastVerdict(const QString &accountId) const
{
    return m_verdicts.value(accountId, Verdict::Untrusted);
}

void CertificateTrust::configure(QSslSocket &socket, const QString &accountId)
{
    QSslConfiguration config = socket.sslConfiguration();
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    const QString pinned = pinnedFingerprint(accountId);
    if (!pinned.isEmpty()) {
        // Only the pinned certificate may pass: with nothing else to chain to, any other
        // certificate (even a CA-signed one) fails verification and reaches onSslErrors.
        config.setCaCertificates({});
    } else if (!m_extraCas.isEmpty()) {
        config.setCaCertificates(config.caCertificates() + m_extraCas);
    }
    socket.setSslConfiguration(config);

    QPointer<CertificateTrust> self(this);
    QSslSocket *s = &socket;
    connect(s, &QSslSocket::sslErrors, s, [self, s, accountId](const QList<QSslError> &errors) {
        if (self)
            self->onSslErrors(*s, accountId, errors);
    });
    m_verdicts.remove(accountId);
    connect(s, &QSslSocket::encrypted, s, [self, s, accountId] {
        // Without errors there was no onSslErrors: record the verdict now. A pinned
        // account always goes through onSslErrors (it has no CA to chain to).
        if (!self || self->m_verdicts.contains(accountId))
            return;
        const Verdict verdict = self->evaluate(accountId, s->peerCertificate(), {});
        self->m_verdicts.insert(accountId, verdict);
        if (verdict != Verdict::Verified && verdict != Verdict::Pinned)
            s->abort();
    });
}

std::function<void(QSslSocket &)> CertificateTrust::configuratorFor(const QString &accountId)
{
    QPointer<CertificateTrust> self(this);
    return [self, accountId](QSslSocket &socket) {
        if (self)
            self->configure(socket, accountId);
        else
            socket.setPeerVerifyMode(QSslSocket::VerifyPeer);
    };
}

void CertificateTrust::onSslErrors(QSslSocket &socket, const QString &accountId,
                                   const QList<QSslError> &errors)
{
    const QSslCertificate presented = socket.peerCertificate();
    const QString fingerprint = certificateFingerprint(presented);
    const Verdict verdict = evaluate(accountId, presented, errors);
    m_verdicts.insert(accountId, verdict);
    const QString host = socket.peerName();
    const quint16 port = socket.peerPort();

    if (verdict == Verdict::Untrusted || verdict == Verdict::PinMismatch)
        m_pending.insert(accountId, fingerprint);
    else
        m_pending.remove(accountId);

    switch (verdict) {
    case Verdict::Pinned:
        socket.ignoreSslErrors(errors);
        return;
    case Verdict::Verified:
        return;
    case Verdict::PinMismatch: {
        const QString pinned = pinnedFingerprint(accountId);
        qCWarning(lcTrust,
                  "REFUSED: the server %s:%u of account %s presented certificate %s, but the "
                  "account trusts only %s. It may be an attack; the connection is refused.",
                  qPrintable(host), unsigned(port), qPrintable(accountId), qPrintable(fingerprint),
                  qPrintable(pinned));
        emit pinMismatch(accountId, pinned, fingerprint, host, port);
        return;
    }
    case Verdict::Untrusted: {
        QStringList problems;
        for (const QSslError &e : errors)
            problems.append(e.errorString());
        qCInfo(lcTrust, "untrusted certificate %s from %s:%u (account %s): %s",
               qPrintable(fingerprint), qPrintable(host), unsigned(port), qPrintable(accountId),
               qPrintable(problems.join(QLatin1String("; "))));
        emit approvalNeeded(accountId, fingerprint, problems, host, port);
        return;
    }
    }
}

} // namespace talker::security
