// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// CertificateTrust against the real talker-server serving TLS with certificates made by
// the `openssl` command at test time: verification, the fingerprint offered for an
// untrusted server, trust-once pinning per account (persisted), and a changed
// certificate refused for a pinned account.
#include "certfactory.h"
#include "client/session.h"
#include "protocol/codec.h"
#include "security/certificatetrust.h"
#include "security/fingerprint.h"
#include "testserver.h"

#include <QFile>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using talker::security::CertificateTrust;
using talker::test::CertFactory;
using talker::test::TestServer;

namespace {

/// What one TLS connection attempt of an account came to.
struct Attempt
{
    bool encrypted = false;     ///< handshake completed
    bool authenticated = false; ///< the server answered `connect` with `connected`
    QString approvalFingerprint;
    QStringList problems;
    QString mismatchPinned;
    QString mismatchPresented;
    CertificateTrust::Verdict verdict = CertificateTrust::Verdict::Untrusted;
};

Attempt attempt(CertificateTrust &trust, const QString &account, quint16 port, const QString &token)
{
    Attempt a;
    const auto c1 = QObject::connect(&trust, &CertificateTrust::approvalNeeded,
                                     [&](const QString &acc, const QString &fp,
                                         const QStringList &problems, const QString &, quint16) {
                                         if (acc == account) {
                                             a.approvalFingerprint = fp;
                                             a.problems = problems;
                                         }
                                     });
    const auto c2 = QObject::connect(&trust, &CertificateTrust::pinMismatch,
                                     [&](const QString &acc, const QString &pinned,
                                         const QString &presented, const QString &, quint16) {
                                         if (acc == account) {
                                             a.mismatchPinned = pinned;
                                             a.mismatchPresented = presented;
                                         }
                                     });
    QSslSocket socket;
    trust.configure(socket, account);
    bool done = false;
    QByteArray received;
    QObject::connect(&socket, &QSslSocket::encrypted, [&] {
        a.encrypted = true;
        talker::protocol::ConnectEvent connect;
        connect.room = QStringLiteral("Main");
        connect.token = token;
        socket.write(talker::protocol::encode(connect));
    });
    QObject::connect(&socket, &QSslSocket::readyRead, [&] {
        received += socket.readAll();
        if (received.contains("\"type\":\"connected\"")) {
            a.authenticated = true;
            done = true;
        }
    });
    QObject::connect(&socket, &QAbstractSocket::disconnected, [&] { done = true; });
    QObject::connect(&socket, &QAbstractSocket::errorOccurred, [&] { done = true; });
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    (void)QTest::qWaitFor([&] { return done; }, 20000);
    socket.abort();
    QObject::disconnect(c1);
    QObject::disconnect(c2);
    a.verdict = trust.lastVerdict(account);
    return a;
}

} // namespace

class TestCertificateTrust : public QObject
{
    Q_OBJECT

private:
    CertFactory m_certs;
    CertFactory::Files m_selfA, m_selfB, m_ca, m_leaf, m_wrongHost;
    QString m_fpA, m_fpB, m_fpLeaf;
    QTemporaryDir m_profile;

    QString pinFile() const { return m_profile.filePath(QStringLiteral("certificate-pins.json")); }

    static QStringList tlsArgs(const CertFactory::Files &f)
    {
        return {QStringLiteral("--tls-cert"), f.certificate, QStringLiteral("--tls-key"), f.key};
    }

private slots:
    void initTestCase()
    {
        m_selfA = m_certs.selfSigned(QStringLiteral("a"));
        QVERIFY2(m_selfA.ok(), qPrintable(m_certs.lastError()));
        m_selfB = m_certs.selfSigned(QStringLiteral("b"));
        QVERIFY2(m_selfB.ok(), qPrintable(m_certs.lastError()));
        m_ca = m_certs.authority(QStringLiteral("ca"));
        QVERIFY2(m_ca.ok(), qPrintable(m_certs.lastError()));
        m_leaf = m_certs.signedBy(m_ca, QStringLiteral("leaf"));
        QVERIFY2(m_leaf.ok(), qPrintable(m_certs.lastError()));
        m_wrongHost = m_certs.signedBy(m_ca, QStringLiteral("elsewhere"),
                                       QStringLiteral("DNS:elsewhere.example"));
        QVERIFY2(m_wrongHost.ok(), qPrintable(m_certs.lastError()));
        m_fpA = m_certs.opensslFingerprint(m_selfA.certificate);
        m_fpB = m_certs.opensslFingerprint(m_selfB.certificate);
        m_fpLeaf = m_certs.opensslFingerprint(m_leaf.certificate);
        QVERIFY(!m_fpA.isEmpty() && !m_fpB.isEmpty() && m_fpA != m_fpB);
        QVERIFY(m_profile.isValid());
    }

    void fingerprintIsWhatOpensslPrints()
    {
        const auto certs = QSslCertificate::fromPath(m_selfA.certificate);
        QCOMPARE(certs.size(), 1);
        QCOMPARE(talker::security::certificateFingerprint(certs.first()), m_fpA);
        QCOMPARE(talker::security::certificateFingerprint(QSslCertificate()), QString());
    }

    void fingerprintsAreNormalized()
    {
        using talker::security::normalizeFingerprint;
        QCOMPARE(normalizeFingerprint(m_fpA.toLower()), m_fpA);
        QString bare = m_fpA;
        bare.remove(QLatin1Char(':'));
        QCOMPARE(normalizeFingerprint(bare), m_fpA);
        QCOMPARE(normalizeFingerprint(QStringLiteral("AB:CD")), QString());
        QCOMPARE(normalizeFingerprint(m_fpA.left(m_fpA.size() - 1) + QLatin1Char('G')), QString());
        CertificateTrust trust;
        QVERIFY(!trust.trust(QStringLiteral("x"), QStringLiteral("not a fingerprint")));
        QVERIFY(trust.pinnedFingerprint(QStringLiteral("x")).isEmpty());
    }

    void selfSignedServer_refusedThenTrustedOncePerAccount()
    {
        TestServer server(tlsArgs(m_selfA));
        QVERIFY(server.start());
        const QString token = server.addUser(QStringLiteral("alice"));
        QVERIFY(!token.isEmpty());

        {
            CertificateTrust trust(pinFile());
            // Not trusted: refused before the token is sent, fingerprint offered to the UI.
            Attempt a = attempt(trust, QStringLiteral("acct-1"), server.port(), token);
            QVERIFY(!a.encrypted);
            QVERIFY(!a.authenticated);
            QCOMPARE(a.approvalFingerprint, m_fpA);
            QVERIFY(!a.problems.isEmpty());
            QCOMPARE(a.verdict, CertificateTrust::Verdict::Untrusted);
            QCOMPARE(trust.pendingFingerprint(QStringLiteral("acct-1")), m_fpA);

            // The user accepts it once: pinned, and this account now connects.
            QVERIFY(trust.trust(QStringLiteral("acct-1"), a.approvalFingerprint,
                                QStringLiteral("127.0.0.1"), server.port()));
            a = attempt(trust, QStringLiteral("acct-1"), server.port(), token);
            QVERIFY(a.encrypted);
            QVERIFY(a.authenticated);
            QVERIFY(a.approvalFingerprint.isEmpty());
            QCOMPARE(a.verdict, CertificateTrust::Verdict::Pinned);
            QVERIFY(trust.pendingFingerprint(QStringLiteral("acct-1")).isEmpty());

            // The pin is per account: another account on the same server is still asked.
            a = attempt(trust, QStringLiteral("acct-2"), server.port(), token);
            QVERIFY(!a.encrypted);
            QCOMPARE(a.approvalFingerprint, m_fpA);
        }

        // Persisted: a new trust store (app restart) connects without asking.
        QFile file(pinFile());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray stored = file.readAll();
        QVERIFY(stored.contains(m_fpA.toLatin1()));
        QVERIFY(!stored.contains(token.toUtf8()));
        CertificateTrust again(pinFile());
        QCOMPARE(again.pinnedFingerprint(QStringLiteral("acct-1")), m_fpA);
        const Attempt a = attempt(again, QStringLiteral("acct-1"), server.port(), token);
        QVERIFY(a.authenticated);
        QVERIFY(a.approvalFingerprint.isEmpty());
    }

    void pinnedAccount_changedCertificateIsRefused()
    {
        TestServer server(tlsArgs(m_selfB));
        QVERIFY(server.start());
        const QString token = server.addUser(QStringLiteral("bob"));
        CertificateTrust trust(pinFile());                     // acct-1 is pinned to certificate A
        QVERIFY(trust.trust(QStringLiteral("acct-1"), m_fpA)); // (also when run alone)
        QCOMPARE(trust.pinnedFingerprint(QStringLiteral("acct-1")), m_fpA);

        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^REFUSED: .*")));
        Attempt a = attempt(trust, QStringLiteral("acct-1"), server.port(), token);
        QVERIFY(!a.encrypted);
        QVERIFY(!a.authenticated);
        QCOMPARE(a.mismatchPinned, m_fpA);
        QCOMPARE(a.mismatchPresented, m_fpB);
        QVERIFY(a.approvalFingerprint.isEmpty()); // loud refusal, not a quiet prompt
        QCOMPARE(a.verdict, CertificateTrust::Verdict::PinMismatch);
        // Still refused on retry: the pin is not replaced behind the user's back.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^REFUSED: .*")));
        a = attempt(trust, QStringLiteral("acct-1"), server.port(), token);
        QVERIFY(!a.authenticated);
        QCOMPARE(trust.pinnedFingerprint(QStringLiteral("acct-1")), m_fpA);

        // Forgetting the pin goes back to asking.
        QVERIFY(trust.forget(QStringLiteral("acct-1")));
        a = attempt(trust, QStringLiteral("acct-1"), server.port(), token);
        QVERIFY(!a.authenticated);
        QCOMPARE(a.approvalFingerprint, m_fpB);
        QVERIFY(a.mismatchPresented.isEmpty());
    }

    void caSignedServer_verifiesWithoutAsking()
    {
        TestServer server(tlsArgs(m_leaf));
        QVERIFY(server.start());
        const QString token = server.addUser(QStringLiteral("carol"));

        CertificateTrust unknownCa;
        Attempt a = attempt(unknownCa, QStringLiteral("acct-ca"), server.port(), token);
        QVERIFY(!a.encrypted);
        QCOMPARE(a.approvalFingerprint, m_fpLeaf);

        CertificateTrust trust;
        trust.addCaCertificates(QSslCertificate::fromPath(m_ca.certificate));
        a = attempt(trust, QStringLiteral("acct-ca"), server.port(), token);
        QVERIFY(a.encrypted);
        QVERIFY(a.authenticated);
        QVERIFY(a.approvalFingerprint.isEmpty());
        QCOMPARE(a.verdict, CertificateTrust::Verdict::Verified);

        // An account pinned to another certificate refuses even a CA-valid one.
        QVERIFY(trust.trust(QStringLiteral("acct-pinned"), m_fpA));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^REFUSED: .*")));
        a = attempt(trust, QStringLiteral("acct-pinned"), server.port(), token);
        QVERIFY(!a.encrypted);
        QCOMPARE(a.mismatchPresented, m_fpLeaf);
    }

    void clientSession_asksThenConnectsAfterTrust()
    {
        // The whole flow through the client core's hook: Session::setSslConfigurator.
        TestServer server(tlsArgs(m_selfA));
        QVERIFY(server.start());
        const QString token = server.addUser(QStringLiteral("erin"));
        CertificateTrust trust;
        talker::client::AccountConfig account;
        account.id = QStringLiteral("acct-session");
        account.port = server.port();
        account.useTls = true;
        talker::client::Session session(account, QStringLiteral("Main"));
        talker::client::SessionSettings settings = session.settings();
        settings.backoffInitialMs = 100;
        settings.backoffMaxMs = 200;
        session.setSettings(settings);
        session.setToken(token);
        session.setSslConfigurator(trust.configuratorFor(account.id));
        QSignalSpy asked(&trust, &CertificateTrust::approvalNeeded);
        QSignalSpy connected(&session, &talker::client::Session::connected);
        session.open();
        QTRY_VERIFY_WITH_TIMEOUT(asked.count() >= 1, 20000);
        QCOMPARE(asked.first().at(1).toString(), m_fpA);
        QVERIFY(!session.isConnected());
        QCOMPARE(connected.count(), 0);

        // The user accepts the fingerprint shown: the next attempt connects.
        QVERIFY(trust.trust(account.id, asked.first().at(1).toString()));
        session.retryNow();
        QTRY_VERIFY_WITH_TIMEOUT(connected.count() == 1, 20000);
        QCOMPARE(connected.first().at(0).value<talker::protocol::User>().name,
                 QStringLiteral("erin"));
        session.close();
    }

    void wrongHostName_isNotTrusted()
    {
        TestServer server(tlsArgs(m_wrongHost));
        QVERIFY(server.start());
        const QString token = server.addUser(QStringLiteral("dave"));
        CertificateTrust trust;
        trust.addCaCertificates(QSslCertificate::fromPath(m_ca.certificate));
        const Attempt a = attempt(trust, QStringLiteral("acct-host"), server.port(), token);
        QVERIFY(!a.encrypted);
        QVERIFY(!a.approvalFingerprint.isEmpty());
        QVERIFY2(a.problems.join(QLatin1Char('\n'))
                     .contains(QLatin1String("host name"), Qt::CaseInsensitive),
                 qPrintable(a.problems.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestCertificateTrust)
#include "tst_certificatetrust.moc"
