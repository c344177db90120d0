// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "server/transport.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <functional>
#include <vector>

class QSocketNotifier;

namespace talker::server {

class EpollTransport;

/// Watches the plain-TCP client sockets of one thread with one Linux epoll set, so that
/// Qt's event loop sees a single descriptor however many clients are connected (Qt's
/// own dispatchers poll() every socket on every wake-up). Output queued during one pass
/// is written once per transport at the end of the pass (a gather write of the shared lines).
/// There is one reactor per thread; a transport moved to another thread (a room shard)
/// re-registers with that thread's reactor.
class EpollReactor : public QObject
{
    Q_OBJECT

public:
    ~EpollReactor() override;

    /// The calling thread's reactor, created on first use; null when epoll is not
    /// available (then use SocketTransport).
    static EpollReactor *forCurrentThread();
    /// The calling thread's reactor if it was created; null otherwise.
    static EpollReactor *existingForCurrentThread();

    /// OutputPass::atEnd(): false when no pass is under way.
    bool runAtEndOfPass(QObject *context, std::function<void()> work);
    /// OutputPass::Hold: no flush is posted until the last hold is released, which flushes.
    void holdOutput() { ++m_holds; }
    void releaseOutput();

private:
    friend class EpollTransport;
    EpollReactor();
    bool watch(int fd, EpollTransport *transport, quint32 events);
    void setWritable(int fd, EpollTransport *transport, bool writable);
    void setInterest(int fd, EpollTransport *transport, quint32 events);
    void unwatch(int fd);
    void scheduleFlush(EpollTransport *transport);
    void forget(EpollTransport *transport);
    void dispatch();
    /// Runs what asked for the end of the pass (what it adds waits for the next end).
    void endPass();
    void flushAll();

    int m_epoll = -1;
    QSocketNotifier *m_notifier = nullptr;
    std::vector<EpollTransport *> m_dirty;
    int m_holds = 0;             ///< a pass or an OutputPass::Hold under way: no flush posted
    bool m_passUnderWay = false; ///< in dispatch()
    struct EndOfPass
    {
        QPointer<QObject> context;
        std::function<void()> work;
    };
    std::vector<EndOfPass> m_atEnd;
    bool m_flushPosted = false;
};

/// A Transport on a raw non-blocking socket watched by an EpollReactor. write() keeps a
/// reference to the (shared) bytes instead of copying them; the reactor flushes once
/// per event-loop pass.
class EpollTransport : public Transport
{
    Q_OBJECT

public:
    /// Wraps an accepted, connected socket descriptor (the transport owns it); null on failure.
    static EpollTransport *adopt(qintptr descriptor);
    ~EpollTransport() override;

    void write(const QByteArray &bytes) override;
    qint64 pendingOutput() const override { return m_pending; }
    void closeAfterFlush() override;
    void abort() override;
    QString address() const override;

protected:
    bool event(QEvent *event) override;

private:
    friend class EpollReactor;
    explicit EpollTransport(int fd);
    /// Registers with the current thread's reactor (after creation or a thread move).
    void attach();
    quint32 interest() const;
    void handleEvents(quint32 events);
    void readSome();
    /// Writes what is queued; false if the connection failed.
    bool flush();
    /// Leaves the reactor and closes the descriptor (once).
    void release();
    void shutdownNow();
    void finish();

    int m_fd;
    EpollReactor *m_reactor = nullptr; ///< of the transport's thread; null while moving
    QList<QByteArray> m_out;
    qsizetype m_headOffset = 0; ///< bytes of m_out.first() already written
    qint64 m_pending = 0;
    bool m_dirty = false;
    bool m_writable = false; ///< waiting for EPOLLOUT
    bool m_closing = false;  ///< close once the output is written
    bool m_eof = false;      ///< the client half-closed; only writing is left
    bool m_closed = false;   ///< fd closed, `closed` emitted or queued
};

} // namespace talker::server
