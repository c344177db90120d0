// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/importpriority.h"
#include "store/sqlitestore.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>

class QThread;

namespace talker::store {
class EventJournal;
}

namespace talker::server {

/// Writes the rooms' events to SQLite on a thread of its own, through a connection of
/// its own: the room threads journal them (eventjournal.h) and send them on, and this
/// thread imports what every room journaled every few milliseconds, in one
/// transaction. A locked or slow database delays no room; a failed import makes the
/// rooms refuse events until one succeeds. It also runs the registrations, which
/// wait for the busy timeout.
///
/// Every few tenths of a second after a write it also indexes the new messages for
/// search and copies the write-ahead log into the database.
class StoreWriter
{
public:
    StoreWriter();
    /// Writes what is still queued, then stops.
    ~StoreWriter();
    StoreWriter(const StoreWriter &) = delete;
    StoreWriter &operator=(const StoreWriter &) = delete;

    /// Starts the thread and opens the database there. False with `*error` on failure.
    bool open(const QString &path, const store::SqliteStore::Options &options, QString *error);

    /// Imports what the room threads append to `journal` (eventjournal.h) a few
    /// milliseconds after, all rooms in one transaction. Call before open().
    void setJournal(store::EventJournal *journal);

    /// Keeps each room's history to at most `events` events and `bytes` bytes of lines
    /// (0: no limit), pruning the oldest after each write. Call before open().
    void setHistoryCap(qint64 events, qint64 bytes) { m_cap = store::RoomSize{events, bytes}; }

    /// Runs `work` here with the writer's store (and its busy timeout, which a room
    /// thread's store does not wait), after the writes queued before it; then `done`
    /// in `context`'s thread, unless `context` is gone by then.
    void perform(std::function<void(store::SqliteStore *)> work, QObject *context,
                 std::function<void()> done);
    /// Waits at most `ms` milliseconds until nothing is queued or being written.
    bool waitIdle(int ms);

    /// Writes `events` with `store` here and now: in one transaction, or one by one when
    /// that failed for a reason of a single event (not a locked database). Returns
    /// whether each was stored.
    static QList<bool> write(store::Store *store, QList<store::StoredEvent> *events);

private:
    struct Task
    {
        std::function<void(store::SqliteStore *)> work;
        QObject *context;
        std::function<void()> done;
    };
    using Clock = std::chrono::steady_clock;
    void run();
    /// Sleeps until there is something to write or perform, or the journal's import or
    /// maintain() is due.
    void waitForWork(std::unique_lock<std::mutex> &lock, Clock::time_point lastMaintained);
    /// Whether the import or maintain() is well past its time.
    bool fallenBehind(Clock::time_point lastMaintained) const;
    /// Writes what waits in the journal to the database.
    void importJournal();
    /// What follows a write: the rooms table for listings, and the history cap.
    void afterStored(const QList<store::StoredEvent> &events, const QList<bool> &stored);
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
    QList<Task> m_tasks;
    bool m_busy = false;
    bool m_stopping = false;
    QSet<QString> m_rooms; ///< rooms known to be in the rooms table
    store::RoomSize m_cap;
    QHash<QString, store::RoomSize> m_sizes; ///< history per room, once counted
    std::atomic<bool> m_dirty{false};        ///< written since the last maintain()
    QString m_maintainFailure;               ///< the last one logged, until it succeeds
    store::EventJournal *m_journal = nullptr;
    std::atomic<bool> m_importDue{false};  ///< events wait in the journal
    std::atomic<bool> m_importSoon{false}; ///< a reader waits for them
    Clock::time_point m_lastImport;
    QString m_importFailure; ///< the last one logged, until an import succeeds
    ImportPriority m_priority;
};

} // namespace talker::server
