// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/eventjournal.h"

#include <QDataStream>
#include <QLoggingCategory>
#include <QtEndian>
#include <array>
#include <filesystem>

namespace talker::store {

Q_LOGGING_CATEGORY(lcJournal, "talker.server.store")

namespace {

/// Once the file is this long and events still wait, it is rewritten with only those.
constexpr qint64 kRewriteAt = 4 * 1024 * 1024;
/// Lines waiting for import at most: beyond, the database has fallen behind (or the
/// import cannot get the CPU), and events are refused until it catches up, so the
/// memory they take stays bounded.
constexpr qint64 kMaxPendingBytes = 64 * 1024 * 1024;
/// Lines waiting for import beyond which the import is urgent (setWake()).
constexpr qint64 kUrgentBytes = 1024 * 1024;
/// A record's length and CRC-32, each 4 bytes, little-endian.
constexpr qsizetype kHeader = 8;
/// Larger than any event a server accepts (the line limit), so a corrupt length is
/// taken for the torn tail it is, not for a record to allocate.
constexpr quint32 kMaxRecord = 64 * 1024 * 1024;

/// CRC-32 (IEEE 802.3, as zlib's): only to tell a whole record from a torn one.
quint32 crc32(const char *data, qsizetype size)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    quint32 crc = 0xFFFFFFFFu;
    for (qsizetype i = 0; i < size; ++i)
        crc = table[(crc ^ quint8(data[i])) & 0xFFu] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

void appendRecord(QByteArray *out, const StoredEvent &e)
{
    QByteArray payload;
    {
        QDataStream s(&payload, QIODevice::WriteOnly);
        s.setVersion(QDataStream::Qt_6_0);
        s << e.seq << e.room << e.id << qint32(e.kind) << e.senderId << e.recipientId << e.time
          << e.content << e.line;
    }
    char header[kHeader];
    qToLittleEndian(quint32(payload.size()), header);
    qToLittleEndian(crc32(payload.constData(), payload.size()), header + 4);
    out->append(header, kHeader);
    out->append(payload);
}

std::optional<StoredEvent> parseRecord(const QByteArray &payload)
{
    QDataStream s(payload);
    s.setVersion(QDataStream::Qt_6_0);
    StoredEvent e;
    qint32 kind = 0;
    s >> e.seq >> e.room >> e.id >> kind >> e.senderId >> e.recipientId >> e.time >> e.content >>
        e.line;
    if (s.status() != QDataStream::Ok || e.seq <= 0)
        return std::nullopt;
    e.kind = EventKind(kind);
    return e;
}

QString key(const QString &room, const QString &id)
{
    return room + QLatin1Char('\n') + id;
}

} // namespace

EventJournal::~EventJournal() = default;

bool EventJournal::open(const QString &path, QString *error)
{
    const std::lock_guard lock(m_mutex);
    // Two servers on one database would each import, and empty, the other's journal.
    m_lock = std::make_unique<QLockFile>(path + QStringLiteral(".lock"));
    if (!m_lock->tryLock(0)) {
        *error = m_lock->error() == QLockFile::LockFailedError
                     ? QStringLiteral("another server uses this database (%1 is locked)").arg(path)
                     : QStringLiteral("cannot lock %1").arg(path);
        return false;
    }
    m_path = path;
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadWrite | QIODevice::Unbuffered)) {
        *error = QStringLiteral("cannot open %1: %2").arg(path, m_file.errorString());
        return false;
    }
    return readAll(error);
}

bool EventJournal::readAll(QString *error)
{
    const QByteArray data = m_file.readAll();
    qsizetype at = 0;
    while (data.size() - at >= kHeader) {
        const quint32 size = qFromLittleEndian<quint32>(data.constData() + at);
        const quint32 crc = qFromLittleEndian<quint32>(data.constData() + at + 4);
        if (size > kMaxRecord || data.size() - at - kHeader < qsizetype(size) ||
            crc32(data.constData() + at + kHeader, size) != crc)
            break;
        const std::optional<StoredEvent> event = parseRecord(data.mid(at + kHeader, size));
        if (!event)
            break;
        m_recovered.append(*event);
        at += kHeader + size;
    }
    if (at < data.size()) {
        // A crash while writing leaves a torn last record; anything else is damage,
        // and nothing after it can be told apart from noise.
        qCWarning(lcJournal) << "the event journal ends in" << data.size() - at
                             << "bytes that are not a whole record (a crash while writing, "
                                "or damage): dropped";
        if (!m_file.resize(at)) {
            *error = QStringLiteral("cannot cut the torn end of %1: %2")
                         .arg(m_path, m_file.errorString());
            return false;
        }
    }
    // Appends go to the end: the file is opened for reading too, to recover.
    return m_file.seek(at) || (*error = m_file.errorString(), false);
}

bool EventJournal::start(qint64 lastSeq, QString *error)
{
    const std::lock_guard lock(m_mutex);
    for (const StoredEvent &e : std::as_const(m_recovered))
        lastSeq = qMax(lastSeq, e.seq);
    m_recovered.clear();
    m_lastSeq = m_importedSeq = lastSeq;
    if (!m_file.resize(0) || !m_file.seek(0)) {
        *error = QStringLiteral("cannot empty %1: %2").arg(m_path, m_file.errorString());
        return false;
    }
    return true;
}

bool EventJournal::append(const QList<StoredEvent *> &events)
{
    std::unique_lock lock(m_mutex);
    if (!m_importFailure.isEmpty() || !m_broken.isEmpty()) {
        m_error = m_broken.isEmpty() ? m_importFailure : m_broken;
        return false;
    }
    if (m_pendingBytes > kMaxPendingBytes) {
        m_error = QStringLiteral("the database has fallen behind the event journal");
        return false;
    }
    // A journal deleted under us would take writes that are gone at the next start.
    if (!QFile::exists(m_path)) {
        const QString error = QStringLiteral("the event journal %1 was deleted").arg(m_path);
        if (m_error != error) // once, not for every batch refused
            qCCritical(lcJournal).noquote() << "STORAGE FAULT:" << error;
        m_error = error;
        return false;
    }
    QByteArray records;
    qint64 seq = m_lastSeq;
    for (StoredEvent *e : events) {
        e->seq = ++seq;
        appendRecord(&records, *e);
    }
    const qint64 end = m_file.pos();
    if (m_file.write(records) != records.size()) {
        m_error = QStringLiteral("cannot write the event journal: ") + m_file.errorString();
        // Cut the part written, or the next records would follow a torn one.
        if (!m_file.resize(end) || !m_file.seek(end))
            m_broken = m_error; // refused until the file is emptied or rewritten
        for (StoredEvent *e : events)
            e->seq = 0;
        return false;
    }
    m_lastSeq = seq;
    const bool wasIdle = m_pending.isEmpty();
    const bool wasSmall = m_pendingBytes <= kUrgentBytes;
    for (const StoredEvent *e : events) {
        m_pendingBytes += e->line.size();
        m_pending.append(*e);
        ++m_pendingInRoom[e->room];
        m_newest.insert(key(e->room, e->id), *e);
    }
    const bool urgent = wasSmall && m_pendingBytes > kUrgentBytes;
    lock.unlock();
    if ((wasIdle || urgent) && m_wake)
        m_wake(urgent);
    return true;
}

void EventJournal::skipTo(qint64 seq)
{
    const std::lock_guard lock(m_mutex);
    m_lastSeq = qMax(m_lastSeq, seq);
}

QString EventJournal::lastError() const
{
    const std::lock_guard lock(m_mutex);
    return m_error;
}

std::optional<StoredEvent> EventJournal::latest(const QString &room, const QString &id) const
{
    const std::lock_guard lock(m_mutex);
    const auto it = m_newest.constFind(key(room, id));
    if (it == m_newest.cend())
        return std::nullopt;
    return *it;
}

bool EventJournal::waitImported(qint64 upTo, int ms)
{
    std::unique_lock lock(m_mutex);
    const qint64 target = qMin(upTo, m_lastSeq);
    return waitUntil(
        lock, [&] { return m_importedSeq >= target; }, ms);
}

bool EventJournal::waitImported(const QString &room, qint64 upTo, int ms)
{
    std::unique_lock lock(m_mutex);
    return waitUntil(
        lock,
        [&] {
            if (!m_pendingInRoom.contains(room))
                return true;
            for (const StoredEvent &e : std::as_const(m_pending)) {
                if (e.room == room)
                    return e.seq > upTo; // pending events are in seq order
            }
            return true;
        },
        ms);
}

bool EventJournal::waitUntil(std::unique_lock<std::mutex> &lock,
                             const std::function<bool()> &imported, int ms)
{
    const auto done = [&] {
        return imported() || !m_importFailure.isEmpty();
    };
    if (done())
        return imported();
    lock.unlock();
    if (m_wake)
        m_wake(true); // a reader waits: the import goes now, at normal priority
    lock.lock();
    m_importedCv.wait_for(lock, std::chrono::milliseconds(ms), done);
    return imported();
}

QList<StoredEvent> EventJournal::pending() const
{
    const std::lock_guard lock(m_mutex);
    return m_pending;
}

bool EventJournal::imported(qsizetype count)
{
    const std::lock_guard lock(m_mutex);
    count = qMin(count, m_pending.size());
    for (qsizetype i = 0; i < count; ++i) {
        const StoredEvent &e = m_pending.at(i);
        const auto it = m_newest.find(key(e.room, e.id));
        if (it != m_newest.end() && it->seq == e.seq)
            m_newest.erase(it);
        m_importedSeq = e.seq;
        m_pendingBytes -= e.line.size();
        if (const auto room = m_pendingInRoom.find(e.room);
            room != m_pendingInRoom.end() && --*room == 0)
            m_pendingInRoom.erase(room);
    }
    m_pending.remove(0, count);
    m_importFailure.clear();
    if (m_pending.isEmpty()) {
        if (m_file.resize(0) && m_file.seek(0))
            m_broken.clear();
        else
            qCWarning(lcJournal) << "cannot empty the event journal:" << m_file.errorString();
    } else if (m_file.size() > kRewriteAt || !m_broken.isEmpty()) {
        rewrite();
    }
    m_importedCv.notify_all();
    return !m_pending.isEmpty();
}

void EventJournal::rewrite()
{
    // The long file stays whole until the short one replaces it: a crash in between
    // recovers from the long one.
    const QString next = m_path + QStringLiteral(".new");
    QFile file(next);
    QByteArray records;
    for (const StoredEvent &e : std::as_const(m_pending))
        appendRecord(&records, e);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered) ||
        file.write(records) != records.size()) {
        qCWarning(lcJournal) << "cannot shorten the event journal:" << file.errorString();
        file.close();
        QFile::remove(next);
        return;
    }
    file.close();
    m_file.close(); // Windows renames no file that is open
    std::error_code renamed;
    std::filesystem::rename(QFile::encodeName(next).toStdString(),
                            QFile::encodeName(m_path).toStdString(), renamed);
    if (renamed) {
        qCWarning(lcJournal) << "cannot shorten the event journal:"
                             << QString::fromStdString(renamed.message());
        QFile::remove(next);
    }
    // The short file, or the long one again.
    if (m_file.open(QIODevice::ReadWrite | QIODevice::Unbuffered) && m_file.seek(m_file.size())) {
        if (!renamed)
            m_broken.clear();
        return;
    }
    m_broken = QStringLiteral("cannot reopen the event journal: ") + m_file.errorString();
    qCCritical(lcJournal).noquote() << "STORAGE FAULT:" << m_broken;
}

void EventJournal::setImportFailure(const QString &error)
{
    const std::lock_guard lock(m_mutex);
    m_importFailure = error;
    m_importedCv.notify_all();
}

} // namespace talker::store
