// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>

namespace talker::client {
class Account;
class Chat;
struct Message;
} // namespace talker::client

namespace talker::app {

class Controller;
class Notifier;

/// Decides which incoming messages raise a desktop notification and hands them to
/// the Notifier: private messages and mentions by default, per room All / Mentions /
/// None, never for the chat that is open in the active window. A click on a
/// notification opens that chat and raises the window.
class NotificationController : public QObject
{
    Q_OBJECT
public:
    NotificationController(Controller *app, Notifier *notifier, QObject *parent = nullptr);

    /// Whether `message` arriving in `chat` should notify now.
    bool shouldNotify(const client::Chat *chat, const client::Message &message) const;

private:
    void watchAccount(client::Account *account);
    void onMessage(client::Chat *chat, const client::Message &message);

    Controller *m_app;
    Notifier *m_notifier;
};

} // namespace talker::app
