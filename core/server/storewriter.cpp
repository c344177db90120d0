// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/storewriter.h"

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

void StoreWriter::submit(QList<store::StoredEvent> events, QObject *context, Done done)
{
    {
        const std::lock_guard lock(m_mutex);
        m_jobs.append(Job{std::move(events), context, std::move(done)});
    }
    m_wake.notify_one();
}

void StoreWriter::noteWritten()
{
    if (m_dirty.exchange(true, std::memory_order_relaxed))
        return; // already due: the writer is awake or will wake for it
    {
        const std::lock_guard lock(m_mutex); // not between its check and its wait
    }
    m_wake.notify_one();
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
                           [this] { return m_jobs.isEmpty() && m_tasks.isEmpty() && !m_busy; });
}

void StoreWriter::run()
{
    using Clock = std::chrono::steady_clock;
    auto lastMaintained = Clock::now();
    for (;;) {
        QList<Job> jobs;
        QList<Task> tasks;
        {
            std::unique_lock lock(m_mutex);
            m_busy = false;
            m_idle.notify_all();
            // Awake while there is something to maintain; asleep when all is quiet.
            const auto ready = [this] {
                return !m_jobs.isEmpty() || !m_tasks.isEmpty() || m_stopping;
            };
            if (m_dirty.load(std::memory_order_relaxed))
                m_wake.wait_until(lock, lastMaintained + kMaintainEvery, ready);
            else
                m_wake.wait(lock, [&] { return ready() || m_dirty.load(); });
            if (m_jobs.isEmpty() && m_tasks.isEmpty() && m_stopping)
                break; // nothing left
            jobs.swap(m_jobs);
            tasks.swap(m_tasks);
            m_busy = true;
        }
        if (!jobs.isEmpty()) {
            m_dirty.store(true, std::memory_order_relaxed);
            writeJobs(&jobs);
        }
        performTasks(&tasks);
        if (Clock::now() - lastMaintained >= kMaintainEvery &&
            m_dirty.exchange(false, std::memory_order_relaxed)) {
            if (maintain())
                lastMaintained = Clock::now();
            else
                m_dirty.store(true, std::memory_order_relaxed); // more, after any jobs
        }
    }
    while (!maintain()) // what the last writes left
        continue;
    m_store.reset(); // closed in the thread that opened it
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

void StoreWriter::writeJobs(QList<Job> *jobs)
{
    QList<store::StoredEvent> all;
    QList<qsizetype> sizes;
    for (Job &job : *jobs) {
        sizes.append(job.events.size());
        all.append(std::move(job.events));
    }
    const QList<bool> stored = write(m_store.get(), &all);
    if (stored.contains(false))
        qCWarning(lcWriter) << "could not store" << stored.count(false) << "of" << stored.size()
                            << "events:" << m_store->lastError();
    for (qsizetype i = 0; i < all.size(); ++i) {
        const QString &room = all[i].room;
        if (stored[i] && !m_rooms.contains(room) && m_store->ensureRoom(room))
            m_rooms.insert(room); // for listings; a failure costs only the listing
    }
    if (m_cap.events > 0 || m_cap.bytes > 0)
        capHistory(all, stored);
    qsizetype at = 0;
    for (qsizetype j = 0; j < jobs->size(); ++j) {
        Job &job = (*jobs)[j];
        QList<store::StoredEvent> events = all.mid(at, sizes[j]);
        QList<bool> ok = stored.mid(at, sizes[j]);
        at += sizes[j];
        QMetaObject::invokeMethod(
            job.context,
            [done = std::move(job.done), events = std::move(events), ok = std::move(ok)]() mutable {
                done(std::move(events), std::move(ok));
            },
            Qt::QueuedConnection);
    }
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
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (!stored[i])
            continue;
        const QString &room = events[i].room;
        touched.insert(room);
        const auto known = m_sizes.find(room);
        if (known == m_sizes.end()) {
            // Counted once per run, this write included.
            if (const auto size = m_store->roomSize(room))
                m_sizes.insert(room, *size);
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
