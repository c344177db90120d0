// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "keychainerrors.h"

#ifdef TALKER_HAVE_DBUS
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#endif
#ifdef __GLIBC__
#include <libintl.h>
#endif

namespace talker::app::keychainerrors {

bool noKeychain(QKeychain::Error code)
{
    if (code == QKeychain::NoBackendAvailable || code == QKeychain::NotImplemented)
        return true;
    if (code != QKeychain::OtherError)
        return false;
#ifdef TALKER_HAVE_DBUS
    // QtKeychain's libsecret backend reports a missing Secret Service as OtherError,
    // like any other failure, so ask the session bus whether one is there or startable.
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return true;
    const QString secrets = QStringLiteral("org.freedesktop.secrets");
    if (bus.interface()->isServiceRegistered(secrets).value())
        return false;
    return !bus.interface()->activatableServiceNames().value().contains(secrets);
#else
    return false;
#endif
}

bool timedOut(QKeychain::Error code, const QString &errorString)
{
    // QtKeychain gives only OtherError plus GLib's message for libsecret's
    // G_IO_ERROR_TIMED_OUT, so the message is all there is to tell it by. GLib
    // translates it (German: "Zeitüberschreitung wurde erreicht"), hence also its own
    // catalogue's wording, which GLib has bound by the time it produced the error.
    if (code != QKeychain::OtherError)
        return false;
    static const char kGlibTimeout[] = "Timeout was reached";
    if (errorString.contains(QLatin1String(kGlibTimeout)))
        return true;
#ifdef __GLIBC__
    const QString translated = QString::fromUtf8(dgettext("glib20", kGlibTimeout));
    if (!translated.isEmpty() && errorString.contains(translated))
        return true;
#endif
    // The session bus itself gave up waiting for the keychain (its reply_timeout), as
    // GDBus ("GDBus.Error:org.freedesktop.DBus.Error.NoReply: ...") and QtDBus (the
    // KWallet backend) name it.
    return errorString.contains(QLatin1String("org.freedesktop.DBus.Error.NoReply"));
}

} // namespace talker::app::keychainerrors
