// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>

namespace talker::client {

/// Whether the system is on a network, for every Session in the process: a session
/// waiting to reconnect tries at once when the network comes back.
///
/// Nothing is watched until start(): loading Qt's reachability backend (a plugin, GLib's
/// network monitor and its D-Bus calls) takes some milliseconds, which an app pays once
/// its window shows rather than while the window waits for its controllers.
class NetworkWatch : public QObject
{
    Q_OBJECT

public:
    static NetworkWatch *instance();

    /// Loads the platform's reachability backend and starts passing its changes on. Once
    /// per process; false when the platform has none.
    bool start();

signals:
    void reachabilityChanged(bool reachable);

private:
    NetworkWatch() = default;
    bool m_started = false;
    bool m_available = false;
};

} // namespace talker::client
