// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "dbusnotifier.h"
#include "appicon.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QVariantMap>

Q_LOGGING_CATEGORY(lcNotify, "talker.app.notify")

namespace talker::app {

namespace {
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");
} // namespace

DBusNotifier::DBusNotifier(QObject *parent)
    : Notifier(parent)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    bus.connect(kService, kPath, kInterface, QStringLiteral("ActionInvoked"), this,
                SLOT(onActionInvoked(uint, QString)));
    bus.connect(kService, kPath, kInterface, QStringLiteral("NotificationClosed"), this,
                SLOT(onClosed(uint, uint)));
}

bool DBusNotifier::isServiceAvailable()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return false;
    const QDBusReply<bool> registered = bus.interface()->isServiceRegistered(kService);
    if (registered.isValid() && registered.value())
        return true;
    // Activatable daemons (dunst, the desktop's own) start on first use.
    const QDBusReply<QStringList> activatable = bus.interface()->activatableServiceNames();
    return activatable.isValid() && activatable.value().contains(kService);
}

void DBusNotifier::show(const QString &roomKey, const QString &title, const QString &body)
{
    const Pending content{title, body};
    if (m_inFlight.value(roomKey)) {
        // The daemon has not told us the id of the previous one yet: send the newest
        // text as its replacement once it does.
        m_queued.insert(roomKey, content);
        return;
    }
    send(roomKey, content);
}

void DBusNotifier::send(const QString &roomKey, const Pending &content)
{
    QDBusMessage call =
        QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("Notify"));
    QVariantMap hints;
    hints.insert(QStringLiteral("category"), QStringLiteral("im.received"));
    const QString desktop = QGuiApplication::desktopFileName();
    if (!desktop.isEmpty())
        hints.insert(QStringLiteral("desktop-entry"), desktop);
    const QStringList actions{QStringLiteral("default"), tr("Open")};
    // The icon by its theme name (installed with the desktop file), and the body
    // escaped: daemons with "body-markup" read it as markup, and a message's "<b>"
    // or "&" is text.
    call << QGuiApplication::applicationDisplayName() << m_ids.value(roomKey, 0u) << applicationId()
         << content.title << content.body.toHtmlEscaped() << actions << hints << int(-1);
    m_inFlight.insert(roomKey, true);
    auto *watcher =
        new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, roomKey](QDBusPendingCallWatcher *w) {
                w->deleteLater();
                m_inFlight.remove(roomKey);
                const QDBusPendingReply<uint> reply = *w;
                if (reply.isError()) {
                    qCWarning(lcNotify) << "notification failed:" << reply.error().message();
                } else {
                    m_ids.insert(roomKey, reply.value());
                    m_rooms.insert(reply.value(), roomKey);
                    emit shown(roomKey);
                }
                if (m_queued.contains(roomKey))
                    send(roomKey, m_queued.take(roomKey));
            });
}

void DBusNotifier::withdraw(const QString &roomKey)
{
    m_queued.remove(roomKey);
    const uint id = m_ids.take(roomKey);
    if (id == 0)
        return;
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface,
                                                       QStringLiteral("CloseNotification"));
    call << id;
    QDBusConnection::sessionBus().asyncCall(call);
}

void DBusNotifier::onActionInvoked(uint id, const QString &action)
{
    if (action != QLatin1String("default"))
        return;
    // Look the id up in every id handed out: some daemons report the close before
    // the action.
    const QString room = m_rooms.value(id);
    if (!room.isEmpty())
        emit activated(room);
}

void DBusNotifier::onClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    for (auto it = m_ids.begin(); it != m_ids.end(); ++it) {
        if (it.value() == id) {
            m_ids.erase(it);
            return;
        }
    }
}

} // namespace talker::app
