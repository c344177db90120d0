// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/memberlist.h"

#include <QSet>

namespace talker::client {

using protocol::User;

MemberList::MemberList(QObject *parent)
    : QObject(parent)
{}

void MemberList::replace(const QList<User> &users)
{
    QHash<QString, const User *> present;
    for (const User &u : users) {
        if (u.isValid())
            present.insert(u.id, &u);
    }
    QList<Member> next;
    next.reserve(m_members.size() + users.size());
    for (const Member &old : std::as_const(m_members)) {
        if (!present.contains(old.user.id))
            next.append({old.user, Presence::Offline}); // known from earlier: now offline
    }
    QSet<QString> seen;
    for (const User &u : users) {
        if (!u.isValid() || seen.contains(u.id))
            continue;
        seen.insert(u.id);
        User clean = u;
        clean.idle = false;
        next.append({clean, u.idle ? Presence::Idle : Presence::Online});
    }
    m_members = next;
    m_index.clear();
    for (int i = 0; i < m_members.size(); ++i)
        m_index.insert(m_members.at(i).user.id, i);
    emit reset();
}

bool MemberList::setPresence(const User &user, Presence presence)
{
    const int i = indexOf(user.id);
    if (i >= 0) {
        Member &m = m_members[i];
        const bool renamed = !user.name.isEmpty() && user.name != m.user.name;
        if (m.presence == presence && !renamed)
            return true;
        m.presence = presence;
        if (renamed)
            m.user.name = user.name;
        emit changed(i);
        return true;
    }
    if (user.name.isEmpty())
        return false;
    const int index = int(m_members.size());
    User clean = user;
    clean.idle = false;
    m_members.append({clean, presence});
    m_index.insert(clean.id, index);
    emit added(index);
    return true;
}

} // namespace talker::client
