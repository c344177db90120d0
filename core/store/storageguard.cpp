// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/storageguard.h"

#include <QFile>

#include <array>
#include <atomic>
#include <cstring>
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
#include <sys/mman.h>
#endif

namespace talker::store {

namespace {

#if defined(Q_OS_LINUX)
/// What the bus-error handler needs, set up before it is installed: it may only use
/// system calls and memory that is already there.
struct BusErrorState
{
    long pageSize = 4096;
    int probe[2] = {-1, -1}; // a pipe: reading a page through it cannot fault
    std::atomic_flag busy = ATOMIC_FLAG_INIT;
    std::array<std::atomic<unsigned long>, 8> detachedInodes{}; // of -shm files
    std::array<std::atomic<uintptr_t>, 64> detachedPages{};     // made private so far
    std::array<char, 65536> page{};
    std::array<char, 4096> read{};
    std::array<char, 256> line{};
};
BusErrorState g_bus;

void say(const char *text)
{
    [[maybe_unused]] const auto written = ::write(2, text, std::strlen(text));
}

unsigned long parseHex(const char *&p)
{
    unsigned long value = 0;
    for (;; ++p) {
        const char c = *p;
        const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (digit < 0)
            return value;
        value = value * 16 + unsigned(digit);
    }
}

/// The inode of the "-shm" file (SQLite's shared wal-index) mapped at `addr`, or 0,
/// from /proc/self/maps ("start-end perms offset dev inode path").
unsigned long shmInodeAt(uintptr_t addr)
{
    const int fd = ::open("/proc/self/maps", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    unsigned long found = 0;
    size_t length = 0; // of the line's start kept in g_bus.line
    char tail[4] = {}; // the line's last four characters
    ssize_t n;
    while (found == 0 && (n = ::read(fd, g_bus.read.data(), g_bus.read.size())) > 0) {
        for (ssize_t i = 0; i < n && found == 0; ++i) {
            const char c = g_bus.read[size_t(i)];
            if (c != '\n') {
                if (length + 1 < g_bus.line.size())
                    g_bus.line[length++] = c;
                std::memmove(tail, tail + 1, 3);
                tail[3] = c;
                continue;
            }
            g_bus.line[length] = '\0';
            const char *p = g_bus.line.data();
            const unsigned long start = parseHex(p);
            ++p;
            const unsigned long end = parseHex(p);
            if (addr >= start && addr < end && std::memcmp(tail, "-shm", 4) == 0) {
                for (int field = 0; field < 3; ++field) { // perms, offset, dev
                    while (*p == ' ')
                        ++p;
                    while (*p != ' ' && *p != '\0')
                        ++p;
                }
                while (*p == ' ')
                    ++p;
                for (; *p >= '0' && *p <= '9'; ++p)
                    found = found * 10 + unsigned(*p - '0');
            }
            length = 0;
        }
    }
    ::close(fd);
    return found;
}

/// Puts a private copy of the page at `addr` in place of the shared one, keeping its
/// contents. SQLite's connections in this process all use this one mapping, so they
/// stay consistent with each other; nothing else sees the page any more.
bool detachPage(uintptr_t addr)
{
    const auto size = size_t(g_bus.pageSize);
    if (size > g_bus.page.size())
        return false;
    void *page = reinterpret_cast<void *>(addr & ~uintptr_t(size - 1));
    // Through the pipe, a page that cannot be read gives EFAULT, not another SIGBUS.
    const ssize_t in = ::write(g_bus.probe[1], page, size);
    const ssize_t out = in > 0 ? ::read(g_bus.probe[0], g_bus.page.data(), size_t(in)) : 0;
    if (in != ssize_t(size) || out != in)
        std::memset(g_bus.page.data(), 0, size);
    if (::mmap(page, size, PROT_READ | PROT_WRITE, MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS, -1,
               0) == MAP_FAILED)
        return false;
    std::memcpy(page, g_bus.page.data(), size);
    return true;
}

/// Two threads can fault on the same page before either handler runs; the second then
/// finds the page already private (and no longer in /proc/self/maps as the -shm file).
bool alreadyDetached(uintptr_t page)
{
    for (const auto &slot : g_bus.detachedPages) {
        if (slot.load() == page)
            return true;
    }
    return false;
}

/// Puts `value` in the first free slot unless it is there already; false when full.
template<typename T, size_t N>
bool remember(std::array<std::atomic<T>, N> &table, T value)
{
    for (auto &slot : table) {
        T empty = 0;
        if (slot.load() == value || slot.compare_exchange_strong(empty, value))
            return true;
    }
    return false;
}

/// A write to SQLite's -shm mapping that the file refuses (it became immutable, or
/// the disk is full) raises SIGBUS. The check before each statement catches a file
/// that is already bad; this handles one that turns bad during a statement: the page
/// becomes private, the statement completes (its data goes to the -wal file by
/// write(), not through the mapping), and the guard refuses every later statement.
void onBusError(int signal, siginfo_t *info, void *)
{
    while (g_bus.busy.test_and_set(std::memory_order_acquire)) {
    }
    const auto addr = reinterpret_cast<uintptr_t>(info->si_addr);
    const uintptr_t page = addr & ~uintptr_t(g_bus.pageSize - 1);
    if (alreadyDetached(page)) {
        g_bus.busy.clear(std::memory_order_release);
        return; // the faulting write runs again, on the page another fault made private
    }
    const unsigned long inode = shmInodeAt(addr);
    const bool saved = inode != 0 && remember(g_bus.detachedInodes, inode) && detachPage(addr);
    if (saved)
        remember(g_bus.detachedPages, page);
    g_bus.busy.clear(std::memory_order_release);
    if (saved) {
        say("talker: STORAGE FAULT: bus error (SIGBUS) writing the database's -shm file "
            "(immutable, or the disk is full?): this process keeps a private copy of it "
            "and refuses further writes until restarted\n");
        return; // the faulting write runs again, on the private page
    }
    say("talker: STORAGE FAULT: bus error (SIGBUS) writing a mapped file that is not a "
        "database's -shm: cannot go on\n");
    ::signal(signal, SIG_DFL);
    ::raise(signal);
}
#endif

#if defined(Q_OS_UNIX) && !defined(Q_OS_LINUX)
/// Without /proc/self/maps to tell a -shm mapping, a bus error cannot be survived; the
/// process at least says why it ends.
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

void handleBusErrors()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_LINUX)
    static std::once_flag once;
    std::call_once(once, [] {
        struct sigaction action = {};
        action.sa_handler = onBusError;
        sigemptyset(&action.sa_mask);
        sigaction(SIGBUS, &action, nullptr);
    });
#elif defined(Q_OS_LINUX)
    static std::once_flag once;
    std::call_once(once, [] {
        g_bus.pageSize = ::sysconf(_SC_PAGESIZE);
        if (::pipe2(g_bus.probe, O_CLOEXEC | O_NONBLOCK) != 0)
            return;
        struct sigaction action = {};
        action.sa_sigaction = onBusError;
        action.sa_flags = SA_SIGINFO;
        sigemptyset(&action.sa_mask);
        sigaction(SIGBUS, &action, nullptr);
    });
#endif
}

#if defined(Q_OS_LINUX)
bool wasDetached(int shm)
{
    // This runs before every statement: no fstat() until a bus error has detached a
    // page (the slots fill in order, so an empty first slot means none was).
    if (g_bus.detachedInodes[0].load() == 0)
        return false;
    struct stat st;
    if (shm < 0 || ::fstat(shm, &st) != 0)
        return false;
    for (const auto &slot : g_bus.detachedInodes) {
        if (slot.load() == st.st_ino)
            return true;
    }
    return false;
}
#endif

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
    handleBusErrors();
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
    if (wasDetached(m_shm))
        return QStringLiteral("a write to the shared-memory file %1-shm failed (bus error); "
                              "this process keeps its own copy of it, so the database takes "
                              "no more writes until the server restarts")
            .arg(m_path);
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
