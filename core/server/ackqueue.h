// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/store.h"

#include <QString>
#include <deque>
#include <functional>

namespace talker::server {

/// The order of one room's outcomes while its writes wait for the store writer.
///
/// An entry is a write (its outcome runs once the writer acknowledged it: delivered,
/// or "Message not stored") or a step (anything that must happen after what was queued
/// before it: a reply, a presence broadcast, another event of a connection). Entries
/// complete strictly in the order they were queued, so everyone sees the room's events
/// in one order and each connection sees answers in the order it caused them, while
/// the room's thread goes on serving pings and other rooms.
///
/// What a step queues while it runs takes the step's place (before the entries queued
/// behind it), as if the step had run when it was queued.
class AckQueue
{
public:
    using Step = std::function<void()>;
    using Outcome = std::function<void(bool stored, const store::StoredEvent &event)>;

    /// Queues a write of the event with id `id`; returns the ticket for ack().
    quint64 pushWrite(const QString &id, Outcome outcome);
    /// Runs `step` now when nothing is queued before it, else queues it.
    void after(Step step);
    /// The writer's answer for `ticket` (`event` as written, seq set when stored).
    /// Completes every entry that can complete, from the front.
    void ack(quint64 ticket, bool stored, store::StoredEvent &&event);

    bool isEmpty() const { return m_entries.empty(); }
    /// Whether a step waits before what is queued next: an event then waits too.
    bool stepWaiting() const;
    /// Whether a write of the event with this id waits before what is queued next.
    bool writing(const QString &id) const;

private:
    struct Entry
    {
        quint64 ticket = 0; ///< 0: a step
        QString id;
        bool acked = false;
        bool stored = false;
        store::StoredEvent event;
        Step step;
        Outcome outcome;
    };
    /// Where the next entry goes: the end, or right after the step that is running.
    size_t insertPos() const;
    void insert(Entry &&entry);
    void drain();

    std::deque<Entry> m_entries;
    quint64 m_nextTicket = 1;
    bool m_draining = false;
    bool m_inStep = false;
    size_t m_insertAt = 0; ///< while a step runs (m_inStep)
};

} // namespace talker::server
