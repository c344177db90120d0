// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/epolltransport.h"

#include <QEvent>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QPointer>
#include <QSocketNotifier>
#include <QThreadStorage>
#include <QTimer>

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

namespace talker::server {

Q_LOGGING_CATEGORY(lcEpoll, "talker.server.epoll")

namespace {
constexpr int kEventsPerWait = 256;
constexpr int kWaitsPerActivation = 4; // then yield to Qt's other sources
constexpr qsizetype kReadChunk = 64 * 1024;
constexpr int kReadsPerEvent = 4; // fairness between busy clients
constexpr int kMaxIov = 512;
} // namespace

// ------------------------------------------------------------------ EpollReactor

EpollReactor::EpollReactor()
    : m_epoll(epoll_create1(EPOLL_CLOEXEC))
{
    if (m_epoll < 0) {
        qCWarning(lcEpoll) << "epoll_create1 failed:" << strerror(errno);
        return;
    }
    m_notifier = new QSocketNotifier(m_epoll, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &EpollReactor::dispatch);
}

EpollReactor::~EpollReactor()
{
    delete m_notifier;
    if (m_epoll >= 0)
        ::close(m_epoll);
}

namespace {
QThreadStorage<EpollReactor *> &reactors()
{
    static QThreadStorage<EpollReactor *> perThread;
    return perThread;
}
} // namespace

EpollReactor *EpollReactor::forCurrentThread()
{
    if (!reactors().hasLocalData())
        reactors().setLocalData(new EpollReactor);
    return existingForCurrentThread();
}

EpollReactor *EpollReactor::existingForCurrentThread()
{
    if (!reactors().hasLocalData())
        return nullptr;
    EpollReactor *reactor = reactors().localData();
    return reactor->m_epoll >= 0 ? reactor : nullptr;
}

bool EpollReactor::runAtEndOfPass(QObject *context, std::function<void()> work)
{
    if (!m_passUnderWay)
        return false;
    m_atEnd.push_back(EndOfPass{context, std::move(work)});
    return true;
}

void EpollReactor::releaseOutput()
{
    if (--m_holds == 0)
        flushAll();
}

bool EpollReactor::watch(int fd, EpollTransport *transport, quint32 events)
{
    epoll_event ev{};
    ev.events = events;
    ev.data.ptr = transport;
    return epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev) == 0;
}

void EpollReactor::setWritable(int fd, EpollTransport *transport, bool writable)
{
    setInterest(fd, transport, EPOLLIN | EPOLLRDHUP | (writable ? EPOLLOUT : 0u));
}

void EpollReactor::setInterest(int fd, EpollTransport *transport, quint32 events)
{
    epoll_event ev{};
    ev.events = events;
    ev.data.ptr = transport;
    epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &ev);
}

void EpollReactor::unwatch(int fd)
{
    epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
}

void EpollReactor::scheduleFlush(EpollTransport *transport)
{
    if (transport->m_dirty)
        return;
    transport->m_dirty = true;
    m_dirty.push_back(transport);
    if (m_holds == 0 && !m_flushPosted) {
        // Written from a timer or another connection type: flush when control returns
        // to the event loop, so that everything queued until then goes in one write.
        m_flushPosted = true;
        QMetaObject::invokeMethod(this, &EpollReactor::flushAll, Qt::QueuedConnection);
    }
}

void EpollReactor::forget(EpollTransport *transport)
{
    if (transport->m_dirty) {
        std::replace(m_dirty.begin(), m_dirty.end(), transport,
                     static_cast<EpollTransport *>(nullptr));
        transport->m_dirty = false;
    }
}

void EpollReactor::dispatch()
{
    ++m_holds;
    m_passUnderWay = true;
    epoll_event events[kEventsPerWait];
    std::vector<QPointer<EpollTransport>> batch;
    for (int round = 0; round < kWaitsPerActivation; ++round) {
        const int n = epoll_wait(m_epoll, events, kEventsPerWait, 0);
        if (n <= 0)
            break;
        // A handler may delete other transports (e.g. a slow reader dropped by a broadcast):
        // guard every transport of the batch.
        batch.clear();
        batch.reserve(size_t(n));
        for (int i = 0; i < n; ++i)
            batch.emplace_back(static_cast<EpollTransport *>(events[i].data.ptr));
        for (int i = 0; i < n; ++i) {
            if (EpollTransport *transport = batch[size_t(i)].data())
                transport->handleEvents(events[i].events);
        }
        endPass();
        flushAll();
        if (n < kEventsPerWait)
            break;
    }
    m_passUnderWay = false;
    endPass(); // what the last flush asked for
    releaseOutput();
}

void EpollReactor::endPass()
{
    const std::vector<EndOfPass> due = std::exchange(m_atEnd, {});
    for (const EndOfPass &e : due) {
        if (e.context)
            e.work();
    }
}

void EpollReactor::flushAll()
{
    m_flushPosted = false;
    // flush() may queue more (never for this list's transports) or delete transports: index loop.
    for (size_t i = 0; i < m_dirty.size(); ++i) {
        EpollTransport *transport = m_dirty[i];
        if (!transport)
            continue;
        transport->m_dirty = false;
        transport->flush();
    }
    m_dirty.clear();
}

// ------------------------------------------------------------------ EpollTransport

EpollTransport *EpollTransport::adopt(qintptr descriptor)
{
    const int fd = int(descriptor);
    const int flags = fcntl(fd, F_GETFL);
    if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) {
        ::close(fd);
        return nullptr;
    }
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    auto *transport = new EpollTransport(fd);
    transport->attach();
    if (!transport->m_reactor) {
        delete transport;
        return nullptr;
    }
    return transport;
}

EpollTransport::EpollTransport(int fd)
    : m_fd(fd)
{}

EpollTransport::~EpollTransport()
{
    release();
}

void EpollTransport::release()
{
    if (m_reactor)
        m_reactor->forget(this);
    if (m_fd >= 0) {
        if (m_reactor)
            m_reactor->unwatch(m_fd);
        ::close(m_fd);
        m_fd = -1;
    }
}

quint32 EpollTransport::interest() const
{
    if (m_eof)
        return EPOLLOUT;
    return EPOLLIN | EPOLLRDHUP | (m_writable ? EPOLLOUT : 0u);
}

void EpollTransport::attach()
{
    EpollReactor *reactor = EpollReactor::forCurrentThread();
    if (!reactor || m_fd < 0 || m_closed)
        return;
    if (!reactor->watch(m_fd, this, interest())) {
        qCWarning(lcEpoll) << "epoll_ctl(ADD) failed:" << strerror(errno);
        return;
    }
    m_reactor = reactor;
    if (!m_out.isEmpty())
        m_reactor->scheduleFlush(this);
}

bool EpollTransport::event(QEvent *event)
{
    if (event->type() == QEvent::ThreadChange && m_reactor) {
        // Sent in the old thread just before the move: leave this thread's reactor and
        // join the new thread's from there (posted events move with the object).
        m_reactor->forget(this);
        if (m_fd >= 0)
            m_reactor->unwatch(m_fd);
        m_reactor = nullptr;
        QMetaObject::invokeMethod(this, &EpollTransport::attach, Qt::QueuedConnection);
    }
    return Transport::event(event);
}

QString EpollTransport::address() const
{
    sockaddr_storage storage{};
    socklen_t len = sizeof storage;
    if (m_fd < 0 || getpeername(m_fd, reinterpret_cast<sockaddr *>(&storage), &len) != 0)
        return QString();
    QHostAddress address(reinterpret_cast<sockaddr *>(&storage));
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).toString() : address.toString();
}

void EpollTransport::write(const QByteArray &bytes)
{
    if (m_closed || m_closing || bytes.isEmpty())
        return;
    m_out.append(bytes); // shares the bytes: no copy per receiver
    m_pending += bytes.size();
    if (m_reactor)
        m_reactor->scheduleFlush(this); // else attach() flushes after a thread move
}

bool EpollTransport::flush()
{
    if (m_fd < 0 || !m_reactor)
        return false;
    bool wrote = false;
    while (!m_out.isEmpty()) {
        iovec iov[kMaxIov];
        int count = 0;
        for (qsizetype i = 0; i < m_out.size() && count < kMaxIov; ++i, ++count) {
            const QByteArray &chunk = m_out.at(i);
            const qsizetype skip = i == 0 ? m_headOffset : 0;
            iov[count].iov_base = const_cast<char *>(chunk.constData() + skip);
            iov[count].iov_len = size_t(chunk.size() - skip);
        }
        msghdr msg{};
        msg.msg_iov = iov;
        msg.msg_iovlen = size_t(count);
        const ssize_t n = ::sendmsg(m_fd, &msg, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                if (!m_writable) {
                    m_writable = true;
                    m_reactor->setWritable(m_fd, this, true);
                }
                if (wrote)
                    notifyDrained();
                return true;
            }
            shutdownNow();
            return false;
        }
        m_pending -= n;
        wrote = true;
        qsizetype left = qsizetype(n);
        while (left > 0) {
            const qsizetype inHead = m_out.first().size() - m_headOffset;
            if (left < inHead) {
                m_headOffset += left;
                left = 0;
            } else {
                left -= inHead;
                m_out.removeFirst();
                m_headOffset = 0;
            }
        }
        if (count == kMaxIov || !m_out.isEmpty())
            continue; // the kernel took everything offered so far: try the rest
    }
    m_out.clear(); // releases the list's capacity once drained
    if (m_writable && !m_eof) {
        m_writable = false;
        m_reactor->setWritable(m_fd, this, false);
    }
    if (m_closing) {
        shutdownNow();
        return true;
    }
    if (wrote)
        notifyDrained(); // the Connection may hand over more of its queue
    return true;
}

void EpollTransport::readSome()
{
    QPointer<EpollTransport> self(this);
    // One read buffer per thread; each read hands over exactly the bytes received.
    static thread_local char buffer[kReadChunk];
    for (int round = 0; round < kReadsPerEvent && m_fd >= 0 && !m_closed; ++round) {
        const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
        if (n > 0) {
            emit received(QByteArray(buffer, qsizetype(n)));
            if (!self)
                return;
            if (n < kReadChunk)
                return;
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        if (n < 0 && errno == EINTR)
            continue;
        if (n == 0 && !m_out.isEmpty()) {
            // The client half-closed: like QTcpSocket, send what is queued, then close.
            m_eof = true;
            m_closing = true;
            m_writable = true;
            m_reactor->setInterest(m_fd, this, interest());
            QTimer::singleShot(5000, this, [this] { abort(); });
            flush();
            return;
        }
        shutdownNow(); // 0 = the client closed; <0 = an error
        return;
    }
}

void EpollTransport::handleEvents(quint32 events)
{
    QPointer<EpollTransport> self(this);
    if (m_eof) {
        if (events & (EPOLLHUP | EPOLLERR))
            shutdownNow();
        else if (events & EPOLLOUT)
            flush();
        return;
    }
    if (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR))
        readSome(); // reads what is left, then sees the end of stream or the error
    if (!self || m_closed)
        return;
    if (events & EPOLLOUT)
        flush();
}

void EpollTransport::closeAfterFlush()
{
    if (m_closed || m_closing)
        return;
    m_closing = true;
    if (m_out.isEmpty()) {
        shutdownNow();
        return;
    }
    // flush() closes once everything is written; a client that never reads must not
    // keep the socket forever.
    QTimer::singleShot(5000, this, [this] { abort(); });
}

void EpollTransport::abort()
{
    m_out.clear();
    m_pending = 0;
    shutdownNow();
}

void EpollTransport::shutdownNow()
{
    if (m_closed)
        return;
    m_closed = true;
    release();
    QMetaObject::invokeMethod(this, &EpollTransport::finish, Qt::QueuedConnection);
}

void EpollTransport::finish()
{
    emit closed();
}

} // namespace talker::server
