// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <functional>

class QObject;

namespace talker::server {

class EpollReactor;

/// A pass of this thread's socket input and output: on Linux, an EpollReactor reads
/// every ready socket, then writes what that queued, one write per connection.
///
/// A room thread answers the messages of a pass together. Asking for the end of the
/// pass instead of posting itself an event saves a wake-up of the thread per message,
/// and so does holding the output (Hold) over work that starts from a timer: a posted
/// flush wakes the thread too. Where no reactor runs (SocketTransport, other systems)
/// atEnd() says so, and Hold changes nothing.
class OutputPass
{
public:
    /// Runs `work` in this thread once the input of the pass under way is read, before
    /// its output is written, unless `context` is gone by then. False when no pass is
    /// under way: then post it.
    static bool atEnd(QObject *context, std::function<void()> work);

    /// Holds this thread's socket output from here to the end of the scope, then writes
    /// it: one write per connection, and no flush posted for later. Nested holds (a
    /// pass under way) write at the end of the outermost.
    class Hold
    {
    public:
        Hold();
        ~Hold();
        Hold(const Hold &) = delete;
        Hold &operator=(const Hold &) = delete;

    private:
        EpollReactor *m_reactor = nullptr;
    };
};

} // namespace talker::server
