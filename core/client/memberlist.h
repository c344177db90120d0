// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/events.h"

#include <QHash>
#include <QList>
#include <QObject>

namespace talker::client {

/// The members of one room with their presence, as the server's `users` lists and
/// presence events tell them (Kaidan's PresenceCache plays this part). Left users stay,
/// Offline. Unsorted: MemberModel sorts and shows it; Room feeds it.
class MemberList : public QObject
{
    Q_OBJECT
public:
    enum class Presence { Online, Idle, Offline };
    Q_ENUM(Presence)

    struct Member
    {
        protocol::User user;
        Presence presence = Presence::Online;
    };

    explicit MemberList(QObject *parent = nullptr);

    const QList<Member> &members() const { return m_members; }
    /// Index in members() of a user id, -1 when unknown.
    int indexOf(const QString &userId) const { return m_index.value(userId, -1); }

    /// A `users` list: everyone in it is Online (or Idle), everyone known before and not
    /// in it is Offline. Invalid and repeated users are skipped.
    void replace(const QList<protocol::User> &users);
    /// A presence change; a renamed user takes the new name. An unknown user is added
    /// when the event names it, else ignored (returns false).
    bool setPresence(const protocol::User &user, Presence presence);

signals:
    /// members() was replaced (only ever grows: indexes stay valid).
    void reset();
    /// A member was appended at `index`.
    void added(int index);
    /// The member at `index` changed presence or name.
    void changed(int index);

private:
    QList<Member> m_members;
    QHash<QString, int> m_index;
};

} // namespace talker::client
