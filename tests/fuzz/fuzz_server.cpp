// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// libFuzzer harness: the server's handling of whole byte streams from connections,
// in-process (no sockets): two fake Transports feed Connection/Hub/Room exactly like
// SocketTransport does, over a real SQLite store on tmpfs.
//
// Input: byte 0 picks limits (see Flags); the rest is split at 0x01 bytes into reads,
// each read going to the current connection; 0x01 also switches to the other one.
// 0x02 / 0x03 in the stream are replaced by the tokens of alice / bob so that the
// fuzzer gets past authentication; 0x04 closes the current transport (a cut network).
//
// Checks beyond sanitizers: everything the server writes is whole lines, each a JSON
// object that our codec decodes (the server never sends garbage, even to garbage).
#include "protocol/codec.h"
#include "server/connection.h"
#include "server/hub.h"
#include "server/serveradmin.h"
#include "server/transport.h"
#include "store/sqlitestore.h"

#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QPointer>
#include <QTemporaryDir>
#include <cstdio>
#include <cstdlib>
#include <memory>

using namespace talker;

namespace {

void check(bool condition, const char *what, const QByteArray &context = QByteArray())
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_server: invariant broken: %s [%s]\n", what,
                     context.left(300).constData());
        std::abort();
    }
}

/// A Transport without a socket: bytes go to a buffer; closing is queued like SocketTransport's.
class FakeTransport : public server::Transport
{
public:
    explicit FakeTransport(QString address, bool slowReader)
        : m_address(std::move(address))
        , m_slowReader(slowReader)
    {}

    void write(const QByteArray &bytes) override
    {
        if (!m_closed)
            m_output += bytes;
    }
    qint64 pendingOutput() const override { return m_slowReader ? m_output.size() : 0; }
    void closeAfterFlush() override { finishLater(); }
    void abort() override { finishLater(); }
    QString address() const override { return m_address; }

    void feed(const QByteArray &bytes)
    {
        if (!m_closed)
            emit received(bytes);
    }
    void cut() { finishLater(); }
    bool isClosed() const { return m_closed; }
    const QByteArray &output() const { return m_output; }

private:
    void finishLater()
    {
        if (m_closing)
            return;
        m_closing = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_closed = true;
                emit closed();
            },
            Qt::QueuedConnection);
    }

    QString m_address;
    QByteArray m_output;
    bool m_slowReader;
    bool m_closing = false;
    bool m_closed = false;
};

struct Globals
{
    std::unique_ptr<QCoreApplication> app;
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<store::SqliteStore> store;
    QByteArray aliceToken;
    QByteArray bobToken;
};
Globals *g = nullptr;

/// Byte 0 of the input.
enum Flags : unsigned {
    TightRate = 1,   ///< 2 events/s, burst 4: throttling
    SmallLines = 2,  ///< 200-byte event limit
    SlowReader = 4,  ///< transport 1 never reads (its output counts as pending)
    SameAddress = 8, ///< both transports from one address (shared auth throttle)
    NoAuthRetry = 16 ///< failed tokens slowed down after the first failure
};

void checkOutput(const QByteArray &out)
{
    if (out.isEmpty())
        return;
    check(out.endsWith('\n'), "output does not end with a newline", out.right(200));
    const QList<QByteArray> lines = out.split('\n');
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        const protocol::DecodeResult r = protocol::decode(lines[i]);
        check(r.ok(), "server wrote a line our codec rejects", lines[i]);
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // QCoreApplication keeps a reference to argc: give it one that outlives main(); the
    // globals are never destroyed (exit handlers run after libFuzzer's main returned).
    static int appArgc = 1;
    static char *appArgv[] = {(*argv)[0], nullptr};
    (void)argc;
    g = new Globals;
    g->app = std::make_unique<QCoreApplication>(appArgc, appArgv);
    QLoggingCategory::setFilterRules(QStringLiteral("talker.*=false\n*.debug=false"));
    const QString base =
        QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath();
    g->dir = std::make_unique<QTemporaryDir>(base + QStringLiteral("/talker-fuzz-XXXXXX"));
    g->store = std::make_unique<store::SqliteStore>();
    if (!g->store->open(g->dir->filePath(QStringLiteral("fuzz.db")))) {
        std::fprintf(stderr, "fuzz_server: cannot open store: %s\n",
                     qPrintable(g->store->lastError()));
        std::abort();
    }
    server::ServerAdmin admin(g->store.get());
    g->aliceToken = admin.addUser(QStringLiteral("alice")).toUtf8();
    g->bobToken = admin.addUser(QStringLiteral("bob")).toUtf8();
    if (g->aliceToken.isEmpty() || g->bobToken.isEmpty())
        std::abort();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 64 * 1024)
        return 0;
    const unsigned flags = data[0];
    server::ServerConfig config;
    config.idleTimeoutMs = 0;
    config.leaveTimeoutMs = 0;
    config.authTimeoutMs = 10000;
    if (flags & TightRate) {
        config.maxEventsPerSecond = 2;
        config.eventBurst = 4;
        config.maxPendingInput = 4096;
    }
    if (flags & SmallLines)
        config.maxLineSize = 200;
    if (flags & SlowReader)
        config.maxPendingOutput = 2048;
    if (flags & NoAuthRetry) {
        config.authFailuresAllowed = 1;
        config.authFailureDelayMs = 1;
    }

    auto hub = std::make_unique<server::Hub>(config, g->store.get());
    QPointer<FakeTransport> transports[2];
    for (int i = 0; i < 2; ++i) {
        const QString address = (flags & SameAddress) || i == 0 ? QStringLiteral("10.0.0.1")
                                                                : QStringLiteral("10.0.0.2");
        auto *transport = new FakeTransport(address, i == 1 && (flags & SlowReader));
        transports[i] = transport;
        new server::Connection(transport, hub.get(), hub.get()); // owned by the hub, as in Server
    }
    // Output is checked when a transport goes away; keep copies since transports die with the hub.
    QByteArray outputs[2];

    int current = 0;
    QByteArray chunk;
    auto flush = [&] {
        if (!chunk.isEmpty() && transports[current])
            transports[current]->feed(chunk);
        chunk.clear();
        QCoreApplication::sendPostedEvents();
        for (int i = 0; i < 2; ++i)
            if (transports[i])
                outputs[i] = transports[i]->output();
    };
    for (size_t i = 1; i < size; ++i) {
        const char c = char(data[i]);
        switch (c) {
        case '\x01':
            flush();
            current ^= 1;
            break;
        case '\x02':
            chunk += g->aliceToken;
            break;
        case '\x03':
            chunk += g->bobToken;
            break;
        case '\x04':
            flush();
            if (transports[current])
                transports[current]->cut();
            break;
        default:
            chunk += c;
        }
    }
    flush();
    for (auto &transport : transports)
        if (transport)
            transport->cut();
    QCoreApplication::sendPostedEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    hub.reset();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);

    checkOutput(outputs[0]);
    checkOutput(outputs[1]);
    return 0;
}
