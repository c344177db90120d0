// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/connection.h"

#include "protocol/codec.h"
#include "server/historyrequests.h"
#include "server/hub.h"
#include "server/linesource.h"
#include "server/metrics.h"
#include "server/room.h"
#include "server/servererrors.h"
#include "server/transport.h"
#include "server/userbyterate.h"

#include <QLoggingCategory>
#include <QTimer>

namespace talker::server {

Q_LOGGING_CATEGORY(lcConnection, "talker.server.connection")

using protocol::ErrorCode;
using protocol::Overloaded;

Connection::Connection(Transport *transport, Hub *hub, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_hub(hub)
    , m_address(transport->address())
{
    const ServerConfig &config = hub->config();
    m_transport->setParent(this);
    m_decoder.setMaxFrameSize(config.maxLineSize > 0 ? config.maxLineSize
                                                     : protocol::FrameDecoder::DefaultMaxFrameSize);
    m_limiter = RateLimiter(config.maxEventsPerSecond, config.eventBurst);
    m_maxPendingInput =
        config.maxPendingInput > 0 ? qMax(config.maxPendingInput, m_decoder.maxFrameSize()) : 0;
    m_maxPendingOutput = config.maxPendingOutput;
    connect(m_transport, &Transport::received, this, &Connection::onReceived);
    connect(m_transport, &Transport::closed, this, &Connection::onTransportClosed);
    connect(m_transport, &Transport::drained, this, &Connection::pump);
    if (config.authTimeoutMs > 0) {
        m_authTimer = new QTimer(this);
        m_authTimer->setSingleShot(true);
        connect(m_authTimer, &QTimer::timeout, this, [this] {
            if (m_state == State::AwaitingConnect || m_state == State::Authenticating) {
                qCInfo(lcConnection) << m_address << "did not authenticate in time";
                sendError(errors::text(errors::ServerError::AuthenticationTimeout), true);
            }
        });
        m_authTimer->start(int(qMin<qint64>(config.authTimeoutMs, INT_MAX)));
    }
}

Connection::~Connection() = default;

void Connection::send(const QByteArray &line)
{
    if (m_state == State::Closing || m_state == State::Closed)
        return;
    if (m_queue.isEmpty() && m_transport->pendingOutput() < kSocketWindow) {
        m_transport->write(line);
    } else {
        m_queue.append(Output{line, nullptr});
        m_queuedBytes += line.size();
        m_transport->wantDrained(); // pump() hands it over
    }
    if (m_maxPendingOutput > 0 && pendingOutput() > m_maxPendingOutput) {
        // A client that does not read: drop it before its backlog grows without bound.
        // Deferred, so that a broadcast loop is never changed under its feet.
        m_state = State::Closing;
        QMetaObject::invokeMethod(this, &Connection::dropSlowReader, Qt::QueuedConnection);
    }
}

qint64 Connection::pendingOutput() const
{
    return m_queuedBytes + m_transport->pendingOutput();
}

void Connection::sendStream(std::unique_ptr<LineSource> source)
{
    if (m_state == State::Closing || m_state == State::Closed)
        return;
    m_queue.append(Output{QByteArray(), std::move(source)});
    pump();
}

void Connection::pump()
{
    while (!m_queue.isEmpty() && m_transport->pendingOutput() < kSocketWindow) {
        Output &front = m_queue.front();
        if (front.source) {
            QByteArray line;
            if (front.source->next(&line))
                m_transport->write(line);
            else
                m_queue.removeFirst();
            continue;
        }
        m_queuedBytes -= front.line.size();
        m_transport->write(front.line);
        m_queue.removeFirst();
    }
    if (!m_queue.isEmpty())
        m_transport->wantDrained();
}

void Connection::dropSlowReader()
{
    metrics::countSlowReaderDropped();
    qCInfo(lcConnection) << m_address << "dropped: output backlog over" << m_maxPendingOutput
                         << "bytes";
    if (m_room)
        m_room->lost(this);
    m_transport->abort();
}

void Connection::sendError(const QString &message, bool close)
{
    send(protocol::encode(protocol::ErrorEvent{message}));
    if (close)
        closeAfterFlush();
}

void Connection::sendError(ErrorCode code, const QString &detail)
{
    sendErrorAbout(QString(), code, detail);
}

void Connection::sendErrorAbout(const QString &messageId, ErrorCode code, const QString &detail)
{
    send(protocol::encodeError(code, detail, messageId));
    if (protocol::errorCloses(code))
        closeAfterFlush();
}

void Connection::closeAfterFlush()
{
    if (m_state == State::Closing || m_state == State::Closed)
        return;
    if (m_room)
        m_room->lost(this);
    m_state = State::Closing;
    // Everything queued goes to the socket, which sends it before closing.
    for (const Output &out : std::as_const(m_queue)) {
        QByteArray line;
        if (!out.source)
            m_transport->write(out.line);
        while (out.source && out.source->next(&line))
            m_transport->write(line);
    }
    m_queue.clear();
    m_queuedBytes = 0;
    m_transport->closeAfterFlush();
}

void Connection::attach(Room *room, Member *member, bool includePartial)
{
    if (!m_room)
        metrics::addAuthenticated(1);
    m_room = room;
    m_member = member;
    m_includePartial = includePartial;
    m_state = State::Connected;
    if (m_authTimer)
        m_authTimer->stop();
    // Events that arrived while the authentication was pending.
    if (m_decoder.buffered() > 0)
        QMetaObject::invokeMethod(this, &Connection::processFrames, Qt::QueuedConnection);
}

void Connection::detach()
{
    if (m_room)
        metrics::addAuthenticated(-1);
    m_room = nullptr;
    m_member = nullptr;
}

void Connection::handOver(Hub *target, const protocol::User &user,
                          const protocol::ConnectEvent &event)
{
    // Stop processing here; the move happens once the current call stack has unwound.
    m_state = State::Authenticating;
    if (m_authTimer)
        m_authTimer->stop();
    QMetaObject::invokeMethod(
        this,
        [this, target, user, event] {
            if (m_state != State::Authenticating)
                return; // closed meanwhile
            setParent(nullptr);
            moveToThread(target->thread());
            QPointer<Connection> guard(this);
            QMetaObject::invokeMethod(
                target,
                [guard, target, user, event] {
                    if (!guard || guard->m_state != State::Authenticating)
                        return;
                    guard->m_hub = target;
                    guard->setParent(target);
                    target->joinRoom(guard, user, event);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void Connection::setAuthenticating(bool on)
{
    if (m_state != State::AwaitingConnect && m_state != State::Authenticating)
        return;
    m_state = on ? State::Authenticating : State::AwaitingConnect;
    if (on && m_authTimer)
        m_authTimer->stop(); // the outcome is decided; only its answer waits
    if (!on)
        QMetaObject::invokeMethod(this, &Connection::processFrames, Qt::QueuedConnection);
}

void Connection::onReceived(const QByteArray &bytes)
{
    if (m_state == State::Closing || m_state == State::Closed)
        return;
    m_decoder.append(bytes);
    if (m_maxPendingInput > 0 && m_decoder.buffered() > m_maxPendingInput) {
        qCInfo(lcConnection) << m_address << "flooding: closed";
        m_decoder.reset();
        sendError(errors::text(errors::ServerError::TooManyEvents), true);
        return;
    }
    processFrames();
}

void Connection::processFrames()
{
    if (m_processing)
        return;
    m_processing = true;
    QByteArray frame;
    while (m_state == State::AwaitingConnect || m_state == State::Connected) {
        {
            const qint64 wait = throttleWait();
            if (wait > 0) {
                if (m_decoder.buffered() == 0)
                    break;
                // Throttled: the rest waits in the buffer until the bucket refills.
                if (!m_throttle) {
                    m_throttle = new QTimer(this);
                    m_throttle->setSingleShot(true);
                    connect(m_throttle, &QTimer::timeout, this, &Connection::processFrames);
                }
                if (!m_throttle->isActive()) {
                    metrics::countThrottled();
                    m_throttle->start(int(wait));
                }
                break;
            }
        }
        const auto status = m_decoder.next(&frame);
        if (status == protocol::FrameDecoder::Status::NeedMore)
            break;
        if (status == protocol::FrameDecoder::Status::TooLarge) {
            sendError(ErrorCode::TooLarge);
            break;
        }
        m_limiter.take(m_hub->now());
        if (m_member && m_hub->byteRate()->enabled())
            m_hub->byteRate()->charge(m_member->user.id, frame.size(), m_hub->now());
        handleFrame(frame);
    }
    m_processing = false;
}

qint64 Connection::throttleWait()
{
    const qint64 now = m_hub->now();
    qint64 wait = m_limiter.enabled() ? m_limiter.waitMs(now) : 0;
    if (m_member && m_hub->byteRate()->enabled())
        wait = qMax(wait, m_hub->byteRate()->waitMs(m_member->user.id, now));
    return wait;
}

void Connection::handleFrame(const QByteArray &frame)
{
    protocol::DecodeResult result = protocol::decode(frame);
    if (!result.ok()) {
        if (m_state != State::Connected) {
            // A bad room of a `connect` says so; anything else before it is out of turn.
            const bool ownError =
                result.error == ErrorCode::InvalidJson || result.error == ErrorCode::InvalidRoom;
            sendError(ownError ? result.error : ErrorCode::NotConnected);
            return;
        }
        if (result.error == ErrorCode::InvalidJson) {
            sendError(result.error);
            return;
        }
        if (result.error == ErrorCode::InvalidRoom) {
            sendError(errors::text(errors::ServerError::AlreadyConnected), false);
            return;
        }
        if (!m_room) {
            sendErrorAbout(result.id, result.error, result.detail);
            return;
        }
        // After the messages this connection sent before (they may wait for the store).
        QPointer<Connection> self(this);
        m_hub->flushStore();
        if (!self || !m_room)
            return; // the flush's answers closed this connection or left the room
        Room *room = m_room;
        room->afterStored(
            [self, room, error = result.error, detail = result.detail, id = result.id] {
                if (!self || self->m_room != room)
                    return;
                room->touch(self);
                self->sendErrorAbout(id, error, detail);
            });
        return;
    }
    handleEvent(std::move(*result.event));
}

void Connection::handleEvent(protocol::Event &&event)
{
    metrics::countIn(protocol::typeName(event));
    if (m_state == State::AwaitingConnect) {
        if (auto *c = std::get_if<protocol::ConnectEvent>(&event)) {
            m_hub->requestConnect(this, *c);
        } else if (auto *r = std::get_if<protocol::RegisterEvent>(&event)) {
            m_hub->requestRegister(this, *r);
        } else {
            sendError(ErrorCode::NotConnected);
        }
        return;
    }
    if (m_state != State::Connected || !m_room)
        return;
    if (auto *m = std::get_if<protocol::MessageEvent>(&event)) {
        m_room->message(this, std::move(*m));
        return;
    }
    // Anything else is answered once the messages queued before it are stored and
    // delivered, so this connection sees events in the order it caused them; other
    // connections and rooms do not wait for that.
    QPointer<Connection> self(this);
    m_hub->flushStore();
    if (!self || !m_room)
        return; // the flush's answers closed this connection or left the room
    Room *room = m_room;
    auto waiting = std::make_shared<protocol::Event>(std::move(event));
    room->afterStored([self, room, waiting] {
        if (self && self->m_room == room)
            self->handleRoomEvent(*waiting);
    });
}

void Connection::handleRoomEvent(protocol::Event &event)
{
    Room *room = m_room;
    std::visit(Overloaded{
                   [&](protocol::MessageEvent &m) { room->message(this, std::move(m)); },
                   [&](protocol::PingEvent &) {
                       room->touch(this);
                       static const QByteArray pong = protocol::encode(protocol::PongEvent{});
                       send(pong);
                   },
                   [&](protocol::CloseEvent &) { room->close(this); },
                   [&](protocol::HistoryRequest &h) {
                       room->touch(this);
                       history::answer(this, h);
                   },
                   [&](protocol::SearchRequest &q) {
                       room->touch(this);
                       history::answer(this, q);
                   },
                   [&](protocol::ConnectEvent &) {
                       room->touch(this);
                       sendError(errors::text(errors::ServerError::AlreadyConnected), false);
                   },
                   [&](auto &other) {
                       room->touch(this);
                       const QString type = protocol::typeName(protocol::Event(other));
                       sendError(ErrorCode::UnknownType,
                                 QLatin1Char('"') + type + QLatin1Char('"'));
                   },
               },
               event);
}

void Connection::onTransportClosed()
{
    if (m_state == State::Closed)
        return;
    if (m_room)
        m_room->lost(this);
    m_state = State::Closed;
    emit finished(this);
    deleteLater();
}

} // namespace talker::server
