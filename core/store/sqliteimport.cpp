// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// SqliteStore's side of the event journal (eventjournal.h): importing what the room
// threads journaled, and the room threads' reads that must see it.
#include "store/eventjournal.h"
#include "store/preparedqueries.h"
#include "store/sqlitestore.h"

#include <QLoggingCategory>
#include <QSqlQuery>

namespace talker::store {

Q_LOGGING_CATEGORY(lcImport, "talker.server.store")

namespace {
/// How long a read of a range waits at most for the import of what it must show: a
/// replay or page must not miss what was sent. A locked database ends the wait sooner,
/// when the import fails after the busy timeout; the read then shows what the
/// database has. Only a stuck import (a very slow disk) takes this long.
constexpr int kCatchUpMs = 10000;
} // namespace

void SqliteStore::catchUp(qint64 upTo)
{
    if (m_journal && !m_journal->waitImported(upTo, kCatchUpMs))
        qCDebug(lcImport) << "read before the journal's import: the newest events may be missing";
}

void SqliteStore::catchUp(const QString &room, qint64 upTo)
{
    if (m_journal && !m_journal->waitImported(room, upTo, kCatchUpMs))
        qCDebug(lcImport) << "read of" << room
                          << "before the journal's import: its newest events may be missing";
}

bool SqliteStore::storageSound()
{
    m_error = m_queries->checkStorage();
    m_busy = false;
    return m_error.isEmpty();
}

qint64 SqliteStore::maxSeq()
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM events")) || !q.next()) {
        fail(q.lastError());
        return -1;
    }
    return q.value(0).toLongLong();
}

qsizetype SqliteStore::importJournaled(const QList<StoredEvent> &events, qint64 *lastSeq)
{
    QList<StoredEvent> copies = events;
    QList<StoredEvent *> pointers;
    pointers.reserve(copies.size());
    for (StoredEvent &e : copies)
        pointers.append(&e);
    qint64 last = 0;
    qsizetype imported = 0;
    if (appendAll(pointers)) {
        imported = events.size();
        last = copies.isEmpty() ? 0 : copies.last().seq;
    } else if (!m_busy) { // a busy database would make each one wait again
        // Some event of the batch cannot go in as it is: find it, keep what went in.
        const auto lock = lockForAppend();
        qint64 seq = 0;
        while (imported < events.size() && importOne(events.at(imported), &seq)) {
            last = qMax(last, seq);
            ++imported;
        }
    }
    if (lastSeq)
        *lastSeq = last;
    return imported;
}

bool SqliteStore::importOne(const StoredEvent &event, qint64 *seq)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT room = ? AND id = ? FROM events WHERE seq = ?"));
    q.addBindValue(event.room);
    q.addBindValue(event.id);
    q.addBindValue(event.seq);
    if (!run(q))
        return false;
    const bool taken = q.next();
    *seq = event.seq;
    if (taken && q.value(0).toBool())
        return true; // imported before a crash cut the journal's emptying short
    q.finish();
    StoredEvent copy = event;
    if (taken) {
        // Another process (`talker-server rooms add --welcome`) took the seq.
        qCWarning(lcImport) << "journaled event" << event.id << "stored after seq" << event.seq
                            << "was taken";
        copy.seq = 0;
    }
    if (insert(&copy)) {
        *seq = copy.seq;
        return true;
    }
    qCCritical(lcImport).noquote()
        << "cannot import journaled event" << event.id << "of" << event.room << ":" << m_error;
    return false;
}

} // namespace talker::store
