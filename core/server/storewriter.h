// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/sqlitestore.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>

class QThread;

namespace talker::server {

/// Writes the rooms' events to SQLite on a thread of its own, through a connection of
/// its own, so that a locked or slow database delays only the rooms that wait for a
/// write: their threads go on serving pings, presence and the other rooms.
///
/// Batches from every hub that arrive while a write is under way are committed
/// together in the next transaction. A locked database fails the whole batch after
/// the busy timeout, once: nothing is retried event by event then.
///
/// Every few tenths of a second after a write (its own or a room thread's) it also
/// indexes the new messages for search and copies the write-ahead log into the
/// database, the two jobs that would otherwise make some commits on the send path
/// long.
class StoreWriter
{
public:
    /// Called in the submitting object's thread: the events as written (seq set when
    /// stored) and, for each, whether it was stored.
    using Done = std::function<void(QList<store::StoredEvent> events, QList<bool> stored)>;

    StoreWriter();
    /// Writes what is still queued, then stops.
    ~StoreWriter();
    StoreWriter(const StoreWriter &) = delete;
    StoreWriter &operator=(const StoreWriter &) = delete;

    /// Starts the thread and opens the database there. False with `*error` on failure.
    bool open(const QString &path, const store::SqliteStore::Options &options, QString *error);

    /// Keeps each room's history to at most `events` events and `bytes` bytes of lines
    /// (0: no limit), pruning the oldest after each write. Call before open().
    void setHistoryCap(qint64 events, qint64 bytes) { m_cap = store::RoomSize{events, bytes}; }

    /// Queues `events` for the next transaction; `done` runs in `context`'s thread.
    void submit(QList<store::StoredEvent> events, QObject *context, Done done);
    /// Runs `work` here with the writer's store (and its busy timeout, which a room
    /// thread's store does not wait), after the writes queued before it; then `done`
    /// in `context`'s thread, unless `context` is gone by then.
    void perform(std::function<void(store::SqliteStore *)> work, QObject *context,
                 std::function<void()> done);
    /// Waits at most `ms` milliseconds until nothing is queued or being written.
    bool waitIdle(int ms);
    /// Tells the writer that a room thread wrote to the database itself: maintain()
    /// runs soon. Any thread.
    void noteWritten();

    /// Writes `events` with `store` here and now: in one transaction, or one by one when
    /// that failed for a reason of a single event (not a locked database). Returns
    /// whether each was stored.
    static QList<bool> write(store::Store *store, QList<store::StoredEvent> *events);

private:
    struct Job
    {
        QList<store::StoredEvent> events;
        QObject *context; ///< outlives the job (a Hub waits for its writes)
        Done done;
    };
    struct Task
    {
        std::function<void(store::SqliteStore *)> work;
        QObject *context;
        std::function<void()> done;
    };
    void run();
    void writeJobs(QList<Job> *jobs);
    void performTasks(QList<Task> *tasks);
    /// Indexes a slice of the new messages for search and, once all are, checkpoints
    /// the write-ahead log. False while more is left to index.
    bool maintain();
    /// Prunes the rooms that the stored events took over the history cap.
    void capHistory(const QList<store::StoredEvent> &events, const QList<bool> &stored);

    std::unique_ptr<QThread> m_thread;
    std::unique_ptr<store::SqliteStore> m_store; ///< used in m_thread only
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    QList<Job> m_jobs;
    QList<Task> m_tasks;
    bool m_busy = false;
    bool m_stopping = false;
    QSet<QString> m_rooms; ///< rooms known to be in the rooms table
    store::RoomSize m_cap;
    QHash<QString, store::RoomSize> m_sizes; ///< history per room, once counted
    std::atomic<bool> m_dirty{false};        ///< written since the last maintain()
    QString m_maintainFailure;               ///< the last one logged, until it succeeds
};

} // namespace talker::server
