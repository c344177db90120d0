// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/peerpresence.h"

#include "client/account.h"
#include "client/conversation.h"
#include "client/room.h"

namespace talker::client {

PeerPresence::PeerPresence(Account *account, const QString &peerId, QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_peerId(peerId)
{
    for (Room *room : account->rooms())
        watchRoom(room);
    connect(account, &Account::roomAdded, this, [this](Room *room) {
        watchRoom(room);
        update();
    });
    // Queued: the room is still in rooms() while it is about to go.
    connect(account, &Account::roomAboutToBeRemoved, this, &PeerPresence::update,
            Qt::QueuedConnection);
    update();
}

PeerPresence *PeerPresence::of(Conversation *conversation)
{
    if (!conversation)
        return nullptr;
    if (auto *existing =
            conversation->findChild<PeerPresence *>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    return new PeerPresence(conversation->account(), conversation->peerId(), conversation);
}

void PeerPresence::watchRoom(Room *room)
{
    connect(room, &Room::stateChanged, this, &PeerPresence::update);
    connect(room->memberList(), &MemberList::changed, this, &PeerPresence::update);
    connect(room->memberList(), &MemberList::added, this, &PeerPresence::update);
    connect(room->memberList(), &MemberList::reset, this, &PeerPresence::update);
}

void PeerPresence::update()
{
    int best = Unknown;
    for (const Room *room : m_account->rooms()) {
        if (!room->isConnected())
            continue;
        if (best == Unknown)
            best = Offline; // a connected room: not there unless found
        const int i = room->memberIndex(m_peerId);
        if (i >= 0)
            best = qMin(best, int(room->members().at(i).presence));
    }
    if (best == m_state)
        return;
    m_state = best;
    emit changed();
}

} // namespace talker::client
