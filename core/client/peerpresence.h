// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

namespace talker::client {

class Account;
class Conversation;
class Room;

/// The other person's presence in a private conversation, read from the rooms of the
/// account: the best of their presences in the rooms that are connected; Offline once
/// they are online in none of them (they left every shared room, or went away);
/// Unknown while no room of the account is connected. The server delivers a private
/// message only to someone in the room, so Offline means it cannot reach them now.
///
///     PeerPresence *p = PeerPresence::of(conversation);
///     connect(p, &PeerPresence::changed, ...); p->state();
class PeerPresence : public QObject
{
    Q_OBJECT
    Q_PROPERTY(int state READ state NOTIFY changed)

public:
    /// Online, Idle and Offline have Room::Presence's values.
    enum State { Unknown = -1, Online = 0, Idle = 1, Offline = 2 };
    Q_ENUM(State)

    PeerPresence(Account *account, const QString &peerId, QObject *parent = nullptr);

    /// The conversation's tracker, made on first use (a child of the conversation).
    static PeerPresence *of(Conversation *conversation);

    int state() const { return m_state; }
    /// The peer is online or idle in a connected room shared with them.
    bool reachable() const { return m_state == Online || m_state == Idle; }

signals:
    void changed();

private:
    void watchRoom(Room *room);
    void update();

    Account *m_account;
    QString m_peerId;
    int m_state = Unknown;
};

} // namespace talker::client
