// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// Client benchmark (issue 3).
//
// Run: build/bench/client/bench_client [messages=200000] [rounds=3]
// 1. Throughput: recorded server traffic (one byte buffer of newline-delimited events)
//    goes through Session::processIncoming into a Room, its Timeline, the SQLite cache
//    and a MessageModel. Each path is timed right after a plain QJsonDocument::fromJson
//    loop over the same bytes; the shares printed are medians over the rounds.
// 2. Memory: 100,000 messages across 20 rooms held in RAM (window 5,000 per room);
//    prints heap bytes per message (glibc mallinfo2) and the RSS growth.
#include "client/account.h"
#include "client/historycache.h"
#include "client/room.h"
#include "client/timeline.h"
#include "models/messagemodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <limits>
#include <memory>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace talker;

namespace {

const char *const kWords[] = {"hello", "the", "build",  "is",     "green",    "again",
                              "can",   "you", "review", "my",     "patch",    "lunch",
                              "?",     "ok",  "ship",   "it",     "tomorrow", "meeting",
                              "at",    "ten", "thanks", "@alice", "done"};

QByteArray recordedTraffic(int messages, quint32 seed)
{
    QRandomGenerator rng(seed);
    QByteArray out;
    out.reserve(qsizetype(messages) * 180);
    out += R"({"type":"connected","user":{"id":"1","name":"alice"}})"
           "\n";
    QByteArray users = R"({"type":"users","users":[)";
    for (int u = 1; u <= 50; ++u)
        users += QStringLiteral(R"(%1{"id":"%2","name":"user%2"})")
                     .arg(u > 1 ? QStringLiteral(",") : QString())
                     .arg(u)
                     .toUtf8();
    out += users + "]}\n";
    qint64 time = 1764000000;
    for (int i = 0; i < messages; ++i) {
        const int user = 2 + int(rng.bounded(49));
        if (i % 50 == 49) {
            out += QStringLiteral(
                       R"({"type":"idle","id":"%1","user":{"id":"%2","name":"user%2"},"time":%3})")
                       .arg(QString::number(rng.generate64(), 16))
                       .arg(user)
                       .arg(time)
                       .toUtf8() +
                   '\n';
        }
        QString text;
        const int words = 3 + int(rng.bounded(20));
        for (int w = 0; w < words; ++w)
            text += QLatin1String(kWords[rng.bounded(int(std::size(kWords)))]) + QLatin1Char(' ');
        time += rng.bounded(3);
        const QString id = QStringLiteral("%1%2")
                               .arg(rng.generate64(), 16, 16, QLatin1Char('0'))
                               .arg(rng.generate64(), 16, 16, QLatin1Char('0'));
        out +=
            QStringLiteral(
                R"({"type":"message","id":"%1","content":"%2","user":{"id":"%3","name":"user%3"},"time":%4})")
                .arg(id, text.trimmed())
                .arg(user)
                .arg(time)
                .toUtf8() +
            '\n';
    }
    return out;
}

int countLines(const QByteArray &bytes)
{
    return int(bytes.count('\n'));
}

/// The baseline: split lines and QJsonDocument::fromJson each, nothing else.
double plainParseRate(const QByteArray &bytes, int *objects)
{
    QElapsedTimer timer;
    timer.start();
    int n = 0;
    qsizetype start = 0;
    while (start < bytes.size()) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            end = bytes.size();
        const QJsonDocument doc = QJsonDocument::fromJson(
            QByteArray::fromRawData(bytes.constData() + start, end - start));
        n += doc.isObject() && !doc.object().value(QLatin1String("type")).toString().isEmpty() ? 1
                                                                                               : 0;
        start = end + 1;
    }
    *objects = n;
    return n / (timer.nsecsElapsed() / 1e9);
}

/// Traffic through the Session alone: framing, decoding, typed signals.
double sessionOnlyRate(const QByteArray &bytes)
{
    client::Session session(client::AccountConfig{}, QStringLiteral("Main"));
    quint64 messages = 0;
    QObject::connect(&session, &client::Session::messageReceived, [&messages] { ++messages; });
    QElapsedTimer timer;
    timer.start();
    constexpr qsizetype Chunk = 64 * 1024;
    for (qsizetype pos = 0; pos < bytes.size(); pos += Chunk)
        session.processIncoming(bytes.mid(pos, Chunk));
    return double(session.eventsReceived()) / (timer.nsecsElapsed() / 1e9);
}

struct PathRates
{
    double models = 0;    ///< GUI thread: session -> room -> timeline -> MessageModel
    double committed = 0; ///< until every cache write is committed too
    int kept = 0;         ///< rows in the model window
};

/// Traffic through the whole client path; cachePath ":memory:" (written on the GUI
/// thread; `splitCacheWrites` queues them all and writes them after the timed loop) or a
/// file (written by the cache's writer thread while the loop runs).
PathRates sessionRate(const QByteArray &bytes, const QString &cachePath, bool splitCacheWrites)
{
    client::AccountConfig config;
    config.id = QStringLiteral("bench");
    client::Account account(config, cachePath);
    client::Room *room = account.joinRoom(QStringLiteral("Main"));
    if (splitCacheWrites)
        account.cache()->setMaxQueued(std::numeric_limits<qsizetype>::max());
    models::MessageModel model;
    model.setTimeline(room->timeline());
    QElapsedTimer timer;
    timer.start();
    constexpr qsizetype Chunk = 64 * 1024; // what a socket hands over per readyRead at most
    for (qsizetype pos = 0; pos < bytes.size(); pos += Chunk)
        room->session()->processIncoming(bytes.mid(pos, Chunk));
    const double events = double(room->session()->eventsReceived());
    const double seconds = timer.nsecsElapsed() / 1e9;
    account.cache()->waitForWrites(); // what the event loop / writer thread does next
    PathRates r;
    r.models = events / seconds;
    r.committed = events / (timer.nsecsElapsed() / 1e9);
    r.kept = model.rowCount();
    return r;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

qint64 heapInUse()
{
#if defined(__GLIBC__)
    malloc_trim(0);
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks) + qint64(info.hblkhd);
#else
    return 0;
#endif
}

qint64 rssBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return 0;
}

void memoryPerMessage()
{
    constexpr int Rooms = 20;
    constexpr int PerRoom = 5000;
    QTemporaryDir dir;
    client::AccountConfig config;
    config.id = QStringLiteral("bench");
    auto account =
        std::make_unique<client::Account>(config, dir.filePath(QStringLiteral("cache.sqlite")));
    account->setWindowSize(PerRoom);
    QList<client::Room *> rooms;
    for (int r = 0; r < Rooms; ++r)
        rooms.append(account->joinRoom(QStringLiteral("room%1").arg(r)));
    const qint64 heapBefore = heapInUse();
    const qint64 rssBefore = rssBytes();
    int held = 0;
    for (int r = 0; r < Rooms; ++r) {
        {
            const QByteArray bytes = recordedTraffic(PerRoom, quint32(100 + r));
            rooms.at(r)->session()->processIncoming(bytes);
        }
        held += rooms.at(r)->timeline()->count();
    }
    account->cache()->flush();
    const qint64 heapAfter = heapInUse();
    const qint64 rssAfter = rssBytes();
    std::printf("memory: %d messages held in RAM across %d rooms (window %d per room)\n", held,
                Rooms, PerRoom);
    std::printf("memory: heap %.1f MiB -> %.1f MiB = %.0f bytes per message (mallinfo2, incl. "
                "room/member state)\n",
                heapBefore / 1048576.0, heapAfter / 1048576.0,
                double(heapAfter - heapBefore) / held);
    std::printf("memory: RSS grew %.1f MiB = %.0f bytes per message (includes SQLite page cache)\n",
                (rssAfter - rssBefore) / 1048576.0, double(rssAfter - rssBefore) / held);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("talker.*.info=false"));
    const int messages = argc > 1 ? QByteArray(argv[1]).toInt() : 200000;
    const int rounds = argc > 2 ? qMax(1, QByteArray(argv[2]).toInt()) : 3;
    const QByteArray bytes = recordedTraffic(messages, 42);
    std::printf("traffic: %d events, %.1f MiB; %d rounds, each path right after its own plain "
                "loop (shares are medians of the per-round ratios: the box is shared)\n",
                countLines(bytes), bytes.size() / 1048576.0, rounds);

    int parsed = 0;
    plainParseRate(bytes, &parsed); // warm-up
    QList<double> plain, session, models, memCommitted, fileGui, fileCommitted;
    QList<double> rSession, rModels, rMemCommitted, rFileGui, rFileCommitted;
    int kept = 0;
    for (int round = 0; round < rounds; ++round) {
        double p = plainParseRate(bytes, &parsed);
        plain << p;
        session << sessionOnlyRate(bytes);
        rSession << session.constLast() / p;
        p = plainParseRate(bytes, &parsed);
        plain << p;
        const PathRates mem = sessionRate(bytes, QStringLiteral(":memory:"), true);
        models << mem.models;
        memCommitted << mem.committed;
        rModels << mem.models / p;
        rMemCommitted << mem.committed / p;
        kept = mem.kept;
        p = plainParseRate(bytes, &parsed);
        plain << p;
        QTemporaryDir dir;
        const PathRates file =
            sessionRate(bytes, dir.filePath(QStringLiteral("cache.sqlite")), false);
        fileGui << file.models;
        fileCommitted << file.committed;
        rFileGui << file.models / p;
        rFileCommitted << file.committed / p;
    }
    std::printf("plain QJsonDocument::fromJson loop:          %10.0f events/s (%d objects)\n",
                median(plain), parsed);
    std::printf("session alone (framing + typed decode):      %10.0f events/s (%.0f%% of plain)\n",
                median(session), 100.0 * median(rSession));
    std::printf("session -> room -> timeline -> MessageModel: %10.0f events/s (%.0f%% of plain), "
                "%d rows in the model window\n",
                median(models), 100.0 * median(rModels), kept);
    std::printf("  same, file cache, GUI thread (writer thread in parallel): %10.0f events/s "
                "(%.0f%% of plain)\n",
                median(fileGui), 100.0 * median(rFileGui));
    std::printf("  same, file cache, until committed by the writer thread:   %10.0f events/s "
                "(%.0f%% of plain)\n",
                median(fileCommitted), 100.0 * median(rFileCommitted));
    std::printf("  same, :memory: cache written on the GUI thread after it:  %10.0f events/s "
                "(%.0f%% of plain)\n",
                median(memCommitted), 100.0 * median(rMemCommitted));
    memoryPerMessage();
    return 0;
}
