// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "startupreport.h"

#include <QMetaProperty>
#include <QQuickWindow>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace talker::app {

Q_LOGGING_CATEGORY(lcStartup, "talker.app.startup", QtInfoMsg)

StartupReport::StartupReport(QQuickWindow *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{
    if (!window)
        return;
    // Both come on the render thread: a frame is shown when it is swapped, and it
    // shows the GUI's state at its synchronization (the GUI thread waits meanwhile).
    connect(window, &QQuickWindow::afterSynchronizing, this, &StartupReport::onSynchronized,
            Qt::DirectConnection);
    connect(window, &QQuickWindow::frameSwapped, this, &StartupReport::onFrameSwapped,
            Qt::DirectConnection);
    const QMetaObject *meta = window->metaObject();
    const QMetaProperty complete = meta->property(meta->indexOfProperty("startupComplete"));
    if (complete.hasNotifySignal()) {
        connect(window, complete.notifySignal(), this,
                metaObject()->method(metaObject()->indexOfSlot("onStartupCompleteChanged()")));
    }
    onStartupCompleteChanged();
}

void StartupReport::onStartupCompleteChanged()
{
    if (!m_window || m_contentComplete)
        return;
    const QVariant complete = m_window->property("startupComplete");
    if (complete.isValid() && !complete.toBool())
        return;
    m_contentComplete = true;
    m_window->update(); // so that a frame shows it
}

void StartupReport::onSynchronized()
{
    if (m_contentComplete)
        m_completeSynced = true;
}

void StartupReport::onFrameSwapped()
{
    if (!m_firstFrame) {
        m_firstFrame = true;
        qCDebug(lcStartup, "first frame shown");
    }
    if (!m_completeSynced || m_completeShown)
        return;
    m_completeShown = true;
    qCDebug(lcStartup, "fully loaded: the first frame with everything the start makes shown");
    QMetaObject::invokeMethod(this, &StartupReport::finish, Qt::QueuedConnection);
}

void StartupReport::finish()
{
    if (m_window)
        disconnect(m_window, nullptr, this, nullptr);
    m_complete = true;
#if defined(__GLIBC__)
    // Loading and compiling the views and the first layouts free much of what they
    // took; glibc keeps the freed pages until told.
    malloc_trim(0);
#endif
    emit completed();
}

} // namespace talker::app
