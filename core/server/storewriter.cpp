// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/storewriter.h"

#include "store/eventjournal.h"

#include <QLoggingCategory>
#include <QThread>

namespace talker::server {

Q_LOGGING_CATEGORY(lcWriter, "talker.server.store")

namespace {
/// How often maintain() runs while there are writes: search finds what is newer by
/// catching up itself, and the write-ahead log grows by what this many
/// milliseconds of writes take.
constexpr std::chrono::milliseconds kMaintainEvery(200);
/// Events indexed per transaction at most: a few milliseconds of work.
constexpr qint64 kIndexSlice = 100;
/// How long journaled events wait to be imported together. Short and steady: an
/// import of 100 ms of events at once takes the CPU from the deliveries for as long
/// (bench/RESULTS.md, round 3).
constexpr std::chrono::milliseconds kImportEvery(5);
/// How soon a failed import is tried again.
constexpr std::chrono::milliseconds kImportRetry(250);
/// How late an import or maintain() may be before the thread runs at normal priority
/// until it caught up: at the lowest, busy cores can starve it for seconds.
constexpr std::chrono::milliseconds kLate(300);
} // namespace

StoreWriter::StoreWriter() = default;

StoreWriter::~StoreWriter()
{
    if (!m_thread)
        return;
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread->wait();
}

bool StoreWriter::open(const QString &path, const store::SqliteStore::Options &options,
                       QString *error)
{
    bool opened = false;
    bool ready = false;
    m_thread.reset(QThread::create([&, path, options] {
        m_priority.start();
        auto store = std::make_unique<store::SqliteStore>();
        // Behind the room threads' own writes only in SQLite's lock: they give up at
        // once when this thread holds it, and this one waits the busy timeout.
        const bool ok = store->open(path, options) &&
                        store->setWriteWait(options.busyTimeoutMs, false) &&
                        store->setAutoCheckpoint(false); // maintain() does it
        {
            const std::lock_guard lock(m_mutex);
            if (ok)
                m_store = std::move(store);
            else if (error)
                *error = store->lastError();
            opened = ok;
            ready = true;
        }
        m_idle.notify_all();
        if (ok)
            run();
    }));
    m_thread->setObjectName(QStringLiteral("talker-store"));
    m_thread->start();
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [&] { return ready; });
    if (!opened) {
        lock.unlock();
        m_thread->wait();
        m_thread.reset();
    }
    return opened;
}

void StoreWriter::perform(std::function<void(store::SqliteStore *)> work, QObject *context,
                          std::function<void()> done)
{
    {
        const std::lock_guard lock(m_mutex);
        m_tasks.append(Task{std::move(work), context, std::move(done)});
    }
    m_wake.notify_one();
}

bool StoreWriter::waitIdle(int ms)
{
    std::unique_lock lock(m_mutex);
    return m_idle.wait_for(lock, std::chrono::milliseconds(ms),
                           [this] { return m_tasks.isEmpty() && !m_busy && !m_importDue.load(); });
}

void StoreWriter::setJournal(store::EventJournal *journal)
{
    m_journal = journal;
    journal->setWake([this](bool soon) {
        m_importDue.store(true, std::memory_order_relaxed);
        if (soon) {
            m_importSoon.store(true, std::memory_order_relaxed);
            m_priority.raise(); // until this import is done
        }
        {
            const std::lock_guard lock(m_mutex); // not between its check and its wait
        }
        m_wake.notify_one();
    });
}

void StoreWriter::waitForWork(std::unique_lock<std::mutex> &lock, Clock::time_point lastMaintained)
{
    for (;;) {
        if (!m_tasks.isEmpty() || m_stopping || m_importSoon.load())
            return;
        auto until = Clock::time_point::max();
        if (m_importDue.load())
            until = m_lastImport + (m_importFailure.isEmpty() ? kImportEvery : kImportRetry);
        if (m_dirty.load(std::memory_order_relaxed))
            until = std::min(until, lastMaintained + kMaintainEvery);
        if (Clock::now() >= until)
            return;
        if (until == Clock::time_point::max())
            m_wake.wait(lock);
        else
            m_wake.wait_until(lock, until);
    }
}

bool StoreWriter::fallenBehind(Clock::time_point lastMaintained) const
{
    const auto now = Clock::now();
    return (m_dirty.load(std::memory_order_relaxed) &&
            now - lastMaintained > kMaintainEvery + kLate) ||
           (m_importDue.load() && now - m_lastImport > kImportEvery + kLate);
}

void StoreWriter::run()
{
    auto lastMaintained = Clock::now();
    for (;;) {
        QList<Task> tasks;
        {
            std::unique_lock lock(m_mutex);
            m_busy = false;
            m_idle.notify_all();
            waitForWork(lock, lastMaintained);
            if (m_tasks.isEmpty() && m_stopping)
                break; // nothing left
            tasks.swap(m_tasks);
            m_busy = true;
        }
        if (fallenBehind(lastMaintained))
            m_priority.raise(); // starved by busy cores: until it caught up
        const auto importAt =
            m_lastImport + (m_importFailure.isEmpty() ? kImportEvery : kImportRetry);
        if (m_importDue.load() && (m_importSoon.load() || Clock::now() >= importAt))
            importJournal();
        performTasks(&tasks);
        if (Clock::now() - lastMaintained >= kMaintainEvery &&
            m_dirty.exchange(false, std::memory_order_relaxed)) {
            if (maintain())
                lastMaintained = Clock::now();
            else
                m_dirty.store(true, std::memory_order_relaxed); // more, after the next import
        }
        if (!m_importSoon.load() && !fallenBehind(lastMaintained))
            m_priority.lower(); // what was waited for is in
    }
    m_priority.raise(); // the server's stop waits for what follows
    if (m_importDue.load())
        importJournal(); // what the room threads journaled last
    while (!maintain())  // what the last writes left
        continue;
    m_store.reset(); // closed in the thread that opened it
}

void StoreWriter::importJournal()
{
    m_importSoon.store(false);
    m_importDue.store(false); // before pending(): a later append sets it again
    const QList<store::StoredEvent> batch = m_journal->pending();
    m_lastImport = Clock::now();
    if (batch.isEmpty())
        return;
    qint64 lastSeq = 0;
    const qsizetype imported = m_store->importJournaled(batch, &lastSeq);
    if (imported > 0 && lastSeq > batch.at(imported - 1).seq)
        m_journal->skipTo(lastSeq); // or every event after would need a new seq too
    if (imported > 0) {
        m_dirty.store(true, std::memory_order_relaxed);
        afterStored(batch.first(imported), QList<bool>(imported, true));
        if (m_journal->imported(imported))
            m_importDue.store(true);
        // Indexed for search now, a slice, not 200 ms of messages at once in maintain():
        // short, steady work leaves the cores to the deliveries (bench/RESULTS.md, round
        // 4). A failure is left to maintain(), which tries again and logs it.
        m_store->indexForSearch(kIndexSlice);
    }
    if (imported == batch.size()) {
        if (!m_importFailure.isEmpty())
            qCInfo(lcWriter) << "the database takes events again; the journal is imported";
        m_importFailure.clear();
        return;
    }
    // The room threads refuse events from now until an import succeeds: what is
    // journaled stays there, and is imported then or at the next start.
    const QString failure =
        QStringLiteral("the database is not taking events: ") + m_store->lastError();
    if (failure != m_importFailure)
        qCCritical(lcWriter).noquote()
            << failure << "-" << batch.size() - imported << "events wait in the journal";
    m_importFailure = failure;
    m_journal->setImportFailure(failure);
    m_importDue.store(true);
}

bool StoreWriter::maintain()
{
    // Short slices: a room thread that wants to write meanwhile waits for one (they
    // share the process's write lock) instead of handing its write to this thread.
    qint64 indexed = 0;
    QString failure;
    if (!m_store->indexForSearch(kIndexSlice, &indexed))
        failure = QStringLiteral("could not index messages for search: ") + m_store->lastError();
    else if (indexed == kIndexSlice)
        return false;
    else if (!m_store->checkpoint())
        failure =
            QStringLiteral("could not checkpoint the write-ahead log: ") + m_store->lastError();
    // Once per cause: a fault lasts, and this runs a few times a second while written to.
    if (!failure.isEmpty() && failure != m_maintainFailure)
        qCWarning(lcWriter).noquote() << failure;
    m_maintainFailure = failure;
    return true; // after a failure, tried again after the next writes
}

void StoreWriter::afterStored(const QList<store::StoredEvent> &events, const QList<bool> &stored)
{
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QString &room = events[i].room;
        if (stored[i] && !m_rooms.contains(room) && m_store->ensureRoom(room))
            m_rooms.insert(room); // for listings; a failure costs only the listing
    }
    if (m_cap.events > 0 || m_cap.bytes > 0)
        capHistory(events, stored);
}

void StoreWriter::performTasks(QList<Task> *tasks)
{
    for (Task &task : *tasks) {
        task.work(m_store.get());
        QMetaObject::invokeMethod(task.context, std::move(task.done), Qt::QueuedConnection);
    }
}

void StoreWriter::capHistory(const QList<store::StoredEvent> &events, const QList<bool> &stored)
{
    QSet<QString> touched;
    QSet<QString> counted; // from the database, this write's events included
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (!stored[i])
            continue;
        const QString &room = events[i].room;
        touched.insert(room);
        if (counted.contains(room))
            continue;
        const auto known = m_sizes.find(room);
        if (known == m_sizes.end()) {
            // Counted once per run, this write included.
            if (const auto size = m_store->roomSize(room))
                m_sizes.insert(room, *size);
            counted.insert(room);
        } else {
            known->events += 1;
            known->bytes += events[i].line.size();
        }
    }
    for (const QString &room : std::as_const(touched)) {
        const auto size = m_sizes.find(room);
        if (size == m_sizes.end() || !((m_cap.events > 0 && size->events > m_cap.events) ||
                                       (m_cap.bytes > 0 && size->bytes > m_cap.bytes)))
            continue;
        const auto pruned = m_store->pruneOldest(room, *size, m_cap);
        if (!pruned) {
            qCWarning(lcWriter) << "could not prune the history of" << room << ":"
                                << m_store->lastError();
            m_sizes.erase(size); // counted again next time
            continue;
        }
        size->events -= pruned->events;
        size->bytes -= pruned->bytes;
    }
}

QList<bool> StoreWriter::write(store::Store *store, QList<store::StoredEvent> *events)
{
    QList<bool> stored(events->size(), false);
    QList<store::StoredEvent *> pointers;
    pointers.reserve(events->size());
    for (store::StoredEvent &e : *events)
        pointers.append(&e);
    if (store->appendAll(pointers)) {
        stored.fill(true);
        return stored;
    }
    // A locked database would only make each retry wait the busy timeout again.
    if (events->size() == 1 || store->lastErrorIsBusy())
        return stored;
    for (qsizetype i = 0; i < pointers.size(); ++i) {
        stored[i] = store->append(pointers[i]);
        if (!stored[i] && store->lastErrorIsBusy())
            break;
    }
    return stored;
}

} // namespace talker::server
