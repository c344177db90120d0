// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QLocalServer;

namespace talker::app {

/// Keeps one running app per user and profile.
///
/// The first instance listens on a local socket; a later start connects to it,
/// hands over its arguments (e.g. a talker:// link) and exits.
///
///     SingleInstance instance(profileDir);
///     if (!instance.listen() && instance.sendToPrimary(args))
///         return 0; // the running app took over
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    /// `key` identifies the instance group (the app uses its profile folder).
    explicit SingleInstance(const QString &key, QObject *parent = nullptr);
    ~SingleInstance() override;

    /// Tries to become the primary instance. False when another one is running.
    bool listen();
    /// Sends `arguments` to the running primary; true when it received them.
    bool sendToPrimary(const QStringList &arguments, int timeoutMs = 3000);
    /// The socket name derived from the key (unique per user and key).
    QString serverName() const { return m_name; }

signals:
    /// A second start handed over its arguments.
    void messageReceived(const QStringList &arguments);

private:
    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace talker::app
