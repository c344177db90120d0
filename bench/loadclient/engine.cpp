// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "engine.h"

#include "wire.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace talker::bench {

namespace {
constexpr std::size_t kReadBuffer = 256 * 1024;
constexpr std::size_t kLatencyBuckets = 1000000; // 10 us each, 10 s; above: the last
constexpr int kMaxErrorsShown = 5;
} // namespace

std::uint64_t nowNs()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<std::uint64_t>(ts.tv_sec) * 1000000000ull +
           static_cast<std::uint64_t>(ts.tv_nsec);
}

Engine::Engine(const Options &options)
    : m_opt(options)
    , m_epoll(epoll_create1(EPOLL_CLOEXEC))
    , m_rbuf(kReadBuffer)
{
    m_stats.latencyUs.assign(kLatencyBuckets + 1, 0);
    m_startNs = nowNs();
}

Engine::~Engine()
{
    for (Conn &c : m_conns)
        if (c.fd >= 0)
            ::close(c.fd);
    if (m_epoll >= 0)
        ::close(m_epoll);
}

int Engine::addConn(std::uint16_t room, bool publisher)
{
    Conn c;
    c.room = room;
    c.publisher = publisher;
    m_conns.push_back(std::move(c));
    return static_cast<int>(m_conns.size()) - 1;
}

std::string Engine::roomName(int room) const
{
    return m_opt.roomPrefix + std::to_string(room);
}

void Engine::open(int i)
{
    Conn &c = m_conns[i];
    c.fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (c.fd < 0) {
        std::fprintf(stderr, "loadclient: socket: %s\n", std::strerror(errno));
        c.state = Conn::Closed;
        ++m_stats.closed;
        return;
    }
    const int one = 1;
    setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (m_opt.srcAddrs > 0) {
        setsockopt(c.fd, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &one, sizeof one);
        sockaddr_in src{};
        src.sin_family = AF_INET;
        src.sin_addr.s_addr = htonl(0x7f000002u + static_cast<unsigned>(i % m_opt.srcAddrs));
        if (bind(c.fd, reinterpret_cast<sockaddr *>(&src), sizeof src) != 0)
            std::fprintf(stderr, "loadclient: bind: %s\n", std::strerror(errno));
    }
    sockaddr_in dst{};
    dst.sin_family = AF_INET;
    const int port = m_opt.ports.empty()
                         ? m_opt.port
                         : m_opt.ports[static_cast<std::size_t>(i) % m_opt.ports.size()];
    dst.sin_port = htons(static_cast<std::uint16_t>(port));
    inet_pton(AF_INET, m_opt.host.c_str(), &dst.sin_addr);
    if (connect(c.fd, reinterpret_cast<sockaddr *>(&dst), sizeof dst) != 0 &&
        errno != EINPROGRESS) {
        fail(i, std::strerror(errno));
        return;
    }
    c.state = Conn::Connecting;
    c.wantOut = true;
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLOUT;
    ev.data.u32 = static_cast<std::uint32_t>(i);
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, c.fd, &ev);
    ++m_pending;
}

void Engine::fail(int i, const char *why)
{
    Conn &c = m_conns[i];
    if (c.state == Conn::Closed)
        return;
    if (m_stats.closed < kMaxErrorsShown)
        std::fprintf(stderr, "loadclient: connection %d closed: %s\n", i, why);
    if (c.state == Conn::Connecting || c.state == Conn::Handshake)
        --m_pending;
    if (c.state == Conn::Ready)
        --m_ready;
    c.state = Conn::Closed;
    ++m_stats.closed;
    if (c.fd >= 0) {
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, c.fd, nullptr);
        ::close(c.fd);
        c.fd = -1;
    }
    c.out.clear();
    c.outOff = 0;
}

void Engine::setWantOut(int i, bool want)
{
    Conn &c = m_conns[i];
    if (c.wantOut == want || c.fd < 0)
        return;
    c.wantOut = want;
    epoll_event ev{};
    ev.events = EPOLLIN | (want ? EPOLLOUT : 0u);
    ev.data.u32 = static_cast<std::uint32_t>(i);
    epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &ev);
}

void Engine::flush(int i)
{
    Conn &c = m_conns[i];
    if (c.fd < 0 || c.state == Conn::Connecting)
        return;
    while (c.outOff < c.out.size()) {
        const ssize_t n =
            ::send(c.fd, c.out.data() + c.outOff, c.out.size() - c.outOff, MSG_NOSIGNAL);
        if (n > 0) {
            c.outOff += static_cast<std::size_t>(n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            setWantOut(i, true);
            return;
        }
        fail(i, n < 0 ? std::strerror(errno) : "send returned 0");
        return;
    }
    c.out.clear();
    c.outOff = 0;
    setWantOut(i, false);
}

void Engine::onConnected(int i)
{
    Conn &c = m_conns[i];
    int err = 0;
    socklen_t len = sizeof err;
    getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &err, &len);
    if (err != 0) {
        fail(i, std::strerror(err));
        return;
    }
    c.state = Conn::Handshake;
    if (m_opt.proto == Proto::Talker) {
        appendTalkerConnect(c.out, roomName(c.room),
                            c.publisher && !m_opt.pubToken.empty() ? m_opt.pubToken : m_opt.token);
    } else {
        appendMqttConnect(c.out, "lc" + std::to_string(getpid()) + "-" + std::to_string(i));
        if (!c.publisher)
            appendMqttSubscribe(c.out, 1, roomName(c.room));
    }
    flush(i);
}

void Engine::publish(int i, std::uint64_t seq, bool flushNow)
{
    Conn &c = m_conns[i];
    if (c.state != Conn::Ready)
        return;
    if (m_opt.proto == Proto::Talker)
        appendTalkerMessage(c.out, seq, nowNs(), m_opt.payload);
    else
        appendMqttPublish(c.out, roomName(c.room), seq, nowNs(), m_opt.payload);
    if (flushNow)
        flush(i);
}

namespace {
/// Adds one to a fixed-width decimal number in place.
void incrementDigits(char *digits, int width)
{
    for (int k = width - 1; k >= 0; --k) {
        if (digits[k] != '9') {
            ++digits[k];
            return;
        }
        digits[k] = '0';
    }
}
} // namespace

void Engine::onPayload(Conn &c, const char *p, std::size_t len)
{
    if (c.publisher)
        return; // a publisher's own copy: read and dropped
    if (m_checkOrder && !m_recordLatency && len >= kPayloadHeader && p[10] == ' ' &&
        std::memcmp(p, c.expectText, sizeof c.expectText) == 0) {
        // The expected next message: count it without parsing the number.
        ++c.received;
        ++m_stats.deliveries;
        ++c.expect;
        incrementDigits(c.expectText, int(sizeof c.expectText));
        return;
    }
    std::uint64_t seq = 0, sentNs = 0;
    if (!parsePayload(p, len, &seq, m_recordLatency ? &sentNs : nullptr))
        return;
    ++c.received;
    ++m_stats.deliveries;
    if (m_checkOrder) {
        if (seq == c.expect) {
            ++c.expect;
        } else if (seq > c.expect) {
            m_stats.gaps += seq - c.expect;
            c.expect = seq + 1;
        } else {
            ++m_stats.misordered;
        }
        char text[sizeof c.expectText + 1];
        std::snprintf(text, sizeof text, "%010llu", static_cast<unsigned long long>(c.expect));
        std::memcpy(c.expectText, text, sizeof c.expectText);
    }
    if (m_recordLatency) {
        const std::uint64_t ns = nowNs() - sentNs;
        const std::uint64_t b = ns / 1000 / kLatencyBucketUs;
        ++m_stats.latencyUs[b < kLatencyBuckets ? b : kLatencyBuckets];
        if (ns > m_stats.latencyMaxNs)
            m_stats.latencyMaxNs = ns;
        ++m_stats.latencyCount;
    }
}

std::size_t Engine::handleTalker(int i, const char *buf, std::size_t len)
{
    Conn &c = m_conns[i];
    std::size_t pos = 0;
    while (pos < len) {
        const char *line = buf + pos;
        const char *nl = static_cast<const char *>(std::memchr(line, '\n', len - pos));
        if (!nl)
            break;
        const std::size_t n = static_cast<std::size_t>(nl - line);
        pos += n + 1;
        if (c.reference)
            c.streamBytes += n + 1;
        std::size_t contentLen = 0;
        if (const char *content = findTalkerContent(line, n, &contentLen)) {
            onPayload(c, content, contentLen);
            if (c.reference)
                m_skim.messageEnds(c.room, c.streamBytes);
            continue;
        }
        if (c.state == Conn::Handshake && memmem(line, n, "\"type\":\"connected\"", 18)) {
            c.state = Conn::Ready;
            --m_pending;
            ++m_ready;
        } else if (memmem(line, n, "\"type\":\"error\"", 14)) {
            if (m_stats.errors++ < kMaxErrorsShown)
                std::fprintf(stderr, "loadclient: connection %d got: %.*s\n", i,
                             static_cast<int>(n > 200 ? 200 : n), line);
        }
    }
    return pos;
}

std::size_t Engine::handleMqtt(int i, const char *buf, std::size_t len)
{
    Conn &c = m_conns[i];
    std::size_t pos = 0;
    while (pos < len) {
        MqttPacket p;
        if (!nextMqttPacket(buf + pos, len - pos, &p)) {
            fail(i, "malformed MQTT packet");
            return len;
        }
        if (p.totalLen == 0)
            break;
        pos += p.totalLen;
        if (p.type == 3 && p.bodyLen >= 2) { // PUBLISH, QoS 0: topic then payload
            const std::size_t topicLen = (static_cast<unsigned char>(p.body[0]) << 8) |
                                         static_cast<unsigned char>(p.body[1]);
            if (2 + topicLen <= p.bodyLen)
                onPayload(c, p.body + 2 + topicLen, p.bodyLen - 2 - topicLen);
        } else if (p.type == 2 && c.state == Conn::Handshake) { // CONNACK
            if (p.bodyLen >= 2 && p.body[1] != 0) {
                ++m_stats.errors;
                fail(i, "CONNACK refused");
                return len;
            }
            if (c.publisher) {
                c.state = Conn::Ready;
                --m_pending;
                ++m_ready;
            }
        } else if (p.type == 9 && c.state == Conn::Handshake) { // SUBACK
            c.state = Conn::Ready;
            --m_pending;
            ++m_ready;
        }
    }
    return pos;
}

void Engine::onReadable(int i)
{
    Conn &c = m_conns[i];
    if (c.skim) {
        skimReadable(i);
        return;
    }
    const std::size_t keep = c.partial.size();
    if (keep >= m_rbuf.size() / 2) {
        fail(i, "line too long");
        return;
    }
    std::memcpy(m_rbuf.data(), c.partial.data(), keep);
    const ssize_t n = ::read(c.fd, m_rbuf.data() + keep, m_rbuf.size() - keep);
    if (!countRead(i, n))
        return;
    const std::size_t len = keep + static_cast<std::size_t>(n);
    const std::size_t used = m_opt.proto == Proto::Talker ? handleTalker(i, m_rbuf.data(), len)
                                                          : handleMqtt(i, m_rbuf.data(), len);
    if (c.state != Conn::Closed)
        c.partial.assign(m_rbuf.data() + used, len - used);
    if (c.reference)
        m_skim.setReferenceBytes(c.room, c.streamBytes);
}

bool Engine::countRead(int i, ssize_t n)
{
    if (n == 0) {
        fail(i, "closed by server");
        return false;
    }
    if (n < 0) {
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
            fail(i, std::strerror(errno));
        return false;
    }
    ++m_stats.reads;
    m_stats.readBytes += static_cast<std::uint64_t>(n);
    return true;
}

void Engine::skimReadable(int i)
{
    Conn &c = m_conns[i];
    // MSG_TRUNC on a TCP socket discards up to this many bytes without copying them.
    const ssize_t n = ::recv(c.fd, nullptr, 1 << 22, MSG_TRUNC | MSG_DONTWAIT);
    if (!countRead(i, n))
        return;
    c.streamBytes += static_cast<std::uint64_t>(n);
    refreshSkimmer(c);
}

void Engine::refreshSkimmer(Conn &c)
{
    const std::uint64_t seen = c.skimBase + m_skim.messagesWithin(c.room, c.streamBytes);
    if (seen <= c.expect)
        return;
    m_stats.deliveries += seen - c.expect;
    c.received += seen - c.expect;
    c.expect = seen;
}

void Engine::startSkimming()
{
    if (m_opt.readEvery <= 1 || m_opt.proto != Proto::Talker)
        return;
    int rooms = 0;
    for (const Conn &c : m_conns)
        rooms = std::max(rooms, c.room + 1);
    m_skim.reset(rooms);
    std::vector<bool> hasReference(static_cast<std::size_t>(rooms), false);
    for (std::size_t i = 0; i < m_conns.size(); ++i) {
        Conn &c = m_conns[i];
        // Only a receiver between lines starts at the same byte as its reference.
        if (c.publisher || c.state != Conn::Ready || !c.partial.empty())
            continue;
        if (!hasReference[c.room]) {
            hasReference[c.room] = true;
            c.reference = true;
        } else if (i % static_cast<std::size_t>(m_opt.readEvery) != 0) {
            c.skim = true;
            c.skimBase = c.expect;
            ++m_stats.skimmers;
        }
    }
}

void Engine::refreshSkimmers()
{
    if (m_stats.skimmers == 0)
        return;
    for (Conn &c : m_conns)
        if (c.skim)
            refreshSkimmer(c);
}

void Engine::checkSkimmers()
{
    refreshSkimmers();
    for (const Conn &c : m_conns)
        if (c.skim && c.state == Conn::Ready && c.streamBytes != m_skim.referenceBytes(c.room))
            ++m_stats.skimMismatch;
}

void Engine::onEvent(int i, std::uint32_t events)
{
    Conn &c = m_conns[i];
    if (c.state == Conn::Closed)
        return;
    if (c.state == Conn::Connecting) {
        if (events & (EPOLLOUT | EPOLLERR | EPOLLHUP))
            onConnected(i);
        return;
    }
    if (events & EPOLLIN)
        onReadable(i);
    if (c.state == Conn::Closed)
        return;
    if (events & EPOLLOUT)
        flush(i);
    if ((events & (EPOLLERR | EPOLLHUP)) && !(events & EPOLLIN))
        fail(i, "socket error");
}

void Engine::pingTick()
{
    if (m_opt.pingInterval <= 0 || m_conns.empty())
        return;
    const double elapsed = static_cast<double>(nowNs() - m_startNs) / 1e9;
    const auto target = static_cast<std::uint64_t>(elapsed / m_opt.pingInterval *
                                                   static_cast<double>(m_conns.size()));
    while (m_pings < target) {
        const int i = static_cast<int>(m_pings++ % m_conns.size());
        Conn &c = m_conns[i];
        if (c.state != Conn::Ready)
            continue;
        if (m_opt.proto == Proto::Talker)
            appendTalkerPing(c.out);
        else
            appendMqttPing(c.out);
        flush(i);
    }
}

void Engine::poll(int timeoutMs)
{
    epoll_event events[1024];
    const int n = epoll_wait(m_epoll, events, 1024, timeoutMs);
    for (int k = 0; k < n; ++k)
        onEvent(static_cast<int>(events[k].data.u32), events[k].events);
    pingTick();
}

bool Engine::connectAll(double deadlineSeconds)
{
    const std::uint64_t deadline = nowNs() + static_cast<std::uint64_t>(deadlineSeconds * 1e9);
    const int total = static_cast<int>(m_conns.size());
    while (m_ready + static_cast<int>(m_stats.closed) < total) {
        while (m_opened < total && m_pending < m_opt.maxPending)
            open(m_opened++);
        if (nowNs() > deadline) {
            std::fprintf(stderr, "loadclient: only %d of %d connections ready in %.0f s\n", m_ready,
                         total, deadlineSeconds);
            return false;
        }
        poll(10);
    }
    return m_stats.closed == 0;
}

} // namespace talker::bench
