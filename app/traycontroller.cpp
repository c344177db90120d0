// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "traycontroller.h"

#include <QApplication>
#include <QJSEngine>
#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>

namespace talker::app {

namespace {
TrayController *s_instance = nullptr;
}

TrayController::TrayController(const QIcon &icon, QObject *parent)
    : QObject(parent)
    , m_icon(icon)
{
    // The tray icon is a widget: without a QApplication (e.g. view tests) there is none.
    if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
        return;
    m_tray = new QSystemTrayIcon(icon, this);
    m_menu = new QMenu;
    m_menu->addAction(tr("Show Talker"), this, &TrayController::showRequested);
    m_menu->addSeparator();
    m_menu->addAction(tr("Quit"), this, &TrayController::quitRequested);
    m_tray->setContextMenu(m_menu);
    m_tray->setToolTip(tr("Talker"));
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason r) {
        if (r == QSystemTrayIcon::Trigger || r == QSystemTrayIcon::DoubleClick)
            emit showRequested();
    });
    if (available())
        m_tray->show();
}

TrayController::~TrayController()
{
    delete m_menu;
}

void TrayController::setInstance(TrayController *controller)
{
    s_instance = controller;
}

TrayController *TrayController::create(QQmlEngine *, QJSEngine *)
{
    Q_ASSERT(s_instance);
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

bool TrayController::available() const
{
    return m_tray && QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayController::setUnread(int count)
{
    count = qMax(0, count);
    if (count == m_unread)
        return;
    m_unread = count;
    emit unreadChanged();
    if (!m_tray)
        return;
    m_tray->setIcon(badgeIcon(m_icon, count));
    m_tray->setToolTip(count > 0 ? tr("Talker: %n unread", nullptr, count) : tr("Talker"));
}

QIcon TrayController::badgeIcon(const QIcon &base, int count)
{
    if (count <= 0)
        return base;
    QIcon result;
    for (int size : {16, 22, 24, 32, 48, 64}) {
        QPixmap pixmap = base.pixmap(size, size);
        if (pixmap.isNull()) {
            pixmap = QPixmap(size, size);
            pixmap.fill(Qt::transparent);
        } else if (pixmap.width() != size) {
            // Pixmap icons do not grow: scale so every size gets its own badge.
            pixmap = pixmap.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        }
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const QString text = count > 99 ? QStringLiteral("99+") : QString::number(count);
        const qreal d = size * 0.62;
        const QRectF badge(size - d, 0, d, d);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0xe5, 0x39, 0x35));
        painter.drawEllipse(badge);
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(int(d * (text.size() > 2 ? 0.42 : 0.6)));
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(badge, Qt::AlignCenter, text);
        painter.end();
        result.addPixmap(pixmap);
    }
    return result;
}

} // namespace talker::app
