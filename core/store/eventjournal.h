// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/store.h"

#include <QFile>
#include <QHash>
#include <QList>
#include <QLockFile>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace talker::store {

/// The durable step on the send path: the room threads append each batch of events to
/// this file with one write() and send it on; the store writer imports what is
/// journaled into SQLite a few milliseconds later, in one transaction for all rooms.
///
/// A SQLite commit per batch on the room threads was most of the server's latency
/// under load (bench/RESULTS.md): each rewrote the same pages and made every other
/// connection's page cache stale. A record here is its length, a CRC-32 and the event,
/// so a torn tail after a crash is found and cut at the next open. Like SQLite's WAL
/// with synchronous=NORMAL, what is written survives the process, not a power cut.
///
/// Until imported, events live here too: latest() finds them by id, and readers of
/// whole ranges wait for the import (waitImported()). Thread-safe.
class EventJournal
{
public:
    EventJournal() = default;
    ~EventJournal();
    EventJournal(const EventJournal &) = delete;
    EventJournal &operator=(const EventJournal &) = delete;

    /// Opens (creating) the journal at `path` and reads what a previous run left in it
    /// (recovered()), cutting a torn tail. False with `*error` on failure, also when
    /// another process has it open: one server per database.
    bool open(const QString &path, QString *error);
    /// The events found at open(), oldest first: some may be imported already.
    QList<StoredEvent> recovered() const { return m_recovered; }
    /// Once recovered() is imported: empties the file; seqs continue after `lastSeq`.
    bool start(qint64 lastSeq, QString *error);
    /// Called (in the appending thread) when events wait for import and none did
    /// before (false), and when the import is urgent (true): a reader waits for it, or
    /// more than a MiB of lines does.
    void setWake(std::function<void(bool soon)> wake) { m_wake = std::move(wake); }

    /// Gives the events their seqs and writes them in one write(). False, with nothing
    /// written, when the write fails or the last import failed (lastError()).
    bool append(const QList<StoredEvent *> &events);
    QString lastError() const;

    /// The newest event with this id in `room` that is not imported yet.
    std::optional<StoredEvent> latest(const QString &room, const QString &id) const;
    /// Waits at most `ms` until everything appended so far, up to seq `upTo`, is
    /// imported; false if it was not (a failing import is not waited for).
    bool waitImported(qint64 upTo, int ms);
    /// The same for one room's events: does not wait while none of them up to `upTo`
    /// waits for the import. A read of a room must not wait for other rooms' events:
    /// on a locked database that is the busy timeout, and its whole thread waits.
    bool waitImported(const QString &room, qint64 upTo, int ms);

    // The importer's side.
    /// A copy of what waits for import, oldest first.
    QList<StoredEvent> pending() const;
    /// The first `count` pending events are in the database now; the file is emptied
    /// when nothing else waits, or rewritten with what does once it is long. Returns
    /// whether more wait.
    bool imported(qsizetype count);
    /// Seqs go on after `seq`: another process stored events, and took seqs this
    /// journal gave (SqliteStore::importJournaled() stored those under new ones).
    void skipTo(qint64 seq);
    /// An import failed (`error`), or succeeded (empty): appends are refused from a
    /// failure until the next success, so what cannot be imported does not pile up.
    void setImportFailure(const QString &error);

private:
    /// Reads the records in the file, cutting what follows the last whole one.
    bool readAll(QString *error);
    /// Writes what is pending to a new file that then replaces the long one.
    void rewrite();
    /// The waitImported()s' wait (`lock` held): until `imported` holds or the import
    /// fails, at most `ms`; wakes the importer first. Returns `imported()`.
    bool waitUntil(std::unique_lock<std::mutex> &lock, const std::function<bool()> &imported,
                   int ms);

    mutable std::mutex m_mutex;
    std::condition_variable m_importedCv;
    std::unique_ptr<QLockFile> m_lock; ///< `path`.lock, held while open
    QFile m_file;
    QString m_path;
    QList<StoredEvent> m_recovered;
    QList<StoredEvent> m_pending;
    qint64 m_pendingBytes = 0;                 ///< of their lines
    QHash<QString, StoredEvent> m_newest;      ///< room + '\n' + id -> its newest pending event
    QHash<QString, qsizetype> m_pendingInRoom; ///< pending events per room, when any
    qint64 m_lastSeq = 0;
    qint64 m_importedSeq = 0;
    QString m_error;
    QString m_importFailure;
    QString m_broken; ///< the file ends in a torn record: appends wait for a rewrite
    std::function<void(bool soon)> m_wake;
};

} // namespace talker::store
