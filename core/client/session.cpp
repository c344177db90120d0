// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "client/session.h"

#include "client/networkwatch.h"

#include "protocol/codec.h"

#include <QLoggingCategory>
#include <QSslSocket>
#include <QTcpSocket>
#include <utility>

namespace talker::client {

Q_LOGGING_CATEGORY(lcClientSession, "talker.client.session", QtInfoMsg)

using namespace protocol;

Session::Session(const AccountConfig &account, const QString &room, QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_room(room)
{
    m_pingTimer.setTimerType(Qt::CoarseTimer);
    m_deadLinkTimer.setSingleShot(true);
    m_connectTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    setSettings(m_settings);
    connect(&m_pingTimer, &QTimer::timeout, this, [this] {
        if (m_state != State::Connected)
            return;
        writeEvent(PingEvent{});
        if (!m_deadLinkTimer.isActive())
            m_deadLinkTimer.start();
    });
    connect(&m_deadLinkTimer, &QTimer::timeout, this,
            [this] { onSocketGone(tr("No answer from the server")); });
    connect(&m_connectTimer, &QTimer::timeout, this,
            [this] { onSocketGone(tr("The server did not answer in time")); });
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        m_nextRetry = QDateTime();
        connectSocket();
    });
    connect(NetworkWatch::instance(), &NetworkWatch::reachabilityChanged, this,
            &Session::onNetworkReachable);
}

Session::~Session()
{
    m_wanted = false;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket;
        m_socket = nullptr;
    }
}

void Session::setToken(const QString &token)
{
    m_token = token;
    m_authFailed = false;
}

void Session::setSettings(const SessionSettings &settings)
{
    m_settings = settings;
    m_pingTimer.setInterval(settings.pingIntervalMs);
    m_deadLinkTimer.setInterval(settings.deadLinkTimeoutMs);
    m_connectTimer.setInterval(settings.connectTimeoutMs);
    m_backoff.configure(settings.backoffInitialMs, settings.backoffMaxMs, settings.backoffJitter);
    m_decoder.setMaxFrameSize(settings.maxFrameSize);
}

void Session::setSslConfigurator(std::function<void(QSslSocket &)> configurator)
{
    m_sslConfigurator = std::move(configurator);
}

QString Session::statusText() const
{
    switch (m_state) {
    case State::Disconnected:
        if (m_authFailed)
            return tr("Authentication failed");
        return m_lastError.isEmpty() ? tr("Disconnected") : tr("Disconnected: %1").arg(m_lastError);
    case State::Connecting: {
        const QList<AccountConfig::Address> addresses = m_account.addresses();
        const AccountConfig::Address &a = addresses.at(m_addressIndex % addresses.size());
        return tr("Connecting to %1:%2…").arg(a.host).arg(a.port);
    }
    case State::Authenticating:
        return tr("Joining %1…").arg(m_room);
    case State::Connected:
        return tr("Connected");
    case State::Reconnecting:
        return tr("Offline (%1), retrying at %2")
            .arg(m_lastError, m_nextRetry.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
    }
    return QString();
}

void Session::open()
{
    m_wanted = true;
    if (m_state == State::Disconnected)
        connectSocket();
}

void Session::close()
{
    m_wanted = false;
    m_retryTimer.stop();
    m_nextRetry = QDateTime();
    if (m_socket) {
        if (m_state == State::Connected)
            writeEvent(CloseEvent{});
        m_socket->disconnect(this);
        m_socket->disconnectFromHost();
        QTcpSocket *socket = m_socket;
        m_socket = nullptr;
        if (socket->state() == QAbstractSocket::UnconnectedState)
            socket->deleteLater();
        else
            connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    }
    m_pingTimer.stop();
    m_deadLinkTimer.stop();
    m_connectTimer.stop();
    m_lastError.clear();
    setState(State::Disconnected);
    emit statusChanged();
}

void Session::retryNow()
{
    m_wanted = true;
    m_authFailed = false;
    if (m_state == State::Connected || m_state == State::Connecting ||
        m_state == State::Authenticating)
        return;
    m_retryTimer.stop();
    m_nextRetry = QDateTime();
    connectSocket();
}

bool Session::send(const MessageEvent &message)
{
    if (m_state != State::Connected || !m_socket)
        return false;
    writeEvent(message);
    return true;
}

bool Session::requestHistory(const QString &before, int limit)
{
    if (m_state != State::Connected || !m_socket || before.isEmpty())
        return false;
    writeEvent(HistoryRequest{before, limit});
    return true;
}

bool Session::requestSearch(const QString &query, int limit, const QString &before)
{
    if (m_state != State::Connected || !m_socket)
        return false;
    writeEvent(SearchRequest{query, limit, before});
    return true;
}

bool Session::collectHistory(Event &event)
{
    if (std::holds_alternative<HistoryStartEvent>(event)) {
        m_inHistory = true;
        m_historyMessages.clear();
        m_historyOldest.clear();
        return true;
    }
    if (!m_inHistory)
        return false;
    if (auto *m = std::get_if<MessageEvent>(&event)) {
        if (m_historyOldest.isEmpty())
            m_historyOldest = m->id;
        m_historyMessages.append(std::move(*m));
        return true;
    }
    if (auto *end = std::get_if<HistoryEndEvent>(&event)) {
        m_inHistory = false;
        const QList<MessageEvent> messages = std::exchange(m_historyMessages, {});
        emit historyPage(end->before, messages, std::exchange(m_historyOldest, {}), end->more);
        return true;
    }
    if (auto *p = std::get_if<PresenceEvent>(&event)) { // stored join/leave: not shown
        if (m_historyOldest.isEmpty())
            m_historyOldest = p->id;
        return true;
    }
    return false;
}

void Session::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    qCDebug(lcClientSession) << m_room << "state" << state;
    emit stateChanged(state);
    emit statusChanged();
}

void Session::connectSocket()
{
    dropSocket();
    if (m_token.isEmpty()) {
        m_lastError = tr("No token");
        setState(State::Disconnected);
        emit statusChanged();
        return;
    }
    m_decoder.reset();
    if (m_account.useTls) {
        auto *ssl = new QSslSocket(this);
        if (m_sslConfigurator)
            m_sslConfigurator(*ssl);
        connect(ssl, &QSslSocket::encrypted, this, &Session::onSocketConnected);
        m_socket = ssl;
    } else {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QAbstractSocket::connected, this, &Session::onSocketConnected);
    }
    connect(m_socket, &QIODevice::readyRead, this, &Session::onReadyRead);
    connect(m_socket, &QAbstractSocket::disconnected, this,
            [this] { onSocketGone(tr("Connection closed by the server")); });
    connect(m_socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_socket)
            onSocketGone(m_socket->errorString());
    });
    setState(State::Connecting);
    m_connectTimer.start();
    // Several addresses (cluster nodes): each attempt goes to the current one; a lost
    // or failed connection moves on to the next (onSocketGone).
    const QList<AccountConfig::Address> addresses = m_account.addresses();
    const AccountConfig::Address &address = addresses.at(m_addressIndex % addresses.size());
    if (auto *ssl = qobject_cast<QSslSocket *>(m_socket))
        ssl->connectToHostEncrypted(address.host, address.port);
    else
        m_socket->connectToHost(address.host, address.port);
}

void Session::onSocketConnected()
{
    setState(State::Authenticating);
    ConnectEvent c;
    c.room = m_room;
    c.token = m_token;
    if (!m_lastEventId.isEmpty())
        c.lastEventId = m_lastEventId;
    else if (m_settings.historyOnFirstJoin > 0)
        c.history = m_settings.historyOnFirstJoin;
    c.includePartial = m_includePartial;
    writeEvent(c);
}

void Session::onReadyRead()
{
    if (!m_socket)
        return;
    processIncoming(m_socket->readAll());
}

void Session::processIncoming(const QByteArray &bytes)
{
    m_deadLinkTimer.stop();
    m_decoder.append(bytes);
    QByteArray frame;
    emit incomingStarted();
    for (;;) {
        const FrameDecoder::Status status = m_decoder.next(&frame);
        if (status == FrameDecoder::Status::NeedMore)
            break;
        if (status == FrameDecoder::Status::TooLarge) {
            qCWarning(lcClientSession)
                << m_room << "dropped a frame over" << m_decoder.maxFrameSize() << "bytes";
            continue;
        }
        handleFrame(frame);
    }
    emit incomingFinished();
}

void Session::handleFrame(const QByteArray &frame)
{
    DecodeResult result = decode(frame);
    if (!result.ok()) {
        qCWarning(lcClientSession) << m_room << "ignored a bad event:" << result.errorMessage();
        return;
    }
    ++m_eventsReceived;
    handleEvent(std::move(*result.event));
}

void Session::handleEvent(Event &&event)
{
    if (collectHistory(event))
        return;
    if (auto *m = std::get_if<MessageEvent>(&event)) {
        emit messageReceived(*m);
    } else if (auto *p = std::get_if<PresenceEvent>(&event)) {
        emit presenceReceived(*p);
    } else if (auto *u = std::get_if<UsersEvent>(&event)) {
        emit usersReceived(u->users);
    } else if (auto *c = std::get_if<ConnectedEvent>(&event)) {
        m_connectTimer.stop();
        m_self = c->user;
        m_authFailed = false;
        m_lastError.clear();
        m_backoff.reset();
        setState(State::Connected);
        if (m_socket)
            m_pingTimer.start();
        emit statusChanged();
        emit connected(m_self);
    } else if (auto *e = std::get_if<ErrorEvent>(&event)) {
        qCInfo(lcClientSession) << m_room << "server error:" << e->message;
        emit serverError(*e);
        if (e->code == ErrorCode::AuthenticationFailed) {
            m_authFailed = true;
            m_lastError = e->message;
            m_retryTimer.stop();
            m_nextRetry = QDateTime();
            dropSocket();
            setState(State::Disconnected);
            emit statusChanged();
        }
    } else if (auto *r = std::get_if<SearchResultsEvent>(&event)) {
        emit searchResults(*r);
    } else if (std::holds_alternative<PongEvent>(event) ||
               std::holds_alternative<PingEvent>(event)) {
        // keep-alive traffic: the dead-link timer was already reset
    } else {
        qCWarning(lcClientSession) << m_room << "ignored unexpected event" << typeName(event);
    }
}

void Session::writeEvent(const Event &event)
{
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->write(encode(event));
}

void Session::dropSocket()
{
    m_inHistory = false; // a bracket cut off by the connection is dropped
    m_historyMessages.clear();
    m_pingTimer.stop();
    m_deadLinkTimer.stop();
    m_connectTimer.stop();
    if (!m_socket)
        return;
    QTcpSocket *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void Session::onSocketGone(const QString &why)
{
    if (!m_socket && m_state != State::Connected && m_state != State::Authenticating &&
        m_state != State::Connecting)
        return;
    qCInfo(lcClientSession) << m_room << "connection lost:" << why;
    const bool wasConnected = m_state == State::Connected;
    // read what is left before dropping (an error event just before close)
    if (m_socket && m_socket->bytesAvailable() > 0)
        processIncoming(m_socket->readAll());
    dropSocket();
    m_addressIndex = (m_addressIndex + 1) % int(m_account.addresses().size());
    if (!m_authFailed)
        m_lastError = why;
    if (wasConnected)
        emit disconnected();
    if (m_wanted && !m_authFailed)
        scheduleReconnect();
    else
        setState(State::Disconnected);
    emit statusChanged();
}

void Session::scheduleReconnect()
{
    const int delay = m_backoff.nextDelayMs();
    m_nextRetry = QDateTime::currentDateTimeUtc().addMSecs(delay);
    m_retryTimer.start(delay);
    setState(State::Reconnecting);
    emit statusChanged();
}

void Session::onNetworkReachable(bool reachable)
{
    if (reachable && m_wanted && !m_authFailed && m_state == State::Reconnecting) {
        qCInfo(lcClientSession) << m_room << "network is back, reconnecting now";
        retryNow();
    }
}

} // namespace talker::client
