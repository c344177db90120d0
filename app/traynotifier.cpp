// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "traynotifier.h"

#include <QSystemTrayIcon>

namespace talker::app {

TrayNotifier::TrayNotifier(QSystemTrayIcon *tray, QObject *parent)
    : Notifier(parent)
    , m_tray(tray)
{
    if (m_tray) {
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            if (!m_lastRoom.isEmpty())
                emit activated(m_lastRoom);
        });
    }
}

void TrayNotifier::show(const QString &roomKey, const QString &title, const QString &body)
{
    if (!m_tray || !m_tray->isVisible())
        return;
    m_lastRoom = roomKey;
    m_tray->showMessage(title, body, QSystemTrayIcon::Information);
    emit shown(roomKey);
}

void TrayNotifier::withdraw(const QString &roomKey)
{
    if (roomKey == m_lastRoom)
        m_lastRoom.clear();
}

} // namespace talker::app
