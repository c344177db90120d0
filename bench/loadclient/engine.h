// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// The load client's engine: one thread, one epoll set, many non-blocking sockets that
// speak Talker or MQTT 3.1.1, with per-receiver sequence checks and latency samples.
#pragma once

#include "skim.h"

#include <cstdint>
#include <string>
#include <sys/types.h>
#include <vector>

namespace talker::bench {

enum class Proto { Talker, Mqtt };
/// Width of one latency histogram bucket; 1,000,000 buckets cover 10 s.
constexpr std::uint64_t kLatencyBucketUs = 10;
enum class Mode { Fanout, Latency, Conns };

/// Everything the command line sets.
struct Options
{
    Proto proto = Proto::Talker;
    Mode mode = Mode::Fanout;
    std::string host = "127.0.0.1";
    int port = 0;
    std::vector<int> ports; ///< --port a,b,c: connection i goes to ports[i % n] (cluster nodes)
    int subs = 100;         ///< receiving connections (all modes)
    int rooms = 1;          ///< rooms / topics; subscribers are spread over them
    std::string token;      ///< Talker token of the subscribers
    std::string pubToken;   ///< Talker token of the publishers (default: token)
    std::string roomPrefix = "bench";
    std::size_t payload = 100;         ///< payload bytes per message
    int inflight = 1000;               ///< fan-out: messages in flight per publisher
    std::uint64_t deliveries = 500000; ///< fan-out: at least this many deliveries
    double minSeconds = 0;             ///< fan-out: and publish for at least this long
    double rate = 2000;                ///< latency: messages per second in total
    double duration = 10;              ///< latency: seconds of sending
    int srcAddrs = 0;                  ///< bind to 127.0.0.2 .. 127.0.0.(1+N) round-robin
    double pingInterval = 20;          ///< every connection pings this often (seconds)
    double idleSeconds = 20;           ///< conns: idle window measured
    int maxPending = 200;              ///< conns opening at the same time
    pid_t serverPid = 0;               ///< for CPU and RSS readings
    std::vector<pid_t> serverPids;     ///< --server-pid a,b,c: readings summed over them
    double timeout = 300;              ///< hard bound on the whole run (seconds)
    int readEvery = 1; ///< fan-out: every K-th receiver reads and checks, the rest skim (skim.h)
};

/// One connection's state.
struct Conn
{
    int fd = -1;
    std::uint16_t room = 0;
    bool publisher = false;
    bool wantOut = false;
    enum State : std::uint8_t { Idle, Connecting, Handshake, Ready, Closed } state = Idle;
    std::string out;
    std::size_t outOff = 0;
    std::string partial;      ///< bytes of an incomplete line / packet
    std::uint64_t expect = 0; ///< next sequence number expected
    /// `expect` as the payload spells it (10 digits): the common in-order case is one
    /// compare, no parsing.
    char expectText[10] = {'0', '0', '0', '0', '0', '0', '0', '0', '0', '0'};
    std::uint64_t received = 0;    ///< payloads received
    bool skim = false;             ///< takes its bytes without reading them (skim.h)
    bool reference = false;        ///< reads every line and records message ends for its room
    std::uint64_t streamBytes = 0; ///< bytes since skimming began (reference: whole lines)
    std::uint64_t skimBase = 0;    ///< `expect` when skimming began
};

/// Counters of one run.
struct Stats
{
    std::uint64_t deliveries = 0;
    std::uint64_t gaps = 0;               ///< messages skipped in sequence (lost)
    std::uint64_t misordered = 0;         ///< older than expected (duplicate or reordered)
    std::uint64_t errors = 0;             ///< error events from the server
    std::uint64_t closed = 0;             ///< connections the server closed or that failed
    std::uint64_t reads = 0;              ///< read() calls that returned bytes
    std::uint64_t readBytes = 0;          ///< bytes they returned
    std::vector<std::uint32_t> latencyUs; ///< histogram, kLatencyBucketUs buckets
    std::uint64_t latencyMaxNs = 0;
    std::uint64_t latencyCount = 0;
    std::uint64_t skimmers = 0;     ///< receivers that skimmed
    std::uint64_t skimMismatch = 0; ///< skimmers whose byte count differs from the reference
};

std::uint64_t nowNs();

class Engine
{
public:
    explicit Engine(const Options &options);
    ~Engine();

    /// Adds a connection (not yet opened); returns its index.
    int addConn(std::uint16_t room, bool publisher);
    /// Opens every connection (at most maxPending at once) and waits until all are ready.
    bool connectAll(double deadlineSeconds);
    /// Waits for events for up to `timeoutMs` and handles them; pings as scheduled.
    void poll(int timeoutMs);
    /// Queues a message from conn `i` with `seq`, and writes it out now if `flushNow`.
    void publish(int i, std::uint64_t seq, bool flushNow);
    /// Writes whatever is queued on conn `i`.
    void flush(int i);

    std::vector<Conn> &conns() { return m_conns; }
    Stats &stats() { return m_stats; }
    /// Latency mode: order is not checked, receipts are counted and timed.
    void setCheckOrder(bool check) { m_checkOrder = check; }
    void setRecordLatency(bool record) { m_recordLatency = record; }
    /// No more pings: a pong goes to one receiver only, which would shift its byte stream
    /// against its room's reference (skim.h).
    void stopPinging() { m_opt.pingInterval = 0; }
    /// Fan-out, once the connections are quiet: all but every `readEvery`-th receiver skim
    /// from now on (one reference per room keeps reading).
    void startSkimming();
    /// Brings the skimmers' `expect` up to what their room's reference has seen end.
    void refreshSkimmers();
    /// At the end: counts the skimmers whose bytes differ from their reference's.
    void checkSkimmers();

private:
    void open(int i);
    void onEvent(int i, std::uint32_t events);
    void onConnected(int i);
    void onReadable(int i);
    void skimReadable(int i);
    /// Counts a read's bytes; on end of stream or an error other than "try again", fails
    /// the connection. True when there are bytes to handle.
    bool countRead(int i, ssize_t n);
    void refreshSkimmer(Conn &c);
    std::size_t handleTalker(int i, const char *buf, std::size_t len);
    std::size_t handleMqtt(int i, const char *buf, std::size_t len);
    void onPayload(Conn &c, const char *p, std::size_t len);
    void fail(int i, const char *why);
    void setWantOut(int i, bool want);
    void pingTick();
    std::string roomName(int room) const;

    Options m_opt;
    int m_epoll = -1;
    std::vector<Conn> m_conns;
    std::vector<char> m_rbuf;
    SkimLedger m_skim;
    Stats m_stats;
    bool m_checkOrder = true;
    bool m_recordLatency = false;
    int m_opened = 0;
    int m_pending = 0;
    int m_ready = 0;
    std::uint64_t m_startNs = 0;
    std::uint64_t m_pings = 0;
};

} // namespace talker::bench
