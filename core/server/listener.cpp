#include "server/listener.h"

#include <QFile>
#include <QLoggingCategory>
#include <QSslSocket>

#ifdef Q_OS_LINUX
#include "server/epollpeer.h"
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
    m_chain = QSslCertificate::fromPath(certificateFile, QSsl::Pem);
    if (m_chain.isEmpty()) {
        *error = QStringLiteral("cannot read certificate %1").arg(certificateFile);
        return false;
    }
    QFile keyIn(keyFile);
    if (!keyIn.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read key %1").arg(keyFile);
        return false;
    }
    const QByteArray pem = keyIn.readAll();
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        m_key = QSslKey(pem, algorithm, QSsl::Pem);
        if (!m_key.isNull())
            break;
    }
    if (m_key.isNull()) {
        *error = QStringLiteral("cannot parse private key %1").arg(keyFile);
        return false;
    }
    m_tls = true;
    return true;
}

void Listener::incomingConnection(qintptr descriptor)
{
#ifdef Q_OS_LINUX
    if (!m_tls && m_epoll) {
        if (Peer *peer = EpollPeer::adopt(descriptor))
            emit peerReady(peer);
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
    socket->setLocalCertificateChain(m_chain);
    socket->setPrivateKey(m_key);
    socket->setPeerVerifyMode(QSslSocket::VerifyNone);
    QObject::connect(socket, &QSslSocket::sslErrors, socket, [](const QList<QSslError> &errors) {
        qCInfo(lcListener) << "TLS handshake problem:" << errors;
    });
    socket->startServerEncryption();
    emit socketReady(socket);
}

} // namespace talker::server
