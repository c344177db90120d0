// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <csignal>
#include <sys/types.h>

#ifdef TALKER_HAVE_DBUS
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#endif

namespace talker::test {

/// Freezes the Secret Service (SIGSTOP to the daemon that owns org.freedesktop.secrets)
/// for as long as it lives: a keychain that is there but answers late, as a loaded
/// machine or an unlock prompt nobody has answered yet makes it. Header-only, since it
/// needs the session bus (the tests that use it link talker_applib, which has it).
class FrozenKeyring
{
public:
    FrozenKeyring()
    {
#ifdef TALKER_HAVE_DBUS
        m_pid = pid_t(QDBusConnection::sessionBus()
                          .interface()
                          ->servicePid(QStringLiteral("org.freedesktop.secrets"))
                          .value());
#endif
        if (m_pid > 0 && ::kill(m_pid, SIGSTOP) != 0)
            m_pid = 0;
    }
    ~FrozenKeyring()
    {
        thaw();
    }
    FrozenKeyring(const FrozenKeyring &) = delete;
    FrozenKeyring &operator=(const FrozenKeyring &) = delete;

    bool frozen() const
    {
        return m_pid > 0;
    }
    void thaw()
    {
        if (m_pid > 0)
            ::kill(m_pid, SIGCONT);
        m_pid = 0;
    }

private:
    pid_t m_pid = 0;
};

} // namespace talker::test
