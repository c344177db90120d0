// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

struct stat;

namespace talker::store {

/// Watches the files under an open SQLite database for faults that SQLite itself does
/// not notice, so the store can refuse to use them instead of losing or crashing:
///
/// - the database file was deleted (or its directory, or it was replaced): SQLite goes
///   on writing to the unlinked file, and everything written is lost at the next start;
/// - the `-shm` file was made immutable or append-only (chattr +i/+a): the first write
///   to its shared mapping raises SIGBUS. When that happens during a statement, after
///   the check, the guard's SIGBUS handler (Linux) gives the page a private copy so the
///   statement completes, and the guard refuses everything from then on.
///
/// It keeps descriptors of both files, so a check is an fstat(), a stat() of the
/// database's name and an ioctl(), cheap enough to run before every statement.
class StorageGuard
{
public:
    StorageGuard() = default;
    ~StorageGuard();
    StorageGuard(const StorageGuard &) = delete;
    StorageGuard &operator=(const StorageGuard &) = delete;

    /// Starts watching the database file at `path` (already open) and its `-shm`.
    void watch(const QString &path);
    void stop();
    /// What is wrong, or an empty string while the files are usable.
    QString fault();

private:
#if defined(Q_OS_UNIX)
    /// Whether the file open as m_db is still the one named m_path.
    bool stillAtPath(const struct stat &open) const;
#endif
    QString m_path;
    int m_db = -1;
    int m_shm = -1;
};

} // namespace talker::store
