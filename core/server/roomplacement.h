// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace talker::server {

/// Which room thread (shard) each room lives on.
///
/// A new room goes to the shard with the fewest rooms so far, and stays there for the
/// life of the process: a room must never be live on two threads at once, and a shard
/// that dropped an empty room may not have done so yet when it is joined again.
/// Hashing the name instead spreads few rooms badly: 10 rooms over 2 threads split
/// 5/5 only a quarter of the time, and a 7/3 or 8/2 split leaves one core doing most
/// of the deliveries (bench/RESULTS.md, issue 11's latency case, round 4).
///
/// The rooms remembered are bounded (a client can name any number of rooms): past
/// `maxRemembered`, a room never seen is placed by its name's hash, which is as stable.
/// Not thread-safe: the server's listening thread routes every connection.
class RoomPlacement
{
public:
    explicit RoomPlacement(int shards, qsizetype maxRemembered = 65536);

    /// The shard of `room`, in [0, shards).
    int shardOf(const QString &room);

private:
    QHash<QString, int> m_placed;
    QList<qsizetype> m_rooms; ///< rooms placed on each shard
    qsizetype m_maxRemembered;
};

} // namespace talker::server
