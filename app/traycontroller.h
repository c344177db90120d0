// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QIcon>
#include <QObject>
#include <QtQml/qqmlregistration.h>

class QMenu;
class QSystemTrayIcon;

class QQmlEngine;
class QJSEngine;

namespace talker::app {

/// The tray icon: the app icon with the unread count on it, a menu (Show, Quit), a
/// click that shows the window. "Close to tray" needs it to be available.
class TrayController : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Tray)
    QML_SINGLETON
    Q_PROPERTY(bool available READ available CONSTANT)
    Q_PROPERTY(int unread READ unread WRITE setUnread NOTIFY unreadChanged)

public:
    explicit TrayController(const QIcon &icon, QObject *parent = nullptr);
    ~TrayController() override;

    static void setInstance(TrayController *controller);
    static TrayController *create(QQmlEngine *, QJSEngine *);

    /// True when the desktop has a system tray to show the icon in.
    bool available() const;
    int unread() const { return m_unread; }
    void setUnread(int count);
    QSystemTrayIcon *trayIcon() const { return m_tray; }
    /// The icon with `count` painted as a badge (the bare icon for 0).
    static QIcon badgeIcon(const QIcon &base, int count);

signals:
    void unreadChanged();
    void showRequested();
    void quitRequested();

private:
    QIcon m_icon;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    int m_unread = 0;
};

} // namespace talker::app
