// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/inviteredemption.h"

#include "protocol/codec.h"

#include <QSslSocket>

namespace talker::client {

using namespace protocol;

namespace {
InviteRedemption::Outcome outcomeOf(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidInvite:
        return InviteRedemption::Outcome::InvalidInvite;
    case ErrorCode::NameTaken:
        return InviteRedemption::Outcome::NameTaken;
    case ErrorCode::InvalidName:
        return InviteRedemption::Outcome::InvalidName;
    default:
        return InviteRedemption::Outcome::Failed;
    }
}
} // namespace

InviteRedemption::InviteRedemption(const AccountConfig &account, QObject *parent)
    : QObject(parent)
    , m_account(account)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(15000);
    connect(&m_timer, &QTimer::timeout, this,
            [this] { finish(Outcome::Failed, tr("The server did not answer in time")); });
    m_connectTimer.setSingleShot(true);
    m_connectTimer.setInterval(5000);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] { addressFailed(tr("no answer")); });
}

InviteRedemption::~InviteRedemption()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void InviteRedemption::setSslConfigurator(std::function<void(QSslSocket &)> configurator)
{
    m_sslConfigurator = std::move(configurator);
}

void InviteRedemption::start(const QString &code, const QString &name)
{
    if (m_socket)
        return;
    m_request = encode(RegisterEvent{code, name});
    m_addresses = m_account.addresses();
    m_next = 0;
    m_failures.clear();
    m_timer.start();
    connectNext();
}

void InviteRedemption::connectNext()
{
    const AccountConfig::Address address = m_addresses.value(m_next);
    m_decoder.reset();
    m_sent = false;
    const auto send = [this] {
        m_connectTimer.stop();
        m_sent = true;
        m_socket->write(m_request);
    };
    if (m_account.useTls) {
        auto *ssl = new QSslSocket(this);
        if (m_sslConfigurator)
            m_sslConfigurator(*ssl);
        connect(ssl, &QSslSocket::encrypted, this, send);
        m_socket = ssl;
    } else {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QTcpSocket::connected, this, send);
    }
    connect(m_socket, &QTcpSocket::readyRead, this, &InviteRedemption::onReadyRead);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this] {
        // The server closes right after its answer: that close is no failure.
        if (m_socket && m_socket->bytesAvailable() > 0)
            onReadyRead();
        if (!m_socket)
            return;
        if (m_sent)
            finish(Outcome::Failed, m_socket->errorString());
        else
            addressFailed(m_socket->errorString());
    });
    m_connectTimer.start();
    if (auto *ssl = qobject_cast<QSslSocket *>(m_socket))
        ssl->connectToHostEncrypted(address.host, address.port);
    else
        m_socket->connectToHost(address.host, address.port);
}

void InviteRedemption::addressFailed(const QString &reason)
{
    if (!m_socket || m_sent)
        return;
    const AccountConfig::Address address = m_addresses.value(m_next);
    m_failures << QStringLiteral("%1:%2: %3").arg(address.host).arg(address.port).arg(reason);
    QTcpSocket *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
    if (++m_next < m_addresses.size()) {
        connectNext();
        return;
    }
    m_timer.stop();
    m_connectTimer.stop();
    // One address: its reason alone, as before; several: each one's.
    const QString error = m_failures.size() == 1 ? reason : m_failures.join(QStringLiteral("; "));
    emit finished(Outcome::Failed, protocol::User{}, QString(), error);
}

void InviteRedemption::onReadyRead()
{
    if (!m_socket)
        return;
    m_decoder.append(m_socket->readAll());
    QByteArray frame;
    while (m_socket && m_decoder.next(&frame) == FrameDecoder::Status::Frame) {
        DecodeResult result = decode(frame);
        if (!result.ok())
            continue;
        if (auto *r = std::get_if<RegisteredEvent>(&*result.event)) {
            finish(Outcome::Registered, QString(), r->user, r->token);
        } else if (auto *e = std::get_if<ErrorEvent>(&*result.event)) {
            finish(outcomeOf(e->code), e->message);
        }
    }
}

void InviteRedemption::finish(Outcome outcome, const QString &error, const protocol::User &user,
                              const QString &token)
{
    if (!m_socket)
        return;
    m_timer.stop();
    m_connectTimer.stop();
    QTcpSocket *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
    emit finished(outcome, user, token, error);
}

} // namespace talker::client
