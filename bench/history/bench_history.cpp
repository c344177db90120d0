// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// bench_history: the speed targets of issue 15 in one run.
//
//   bench_history [--messages N] [--queries Q] [--server PATH]
//
// 1. fills a server database with N messages (SqliteStore, the server's own write
//    path with its triggers and FTS5 index) and a client cache with N messages
//    (HistoryCache::storeMessage, its batched writer and index triggers);
// 2. starts talker-server on it and measures, on loopback, `search` (request to the
//    whole search_results line) and `history before` pages of 50 (request to
//    history_end, every line decoded as the client does);
// 3. measures HistoryCache::search() on the cache.
// Prints p50/p95/max per case and each target's verdict.
#include "benchcorpus.h"
#include "client/historycache.h"
#include "protocol/codec.h"
#include "store/sqlitestore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <cstdio>

using namespace talker;

namespace {

QTextStream out(stdout);

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.at(qMin(v.size() - 1, qsizetype(p * double(v.size() - 1) + 0.5)));
}

void report(const QString &name, const QList<double> &ms, double targetP95)
{
    const double p95 = percentile(ms, 0.95);
    out << QStringLiteral("| %1 | %2 | %3 | %4 | %5 | < %6 ms | %7 |\n")
               .arg(name)
               .arg(ms.size())
               .arg(percentile(ms, 0.5), 0, 'f', 2)
               .arg(p95, 0, 'f', 2)
               .arg(percentile(ms, 1.0), 0, 'f', 2)
               .arg(targetP95)
               .arg(p95 < targetP95 ? QStringLiteral("met") : QStringLiteral("NOT met"));
    out.flush();
}

/// Fills the server database; returns the bench user's token and the ids of every
/// 1000th message (anchors for paging).
QString fillServer(const QString &path, qint64 n, BenchCorpus &corpus, QStringList *anchors)
{
    store::SqliteStore db;
    if (!db.open(path))
        qFatal("cannot open %s", qPrintable(path));
    QString token;
    const auto user = db.addUser(QStringLiteral("bench"), &token);
    const protocol::User who{user->id, user->name, false};
    store::StoredEvent join;
    join.room = QStringLiteral("bench");
    join.id = QStringLiteral("join");
    join.kind = store::EventKind::Join;
    join.senderId = who.id;
    join.line = protocol::encode(
        protocol::PresenceEvent{protocol::PresenceEvent::Kind::Join, who, 1700000000, join.id});
    db.append(&join);
    const qint64 batch = 5000;
    for (qint64 first = 0; first < n; first += batch) {
        QList<store::StoredEvent> events(qMin(batch, n - first));
        QList<store::StoredEvent *> pointers;
        for (qint64 i = 0; i < events.size(); ++i) {
            store::StoredEvent &e = events[i];
            protocol::MessageEvent m;
            m.id = QStringLiteral("m%1").arg(first + i);
            m.content = corpus.message(first + i);
            m.user = who;
            m.time = 1700000000 + first + i;
            e.room = join.room;
            e.id = m.id;
            e.senderId = who.id;
            e.time = m.time;
            e.content = m.content;
            e.line = protocol::encode(m);
            pointers.append(&e);
            if ((first + i) % 1000 == 999)
                anchors->append(m.id);
        }
        if (!db.appendAll(pointers))
            qFatal("append failed: %s", qPrintable(db.lastError()));
    }
    return token;
}

void fillCache(client::HistoryCache &cache, qint64 n, BenchCorpus &corpus)
{
    cache.setMaxQueued(20000);
    for (qint64 i = 0; i < n; ++i) {
        client::Message m;
        m.id = QStringLiteral("m%1").arg(i);
        m.authorId = QStringLiteral("1");
        m.authorName = QStringLiteral("bench");
        m.text = corpus.message(i);
        m.time = 1700000000 + i;
        cache.storeMessage(QStringLiteral("room:bench"), m);
    }
    cache.waitForWrites();
}

/// A blocking line reader on a loopback socket.
class Wire
{
public:
    bool open(quint16 port, const QString &token)
    {
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        if (!m_socket.waitForConnected(10000))
            return false;
        send(QJsonObject{{QStringLiteral("type"), QStringLiteral("connect")},
                         {QStringLiteral("room"), QStringLiteral("bench")},
                         {QStringLiteral("token"), token}});
        return readUntil("users") >= 0;
    }
    void send(const QJsonObject &o) { m_socket.write(protocol::encodeObject(o)); }
    /// Reads (and decodes) lines up to one whose type is `type`; returns how many.
    int readUntil(const char *type)
    {
        for (int lines = 0;;) {
            while (!m_socket.canReadLine()) {
                if (!m_socket.waitForReadyRead(30000))
                    return -1;
            }
            const QByteArray line = m_socket.readLine();
            ++lines;
            const protocol::DecodeResult event = protocol::decode(line.trimmed());
            if (!event.ok())
                return -1;
            if (protocol::typeName(*event.event) == QLatin1String(type))
                return lines;
        }
    }

private:
    QTcpSocket m_socket;
};

quint16 startServer(QProcess &server, const QString &binary, const QString &db)
{
    server.setProgram(binary);
    server.setArguments({QStringLiteral("--database"), db, QStringLiteral("--listen"),
                         QStringLiteral("127.0.0.1:0"), QStringLiteral("--max-events-per-second"),
                         QStringLiteral("0")});
    server.setStandardErrorFile(QProcess::nullDevice());
    server.start();
    static const QRegularExpression re(QStringLiteral("listening on .*:(\\d+)"));
    while (server.waitForReadyRead(30000)) {
        const auto match = re.match(QString::fromUtf8(server.readAllStandardOutput()));
        if (match.hasMatch())
            return quint16(match.captured(1).toUInt());
    }
    qFatal("talker-server did not start");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("messages"), QStringLiteral("Messages stored."),
                      QStringLiteral("N"), QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("queries"), QStringLiteral("Requests per case."),
                      QStringLiteral("Q"), QStringLiteral("200")});
    parser.addOption({QStringLiteral("server"), QStringLiteral("talker-server binary."),
                      QStringLiteral("PATH"),
#ifdef TALKER_SERVER_BIN
                      QStringLiteral(TALKER_SERVER_BIN)
#else
                      QStringLiteral("talker-server")
#endif
    });
    parser.process(app);
    const qint64 n = parser.value(QStringLiteral("messages")).toLongLong();
    const int queries = parser.value(QStringLiteral("queries")).toInt();
    QTemporaryDir dir;
    BenchCorpus corpus;

    QElapsedTimer fill;
    fill.start();
    QStringList anchors;
    const QString serverDb = dir.filePath(QStringLiteral("server.db"));
    const QString token = fillServer(serverDb, n, corpus, &anchors);
    out << "server database: " << n << " messages stored in " << fill.restart() / 1000.0 << " s\n";
    client::HistoryCache cache(dir.filePath(QStringLiteral("cache.db")));
    fillCache(cache, n, corpus);
    out << "client cache: " << n << " messages stored in " << fill.elapsed() / 1000.0 << " s\n\n";
    out << "| case | requests | p50 ms | p95 ms | max ms | target p95 | |\n"
           "|---|---|---|---|---|---|---|\n";

    QProcess server;
    const quint16 port = startServer(server, parser.value(QStringLiteral("server")), serverDb);
    Wire wire;
    if (!wire.open(port, token))
        qFatal("cannot join the bench room");
    QList<double> searchMs;
    QList<double> pageMs;
    QList<double> localMs;
    QElapsedTimer t;
    for (int i = 0; i < queries; ++i) {
        const QString q = corpus.query(i);
        t.start();
        wire.send(QJsonObject{{QStringLiteral("type"), QStringLiteral("search")},
                              {QStringLiteral("query"), q}});
        if (wire.readUntil("search_results") < 0)
            qFatal("search failed");
        searchMs.append(t.nsecsElapsed() / 1e6);
        t.start();
        if (cache.search(q, 50).isEmpty() && i % 4 == 1)
            qFatal("a common word found nothing in the cache");
        localMs.append(t.nsecsElapsed() / 1e6);
    }
    for (int i = 0; i < queries && !anchors.isEmpty(); ++i) {
        const QString before = anchors.at(int((i * 7919) % anchors.size()));
        t.start();
        wire.send(QJsonObject{{QStringLiteral("type"), QStringLiteral("history")},
                              {QStringLiteral("before"), before},
                              {QStringLiteral("limit"), 50}});
        if (wire.readUntil("history_end") != 52)
            qFatal("history page failed");
        pageMs.append(t.nsecsElapsed() / 1e6);
    }
    report(QStringLiteral("server search over %1 messages (loopback)").arg(n), searchMs, 100);
    report(QStringLiteral("server page of 50 (loopback, decoded)"), pageMs, 100);
    report(QStringLiteral("local cache search over %1 messages").arg(n), localMs, 50);
    out << "\nquery mix: word, common word (~1 in 40 words), 3-letter prefix*, two-word "
           "phrase; 50 results each\n";
    server.terminate();
    server.waitForFinished(10000);
    return 0;
}
