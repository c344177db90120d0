// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "store/preparedqueries.h"
#include "store/storageguard.h"
#include "store/store.h"

#include <QMutex>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <limits>
#include <memory>
#include <mutex>

namespace talker::store {

class EventJournal;
class SqliteHistory;
class SearchIndexer;

/// How much history a room holds: rows and bytes of their lines.
struct RoomSize
{
    qint64 events = 0;
    qint64 bytes = 0;
};

/// The embedded store: one SQLite file in WAL mode, through QtSql.
///
/// Each instance opens its own connection, so several threads (or processes, like
/// `talker-server user add` next to a running server) can use the same file.
class SqliteStore : public Store
{
public:
    struct Options
    {
        int busyTimeoutMs = 5000; ///< how long a write waits for another writer's lock
        bool readOnly = false;    ///< open without write access (tests, inspection)
        /// Largest database size in bytes (0 = no limit). Writes beyond it fail like
        /// on a full disk, with nothing half-written.
        qint64 maxSizeBytes = 0;
    };

    SqliteStore();
    ~SqliteStore() override;
    SqliteStore(const SqliteStore &) = delete;
    SqliteStore &operator=(const SqliteStore &) = delete;

    /// Opens (creating if needed) the database file and its schema. False on failure;
    /// lastError() says why.
    bool open(const QString &path, const Options &options);
    bool open(const QString &path) { return open(path, Options{}); }
    bool isOpen() const;
    void close();
    /// How append(), appendAll() and redeemInvite() wait: `busyTimeoutMs` for a
    /// database locked by another connection (then they fail with lastErrorIsBusy());
    /// with `processLock` (the default) behind the other stores' writes of this process
    /// first.
    bool setWriteWait(int busyTimeoutMs, bool processLock);

    QString lastError() const override { return m_error; }
    bool lastErrorIsBusy() const override { return m_busy; }

    std::optional<UserRecord> addUser(const QString &name, QString *token) override;
    bool removeUser(const QString &name) override;
    std::optional<QString> resetToken(const QString &name) override;
    QList<UserRecord> users() override;
    std::optional<UserRecord> userByToken(const QString &token) override;
    std::optional<UserRecord> userByName(const QString &name) override;
    std::optional<UserRecord> userByNameKey(const QString &name) override;

    std::optional<InviteRecord> createInvite(const QString &room, int uses, qint64 expires,
                                             QString *code) override;
    QList<InviteRecord> invites() override;
    bool revokeInvite(const QString &codeOrId) override;
    RedeemResult redeemInvite(const QString &code, const QString &name, UserRecord *user,
                              QString *token) override;

    bool ensureRoom(const QString &room) override;
    QStringList rooms() override;

    bool append(StoredEvent *event) override;
    bool appendAll(const QList<StoredEvent *> &events) override;
    std::optional<StoredEvent> latest(const QString &room, const QString &id) override;
    QList<StoredEvent> eventsAfter(const QString &room, const QString &afterId,
                                   const QString &userId, int cap, bool *found) override;
    QList<StoredEvent> lastEvents(const QString &room, const QString &userId, int count) override;
    QList<StoredEvent> openPresences() override;
    bool appendClosingLeaves(const QList<StoredEvent *> &leaves) override;
    bool canReadRanges() const override { return true; }
    qint64 firstSeq(const QString &room, const QString &id) override;
    qint64 lastSeq(const QString &room) override;
    qint64 seqBeforeNewest(const QString &room, const QString &userId, qint64 afterSeq,
                           qint64 upToSeq, int count) override;
    QList<StoredEvent> eventsBetween(const QString &room, const QString &userId, qint64 afterSeq,
                                     qint64 upToSeq, int limit) override;
    HistoryPage historyBefore(const QString &room, const QString &beforeId, const QString &userId,
                              int limit) override;
    std::optional<QByteArray> lineAt(qint64 seq) override;
    bool canSearch() const override { return m_history != nullptr; }
    /// Catches the search index up first (searchindexer.h), then searches it.
    SearchPage search(const SearchQuery &query) override;
    /// Indexes at most `maxEvents` stored events for search (0: all not yet indexed),
    /// in one transaction, holding this process's write lock and never waiting for
    /// another process's. False on failure (lastError()); `*indexed` gets how many
    /// events it covered.
    bool indexForSearch(qint64 maxEvents, qint64 *indexed = nullptr);

    /// Whether a commit on this connection copies the write-ahead log into the database
    /// once it is long (SQLite's default). A store whose commits must stay short turns
    /// it off, and another connection calls checkpoint().
    bool setAutoCheckpoint(bool on);
    /// Copies what it can of the write-ahead log into the database without waiting for
    /// or blocking anyone (a passive checkpoint). False on failure.
    bool checkpoint();

    /// Events are journaled before they reach this database (eventjournal.h): latest()
    /// looks in `journal` first, and reads of ranges wait for its import first. For
    /// the room threads' stores, not the one that imports.
    void readThrough(EventJournal *journal) { m_journal = journal; }
    /// Whether the database's files are sound (storageguard.h): a fault is logged
    /// once and is lastError().
    bool storageSound() override;
    /// Writes journaled events (seq set) in order: in one transaction when it can, one
    /// by one after a failure of one event, under another seq when theirs is taken
    /// (another process wrote), skipping those already here. Returns how many from the
    /// front are in the database now; `*lastSeq` gets the largest seq they have there
    /// (sqliteimport.cpp).
    qsizetype importJournaled(const QList<StoredEvent> &events, qint64 *lastSeq = nullptr);
    /// The largest seq stored, 0 when none.
    qint64 maxSeq();

    // The per-room history cap (sqliteprune.cpp).
    /// The room's history as stored now.
    std::optional<RoomSize> roomSize(const QString &room);
    /// Deletes the room's oldest events until it holds at most `cap` (a 0 field is no
    /// limit), with every row of a message whose first row goes (its edits), its
    /// search text and paging entry. Returns what was deleted, from `size` (the
    /// room's size now).
    std::optional<RoomSize> pruneOldest(const QString &room, const RoomSize &size,
                                        const RoomSize &cap);

private:
    static QMutex &writeLock();
    bool exec(const QString &sql);
    /// Records a failed call's error (lastError(), lastErrorIsBusy()).
    void fail(const QSqlError &error);
    /// Fills the case-insensitive name key of users stored before it existed and
    /// makes it unique (sqliteaccounts.cpp).
    bool addNameKeys();
    /// addUser() without taking the write lock.
    std::optional<UserRecord> insertUser(const QString &name, QString *token);
    bool run(QSqlQuery &query);
    bool insert(StoredEvent *event);
    /// Waits for the journal's import, up to seq `upTo`, before a read of a range
    /// (readThrough()).
    void catchUp(qint64 upTo = std::numeric_limits<qint64>::max());
    /// The same before a read of one room: waits only for that room's events.
    void catchUp(const QString &room, qint64 upTo = std::numeric_limits<qint64>::max());
    /// importJournaled() of one event, which may be stored already; `*seq` gets its
    /// seq in the database.
    bool importOne(const StoredEvent &event, qint64 *seq);
    /// writeLock() held for an append or an invite's redemption; none without
    /// m_appendProcessLock (setWriteWait()).
    std::unique_lock<QMutex> lockForAppend();
    qint64 pruneLimit(const QString &room, const RoomSize &size, const RoomSize &cap);
    /// Runs a prepared query (values bound) that selects events; reads them all.
    QList<StoredEvent> fetchEvents(QSqlQuery &query);
    /// Runs a prepared query (values bound) that selects one user's id and name.
    std::optional<UserRecord> fetchUser(QSqlQuery &query);
    /// Runs a prepared query (values bound) that selects one integer; `fallback` when
    /// it selects no row or NULL.
    qint64 fetchSeq(QSqlQuery &query, qint64 fallback);
    QSqlQuery &prepared(int which);
    /// Makes m_accountQueries for the open connection (sqliteaccounts.cpp).
    void prepareAccounts();
    /// The users' prepared statement `which` (sqliteaccounts.cpp).
    QSqlQuery &accountQuery(int which);
    /// Makes m_readQueries for the open connection (sqlitereads.cpp).
    void prepareReads();
    /// The event reads' prepared statement `which` (sqlitereads.cpp).
    QSqlQuery &readQuery(int which);

    QString m_connection;
    QString m_error;
    bool m_busy = false;
    bool m_appendProcessLock = true;
    int m_busyTimeoutMs = 0;                    ///< as set on the connection
    StorageGuard m_guard;                       ///< the files under the connection
    std::unique_ptr<PreparedQueries> m_queries; ///< once open
    /// The users' statements (sqliteaccounts.cpp), once open.
    std::unique_ptr<PreparedQueries> m_accountQueries;
    /// The event reads' statements (sqlitereads.cpp), once open.
    std::unique_ptr<PreparedQueries> m_readQueries;
    std::unique_ptr<SqliteHistory> m_history; ///< paging and search, once open
    std::unique_ptr<SearchIndexer> m_indexer; ///< once open for writing
    EventJournal *m_journal = nullptr;        ///< readThrough()
};

} // namespace talker::store
