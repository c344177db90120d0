// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "closepolicy.h"

#include "appsettings.h"

#include <QCloseEvent>
#include <QWindow>

namespace talker::app {

ClosePolicy::ClosePolicy(const AppSettings *settings, std::function<bool()> trayAvailable,
                         QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_trayAvailable(std::move(trayAvailable))
{}

void ClosePolicy::watch(QWindow *window)
{
    window->installEventFilter(this);
}

bool ClosePolicy::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::Close)
        return QObject::eventFilter(watched, event);
    auto *window = qobject_cast<QWindow *>(watched);
    if (window && m_settings->closeToTray() && m_trayAvailable()) {
        event->ignore();
        window->hide();
        return true;
    }
    emit quitRequested();
    return QObject::eventFilter(watched, event);
}

} // namespace talker::app
