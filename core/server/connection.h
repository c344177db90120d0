// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "protocol/events.h"
#include "protocol/framedecoder.h"
#include "protocol/protocolerror.h"
#include "server/ratelimiter.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <memory>

class QTimer;

namespace talker::server {

class Hub;
class LineSource;
class Transport;
class Room;
struct Member;

/// One client connection: frames and decodes what its Transport receives, enforces the
/// per-connection limits, and hands events to the Hub (before `connected`) or to its
/// Room (after). Deletes itself once its transport is closed.
class Connection : public QObject
{
    Q_OBJECT

public:
    enum class State { AwaitingConnect, Authenticating, Connected, Closing, Closed };

    /// Takes ownership of `transport`.
    Connection(Transport *transport, Hub *hub, QObject *parent = nullptr);
    ~Connection() override;

    /// Queues one wire line for this client (a no-op once closing). A client whose
    /// unsent output goes over the limit is dropped as a slow reader.
    ///
    /// Lines wait in this connection's own queue, still sharing their bytes with every
    /// other receiver of the same broadcast; only about `kSocketWindow` bytes at a time
    /// are copied into the socket, so a fan-out to many slow-ish clients costs one
    /// copy of each line, not one per receiver.
    void send(const QByteArray &line);
    /// Queues a whole answer whose lines `source` produces as the socket drains. It is
    /// atomic for this connection: everything sent afterwards (live events included)
    /// waits until the source is exhausted.
    void sendStream(std::unique_ptr<LineSource> source);
    /// Bytes handed to the socket before further lines wait in the queue.
    static constexpr qint64 kSocketWindow = 32 * 1024;
    /// Output not yet sent: queued lines plus the socket's buffer.
    qint64 pendingOutput() const;
    /// Sends an error event; closes afterwards when `close` is set.
    void sendError(const QString &message, bool close);
    void sendError(protocol::ErrorCode code, const QString &detail = QString());
    /// An error about one message: carries the message's `id` (none when empty).
    void sendErrorAbout(const QString &messageId, protocol::ErrorCode code,
                        const QString &detail = QString());
    /// Flushes what is queued, then closes. Detaches from the room without presence.
    void closeAfterFlush();

    State state() const { return m_state; }
    QString address() const { return m_address; }
    bool wantsPartial() const { return m_includePartial; }
    Room *room() const { return m_room; }
    Member *member() const { return m_member; }
    Hub *hub() const { return m_hub; }

    /// Called by the Hub: authentication succeeded and the connection joined `room`.
    void attach(Room *room, Member *member, bool includePartial);
    /// Called by the Room when it lets go of this connection (leave, drop).
    void detach();
    /// Called by a Hub after authentication when the room lives in another hub
    /// (another thread): moves this connection there and joins the room.
    void handOver(Hub *target, const protocol::User &user, const protocol::ConnectEvent &event);
    /// Called by the Hub: `on` holds the connection (it reads nothing and no longer
    /// times out) while the answer to a failed token waits; `off` resumes reading.
    void setAuthenticating(bool on);

signals:
    /// Emitted once, when the connection is gone for good.
    void finished(talker::server::Connection *connection);

private:
    void onReceived(const QByteArray &bytes);
    void processFrames();
    /// Milliseconds until the next event may be read: the event rate of this
    /// connection and the byte rate of its user.
    qint64 throttleWait();
    void handleFrame(const QByteArray &frame);
    void handleEvent(protocol::Event &&event);
    /// An event of a connection in a room, other than a message.
    void handleRoomEvent(protocol::Event &event);
    void onTransportClosed();
    void dropSlowReader();
    void pump();

    Transport *m_transport;
    Hub *m_hub;
    QString m_address;
    protocol::FrameDecoder m_decoder;
    RateLimiter m_limiter;
    /// One queued item: a line, or a stream whose lines are produced on demand.
    struct Output
    {
        QByteArray line;
        std::shared_ptr<LineSource> source;
    };
    QList<Output> m_queue;    ///< not yet handed to the socket, in order
    qint64 m_queuedBytes = 0; ///< bytes of the queued lines (streams not counted)
    QTimer *m_throttle = nullptr;
    QTimer *m_authTimer = nullptr;
    Room *m_room = nullptr;
    Member *m_member = nullptr;
    State m_state = State::AwaitingConnect;
    qsizetype m_maxPendingInput = 0;
    qint64 m_maxPendingOutput = 0;
    bool m_includePartial = false;
    bool m_processing = false;
};

} // namespace talker::server
