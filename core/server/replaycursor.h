// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/linesource.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <functional>
#include <memory>

namespace talker::store {
class Store;
struct StoredEvent;
} // namespace talker::store

namespace talker::protocol {
struct ConnectEvent;
}

namespace talker::server {

/// A stretch of one room's stored history, read from the store a few lines at a time
/// so that a replay of any size holds only a small batch in memory.
///
/// How to stream stored events to a client (replay after `connect`, or any other
/// bracket of history such as paging):
///
///     auto cursor = std::make_unique<ReplayCursor>(store, room, userId, afterSeq, upToSeq);
///     cursor->setTrailer([](int count) { return endLineFor(count); }); // optional
///     connection->send(startLine);                 // optional: goes out first
///     connection->sendStream(std::move(cursor));   // then the stored lines, oldest first
///     connection->send(...);                       // waits until the stream has ended
///
/// Connection::sendStream() pulls next() only when its socket has drained below its
/// window, so a fast reader gets everything and a reader that stops reading costs one
/// batch, not the whole history. Lines sent to the connection meanwhile (live traffic)
/// queue behind the stream and count against the slow-reader limit as usual. Needs a
/// store that canReadRanges().
///
/// The range is fixed when the cursor is made (`upToSeq`): events stored later are
/// live traffic, which the connection receives through its room after the stream.
/// The store must outlive the cursor and be used from the cursor's thread only.
class ReplayCursor : public LineSource
{
public:
    /// The events visible to `userId` in `room` with afterSeq < seq <= upToSeq.
    ReplayCursor(store::Store *store, const QString &room, const QString &userId, qint64 afterSeq,
                 qint64 upToSeq);
    ~ReplayCursor() override;
    ReplayCursor(const ReplayCursor &) = delete;
    ReplayCursor &operator=(const ReplayCursor &) = delete;

    /// The replay a `connect` asks for, up to `upToSeq`: the events after
    /// `last_event_id` (when the room knows it) or the newest `history` ones, at most
    /// the newest `cap`. nullptr when nothing is to be replayed.
    static std::unique_ptr<ReplayCursor> forConnect(store::Store *store, const QString &room,
                                                    const QString &userId,
                                                    const protocol::ConnectEvent &event,
                                                    qint64 upToSeq, int cap);

    /// The next wire line; false once the stretch (and the trailer) is over.
    bool next(QByteArray *line) override;
    /// Lines of the stretch returned so far (the trailer not counted).
    int count() const { return m_count; }
    /// Called once the stretch is over, with the number of lines sent; a line it
    /// returns is sent last (none when empty).
    void setTrailer(std::function<QByteArray(int count)> trailer);

    /// Stored bytes held in memory at most, about: batches are sized to it.
    static constexpr qint64 kBatchBytes = 64 * 1024;

private:
    void fetch();

    store::Store *m_store;
    QString m_room;
    QString m_userId;
    qint64 m_afterSeq;
    qint64 m_upToSeq;
    QList<QByteArray> m_batch; ///< fetched lines not yet returned
    qsizetype m_batchPos = 0;
    int m_batchRows = 4; ///< rows to fetch next: adapted to the line size seen
    int m_count = 0;
    bool m_exhausted = false;
    std::function<QByteArray(int)> m_trailer;
};

} // namespace talker::server
