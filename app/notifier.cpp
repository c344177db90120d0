// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "notifier.h"

#include "traynotifier.h"

#ifdef TALKER_HAVE_DBUS
#include "dbusnotifier.h"
#endif

namespace talker::app {

std::unique_ptr<Notifier> Notifier::create(QSystemTrayIcon *tray, QObject *parent)
{
#ifdef TALKER_HAVE_DBUS
    if (DBusNotifier::isServiceAvailable())
        return std::make_unique<DBusNotifier>(parent);
#endif
    return std::make_unique<TrayNotifier>(tray, parent);
}

} // namespace talker::app
