// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/listener.h"

#include <QFile>
#include <QLoggingCategory>
#include <QSslCipher>
#include <QSslKey>
#include <QSslSocket>

#ifdef Q_OS_LINUX
#include "server/epolltransport.h"
#endif

namespace talker::server {

Q_LOGGING_CATEGORY(lcListener, "talker.server.listener")

Listener::Listener(QObject *parent)
    : QTcpServer(parent)
{
#ifdef Q_OS_LINUX
    // Plain-TCP clients go through one epoll set per thread: Qt's dispatchers poll()
    // every socket notifier on each wake-up, which costs O(connections) per event.
    m_epoll = qEnvironmentVariableIsEmpty("TALKER_NO_EPOLL") && EpollReactor::forCurrentThread();
#endif
}

bool Listener::setTls(const QString &certificateFile, const QString &keyFile, QString *error)
{
    if (!QSslSocket::supportsSsl()) {
        *error = QStringLiteral("TLS is not available (no TLS backend)");
        return false;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certificateFile, QSsl::Pem);
    if (chain.isEmpty()) {
        *error = QStringLiteral("cannot read certificate %1").arg(certificateFile);
        return false;
    }
    QFile keyIn(keyFile);
    if (!keyIn.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read key %1").arg(keyFile);
        return false;
    }
    const QByteArray pem = keyIn.readAll();
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        key = QSslKey(pem, algorithm, QSsl::Pem);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        *error = QStringLiteral("cannot parse private key %1").arg(keyFile);
        return false;
    }
    // Forward secrecy: a TLS 1.2 suite must agree its keys by ECDHE (static-RSA suites
    // such as AES128-SHA let a stolen key decrypt recorded traffic). TLS 1.3 suites
    // are all forward-secret.
    QList<QSslCipher> ciphers;
    for (const QSslCipher &cipher : QSslConfiguration::supportedCiphers()) {
        if (cipher.protocol() == QSsl::TlsV1_3 || cipher.name().startsWith(QLatin1String("ECDHE-")))
            ciphers.append(cipher);
    }
    if (ciphers.isEmpty()) {
        *error = QStringLiteral("TLS backend offers no forward-secret cipher suite");
        return false;
    }
    m_tlsConfig = QSslConfiguration::defaultConfiguration();
    m_tlsConfig.setProtocol(QSsl::TlsV1_2OrLater);
    m_tlsConfig.setCiphers(ciphers);
    m_tlsConfig.setLocalCertificateChain(chain);
    m_tlsConfig.setPrivateKey(key);
    m_tlsConfig.setPeerVerifyMode(QSslSocket::VerifyNone);
    m_tls = true;
    return true;
}

void Listener::incomingConnection(qintptr descriptor)
{
#ifdef Q_OS_LINUX
    if (!m_tls && m_epoll) {
        if (Transport *transport = EpollTransport::adopt(descriptor))
            emit transportReady(transport);
        return;
    }
#endif
    if (!m_tls) {
        auto *socket = new QTcpSocket;
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        emit socketReady(socket);
        return;
    }
    auto *socket = new QSslSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    socket->setSslConfiguration(m_tlsConfig);
    QObject::connect(socket, &QSslSocket::sslErrors, socket, [](const QList<QSslError> &errors) {
        qCInfo(lcListener) << "TLS handshake problem:" << errors;
    });
    socket->startServerEncryption();
    emit socketReady(socket);
}

} // namespace talker::server
