// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/storageguard.h"

#include <QFile>

#include <mutex>

#if defined(Q_OS_UNIX)
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif
#if defined(Q_OS_LINUX)
#include <linux/fs.h>
#include <sys/ioctl.h>
#endif

namespace talker::store {

namespace {

#if defined(Q_OS_UNIX)
/// The last resort when a file turns bad between a check and SQLite's write to its
/// mapping: the process cannot go on, but it says why.
void onBusError(int signal)
{
    static const char text[] =
        "talker: STORAGE FAULT: bus error (SIGBUS) writing a mapped file: the database's "
        "-shm file most likely became unwritable (chattr +i?) during a write\n";
    [[maybe_unused]] const auto written = ::write(2, text, sizeof text - 1);
    ::signal(signal, SIG_DFL);
    ::raise(signal);
}
#endif

void explainBusErrors()
{
#if defined(Q_OS_UNIX)
    static std::once_flag once;
    std::call_once(once, [] {
        struct sigaction action = {};
        action.sa_handler = onBusError;
        sigemptyset(&action.sa_mask);
        sigaction(SIGBUS, &action, nullptr);
    });
#endif
}

} // namespace

#if defined(Q_OS_UNIX)
bool StorageGuard::stillAtPath(const struct stat &open) const
{
    // A link count above zero is not enough: the file may have another hard link
    // elsewhere while its own name (or whole directory) is gone.
    struct stat named;
    if (::stat(QFile::encodeName(m_path).constData(), &named) != 0)
        return errno != ENOENT && errno != ENOTDIR; // e.g. EACCES: no proof of a loss
    return named.st_dev == open.st_dev && named.st_ino == open.st_ino;
}
#endif

StorageGuard::~StorageGuard()
{
    stop();
}

void StorageGuard::watch(const QString &path)
{
    stop();
    m_path = path;
    explainBusErrors();
#if defined(Q_OS_UNIX)
    m_db = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
#endif
}

void StorageGuard::stop()
{
#if defined(Q_OS_UNIX)
    if (m_db >= 0)
        ::close(m_db);
    if (m_shm >= 0)
        ::close(m_shm);
#endif
    m_db = m_shm = -1;
}

QString StorageGuard::fault()
{
#if defined(Q_OS_UNIX)
    struct stat st;
    if (m_db >= 0 && ::fstat(m_db, &st) == 0 && (st.st_nlink == 0 || !stillAtPath(st)))
        return QStringLiteral("the database file %1 was deleted (or replaced) while in use")
            .arg(m_path);
#if defined(Q_OS_LINUX)
    if (m_shm < 0 && m_db >= 0) // SQLite makes it on first use
        m_shm = ::open(QFile::encodeName(m_path + QLatin1String("-shm")).constData(),
                       O_RDONLY | O_CLOEXEC);
    int flags = 0;
    if (m_shm >= 0 && ::ioctl(m_shm, FS_IOC_GETFLAGS, &flags) == 0 &&
        (flags & (FS_IMMUTABLE_FL | FS_APPEND_FL)) != 0)
        return QStringLiteral("the shared-memory file %1-shm is immutable or append-only")
            .arg(m_path);
#endif
#endif
    return QString();
}

} // namespace talker::store
