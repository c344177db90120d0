// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace talker::app {

class Controller;

/// "Invite someone…" for the local room. The embedded server listens on loopback
/// until the user agrees, once, to open it to the local network; then each invite
/// is a link with this machine's LAN address. A setting closes it again. The views
/// bind to it as the `LocalShare` singleton.
class LocalShareController : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(LocalShare)
    QML_SINGLETON
    Q_PROPERTY(bool open READ isOpen NOTIFY changed)
    Q_PROPERTY(bool asked READ asked NOTIFY changed)
    Q_PROPERTY(QString link READ link NOTIFY changed)
    Q_PROPERTY(QString accountId READ accountId NOTIFY changed)

public:
    explicit LocalShareController(Controller *app, QObject *parent = nullptr);

    static void setInstance(LocalShareController *controller);
    static LocalShareController *create(QQmlEngine *, QJSEngine *);

    /// The local server listens on the network (the room header says so).
    bool isOpen() const;
    /// The user has answered the "open to the local network?" question.
    bool asked() const;
    /// The last invite link made, empty before the first.
    QString link() const { return m_link; }
    /// The id of the account that talks to the local server (empty before hosting).
    QString accountId() const;

    /// The user's answer to the question; opening restarts the server on every
    /// address (same port), which the app's own connection rides out.
    Q_INVOKABLE void answer(bool openToNetwork);
    /// Back to loopback only (the setting).
    Q_INVOKABLE void close();
    /// Makes a new invite link (starting the local server when needed); empty, with
    /// the app's notice set, on failure or while the room is not open.
    Q_INVOKABLE QString invite();

signals:
    void changed();

private:
    void setOpen(bool open);

    Controller *m_app;
    QString m_link;
};

} // namespace talker::app
