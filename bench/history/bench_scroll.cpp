// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// bench_scroll: memory while scrolling through a long history (issue 15).
//
//   bench_scroll [--messages N] [--window W]
//
// Fills a client cache (a file, HistoryCache::storeMessage) with N messages, then
// scrolls a room's Timeline, seen through a MessageModel as the app's view sees it,
// from the newest message up to the first in pages of 50 (fetchOlder) and back down to
// the newest (fetchNewer), printing the rows held, the heap in use (mallinfo2) and the
// RSS at the start, half way up, at the top, half way down and at the end.
// The baseline in the same run: the same scroll up with an unbounded window (window
// size 0: every page stays, as the Timeline behaved before it slid both ways). A first
// pass, not printed, warms the cache.
#include "benchcorpus.h"
#include "client/historycache.h"
#include "client/timeline.h"
#include "models/messagemodel.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>
#include <malloc.h>

using namespace talker;

namespace {

QTextStream out(stdout);
bool g_quiet = false; ///< the warm-up pass prints nothing
const QString kKey = QStringLiteral("room:Busy");

qint64 heapKiB()
{
    return qint64(mallinfo2().uordblks / 1024);
}

qint64 rssKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

struct Scroll
{
    QString name;
    qint64 baseHeap;
    int maxRows = 0;
    qint64 maxHeap = 0;

    void print(const QString &phase, const client::Timeline &t)
    {
        if (g_quiet)
            return;
        const qint64 heap = heapKiB() - baseHeap;
        out << QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
                   .arg(name, phase)
                   .arg(t.count())
                   .arg(heap)
                   .arg(rssKiB());
        out.flush();
    }
    void track(const client::Timeline &t)
    {
        maxRows = qMax(maxRows, t.count());
        maxHeap = qMax(maxHeap, heapKiB() - baseHeap);
    }
};

/// Scrolls up to the first message (and back down when `down`); returns the scroll's
/// figures.
Scroll scroll(client::HistoryCache &cache, const QString &name, int window, int total, bool down)
{
    Scroll s{name, heapKiB()};
    client::Timeline timeline(kKey);
    timeline.setCache(&cache);
    timeline.setWindowSize(window);
    timeline.reset(cache.latest(kKey, 200));
    models::MessageModel model;
    model.setTimeline(&timeline);
    s.print(QStringLiteral("start (newest)"), timeline);
    int paged = 0;
    bool midPrinted = false;
    while (timeline.canFetchOlder()) {
        const int n = timeline.fetchOlder(50);
        if (n == 0)
            break;
        paged += n;
        s.track(timeline);
        if (!midPrinted && paged >= total / 2) {
            s.print(QStringLiteral("half way up"), timeline);
            midPrinted = true;
        }
    }
    s.print(QStringLiteral("top (first message)"), timeline);
    if (!down)
        return s;
    paged = 0;
    midPrinted = false;
    while (!timeline.atLiveEnd()) {
        paged += timeline.fetchNewer(50);
        s.track(timeline);
        if (!midPrinted && paged >= total / 2) {
            s.print(QStringLiteral("half way down"), timeline);
            midPrinted = true;
        }
    }
    s.print(QStringLiteral("end (newest again)"), timeline);
    return s;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("messages"), QStringLiteral("Messages cached."),
                      QStringLiteral("n"), QStringLiteral("100000")});
    parser.addOption({QStringLiteral("window"), QStringLiteral("Timeline window size."),
                      QStringLiteral("n"), QStringLiteral("500")});
    parser.process(app);
    const int total = parser.value(QStringLiteral("messages")).toInt();
    const int window = parser.value(QStringLiteral("window")).toInt();

    QTemporaryDir dir;
    client::HistoryCache cache(dir.filePath(QStringLiteral("cache.db")));
    BenchCorpus corpus;
    for (int i = 0; i < total; ++i) {
        client::Message m;
        m.id = QStringLiteral("%1").arg(i, 32, 16, QLatin1Char('0'));
        m.authorId = QString::number(i % 7 + 1);
        m.authorName = QStringLiteral("user%1").arg(i % 7 + 1);
        m.text = corpus.message(i);
        m.time = 1700000000 + i;
        cache.storeMessage(kKey, m);
    }
    cache.waitForWrites();

    out << QStringLiteral("Scrolling through %1 cached messages, window %2, pages of 50\n\n")
               .arg(total)
               .arg(window);
    out << "| timeline | phase | rows | heap KiB above start | RSS KiB |\n";
    out << "|---|---|---|---|---|\n";
    // a first pass warms SQLite's page cache and lets the fill's buffers go, so the
    // heap figures below are the timelines' own
    g_quiet = true;
    scroll(cache, QString(), window, total, true);
    g_quiet = false;
    const Scroll bounded = scroll(cache, QStringLiteral("sliding window"), window, total, true);
    // last: the unbounded scroll's pages raise the RSS for good
    const Scroll unbounded = scroll(cache, QStringLiteral("unbounded (baseline)"), 0, total, false);
    out << QStringLiteral("\nMost rows held: %1 (sliding) vs %2 (unbounded); most heap: %3 KiB vs "
                          "%4 KiB (%5x less)\n")
               .arg(bounded.maxRows)
               .arg(unbounded.maxRows)
               .arg(bounded.maxHeap)
               .arg(unbounded.maxHeap)
               .arg(double(unbounded.maxHeap) / double(qMax<qint64>(1, bounded.maxHeap)), 0, 'f',
                    1);
    const bool met = bounded.maxRows <= window + window / 8 + 50;
    out << QStringLiteral("Target: memory bounded while scrolling (rows stay within the window): "
                          "%1\n")
               .arg(met ? QStringLiteral("MET") : QStringLiteral("NOT MET"));
    return met ? 0 : 1;
}
