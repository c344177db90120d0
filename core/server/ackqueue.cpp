// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/ackqueue.h"

#include <utility>

namespace talker::server {

size_t AckQueue::insertPos() const
{
    return m_inStep ? m_insertAt : m_entries.size();
}

void AckQueue::insert(Entry &&entry)
{
    const size_t at = insertPos();
    m_entries.insert(m_entries.begin() + std::ptrdiff_t(at), std::move(entry));
    if (m_inStep)
        ++m_insertAt;
}

quint64 AckQueue::pushWrite(const QString &id, Outcome outcome)
{
    const quint64 ticket = m_nextTicket++;
    Entry entry;
    entry.ticket = ticket;
    entry.id = id;
    entry.outcome = std::move(outcome);
    insert(std::move(entry));
    return ticket;
}

void AckQueue::after(Step step)
{
    if (insertPos() == 0) {
        step();
        return;
    }
    Entry entry;
    entry.step = std::move(step);
    insert(std::move(entry));
}

void AckQueue::ack(quint64 ticket, bool stored, store::StoredEvent &&event)
{
    for (Entry &entry : m_entries) {
        if (entry.ticket == ticket) {
            entry.acked = true;
            entry.stored = stored;
            entry.event = std::move(event);
            break;
        }
    }
    drain();
}

void AckQueue::drain()
{
    if (m_draining)
        return; // the outer loop goes on from the front
    m_draining = true;
    while (!m_entries.empty() && (m_entries.front().ticket == 0 || m_entries.front().acked)) {
        Entry entry = std::move(m_entries.front());
        m_entries.pop_front();
        if (entry.ticket != 0) {
            entry.outcome(entry.stored, entry.event);
            continue;
        }
        const bool wasInStep = std::exchange(m_inStep, true);
        const size_t wasAt = std::exchange(m_insertAt, 0);
        entry.step();
        m_inStep = wasInStep;
        m_insertAt = wasAt;
    }
    m_draining = false;
}

bool AckQueue::stepWaiting() const
{
    const size_t end = insertPos();
    for (size_t i = 0; i < end; ++i) {
        if (m_entries[i].ticket == 0)
            return true;
    }
    return false;
}

bool AckQueue::writing(const QString &id) const
{
    const size_t end = insertPos();
    for (size_t i = 0; i < end; ++i) {
        if (m_entries[i].ticket != 0 && m_entries[i].id == id)
            return true;
    }
    return false;
}

} // namespace talker::server
