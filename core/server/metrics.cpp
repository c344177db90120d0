// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/metrics.h"

#include <array>
#include <atomic>

namespace talker::server::metrics {

namespace {

// Wire types counted one by one; anything else is "other".
constexpr std::array<const char *, 10> kTypes = {"connect", "message", "ping", "close",   "join",
                                                 "leave",   "idle",    "back", "history", "search"};
constexpr size_t kOther = kTypes.size();

size_t typeIndex(const QString &type)
{
    for (size_t i = 0; i < kTypes.size(); ++i) {
        if (type == QLatin1String(kTypes[i]))
            return i;
    }
    return kOther;
}

template<size_t N>
struct Histogram
{
    std::array<double, N> bounds;
    std::array<std::atomic<quint64>, N + 1> counts{};
    std::atomic<quint64> sumMicro{0};

    void observe(double value, quint64 micro)
    {
        size_t i = 0;
        while (i < N && value > bounds[i])
            ++i;
        counts[i].fetch_add(1, std::memory_order_relaxed);
        sumMicro.fetch_add(micro, std::memory_order_relaxed);
    }
};

struct Registry
{
    std::array<std::atomic<quint64>, kTypes.size() + 1> in{};
    std::array<std::atomic<quint64>, kTypes.size() + 1> out{};
    Histogram<11> storeAck{{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0}};
    Histogram<7> replay{{0, 1, 10, 50, 100, 500, 1000}};
    std::atomic<quint64> slowReaders{0};
    std::atomic<quint64> throttled{0};
    std::atomic<quint64> authFailures{0};
    std::atomic<qint64> authenticated{0};
    std::atomic<qint64> rooms{0};
};

Registry &registry()
{
    static Registry r;
    return r;
}

QByteArray typeName(size_t i)
{
    return i < kTypes.size() ? QByteArray(kTypes[i]) : QByteArray("other");
}

template<size_t N>
void renderHistogram(QByteArray &out, const char *name, const char *help, const Histogram<N> &h,
                     const QByteArray &labels, double sumScale)
{
    out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + " histogram\n";
    quint64 cumulative = 0;
    for (size_t i = 0; i <= N; ++i) {
        cumulative += h.counts[i].load(std::memory_order_relaxed);
        const QByteArray le = i < N ? QByteArray::number(h.bounds[i]) : QByteArray("+Inf");
        out += QByteArray(name) + "_bucket{" + labels + (labels.isEmpty() ? "" : ",") + "le=\"" +
               le + "\"} " + QByteArray::number(cumulative) + '\n';
    }
    const QByteArray braces = labels.isEmpty() ? QByteArray() : '{' + labels + '}';
    out += QByteArray(name) + "_sum" + braces + ' ' +
           QByteArray::number(double(h.sumMicro.load()) * sumScale) + '\n';
    out += QByteArray(name) + "_count" + braces + ' ' + QByteArray::number(cumulative) + '\n';
}

} // namespace

void countIn(const QString &type)
{
    registry().in[typeIndex(type)].fetch_add(1, std::memory_order_relaxed);
}

void countOut(const QString &type, int receivers)
{
    if (receivers > 0)
        registry().out[typeIndex(type)].fetch_add(quint64(receivers), std::memory_order_relaxed);
}

void observeStoreAck(qint64 microseconds)
{
    registry().storeAck.observe(double(microseconds) / 1e6, quint64(qMax<qint64>(0, microseconds)));
}

void observeReplay(int events)
{
    registry().replay.observe(double(events), quint64(qMax(0, events)));
}

void countSlowReaderDropped()
{
    registry().slowReaders.fetch_add(1, std::memory_order_relaxed);
}

void countThrottled()
{
    registry().throttled.fetch_add(1, std::memory_order_relaxed);
}

void countAuthFailure()
{
    registry().authFailures.fetch_add(1, std::memory_order_relaxed);
}

void addAuthenticated(int delta)
{
    registry().authenticated.fetch_add(delta, std::memory_order_relaxed);
}

void addRooms(int delta)
{
    registry().rooms.fetch_add(delta, std::memory_order_relaxed);
}

QByteArray render(const QString &node, int connections, bool healthy)
{
    const Registry &r = registry();
    // Node names are the operator's; quotes and backslashes are escaped as the format asks.
    QByteArray escaped = node.toUtf8();
    escaped.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    const QByteArray labels = node.isEmpty() ? QByteArray() : "node=\"" + escaped + '"';
    const QByteArray braces = labels.isEmpty() ? QByteArray() : '{' + labels + '}';
    const QByteArray comma = labels.isEmpty() ? QByteArray() : labels + ',';
    QByteArray out;
    const auto scalar = [&](const char *name, const char *type, const char *help, qint64 value) {
        out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n' +
               name + braces + ' ' + QByteArray::number(value) + '\n';
    };
    scalar("talker_up", "gauge", "1 when the store (or NATS) is reachable.", healthy ? 1 : 0);
    scalar("talker_connections", "gauge", "Open client connections.", connections);
    scalar("talker_authenticated_connections", "gauge", "Connections that joined a room.",
           r.authenticated.load());
    scalar("talker_rooms", "gauge", "Rooms with members on this server.", r.rooms.load());
    for (const auto &[name, counts, help] :
         {std::make_tuple("talker_events_in_total", &r.in, "Events received from clients."),
          std::make_tuple("talker_events_out_total", &r.out, "Room events sent to clients.")}) {
        out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + " counter\n";
        for (size_t i = 0; i < counts->size(); ++i) {
            out += QByteArray(name) + '{' + comma + "type=\"" + typeName(i) + "\"} " +
                   QByteArray::number((*counts)[i].load()) + '\n';
        }
    }
    renderHistogram(out, "talker_store_ack_seconds",
                    "Time until the store (the event journal or JetStream) acknowledged a write.",
                    r.storeAck, labels, 1e-6);
    renderHistogram(out, "talker_replay_events", "Events replayed per connect.", r.replay, labels,
                    1.0);
    scalar("talker_slow_readers_dropped_total", "counter",
           "Connections dropped for not reading their output.", qint64(r.slowReaders.load()));
    scalar("talker_throttled_total", "counter", "Times a connection was throttled.",
           qint64(r.throttled.load()));
    scalar("talker_auth_failures_total", "counter", "Failed authentications.",
           qint64(r.authFailures.load()));
    return out;
}

} // namespace talker::server::metrics
