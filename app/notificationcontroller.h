#pragma once

#include <QObject>

namespace talker::client {
class Account;
class Conversation;
class Room;
struct Message;
} // namespace talker::client

namespace talker::app {

class AppController;
class Notifier;

/// Decides which incoming messages raise a desktop notification and hands them to
/// the Notifier: private messages and mentions by default, per room All / Mentions /
/// None, never for the chat that is open in the active window. A click on a
/// notification opens that chat and raises the window.
class NotificationController : public QObject
{
    Q_OBJECT
public:
    NotificationController(AppController *app, Notifier *notifier, QObject *parent = nullptr);

    /// Whether `message` arriving in `room` / `conversation` should notify now.
    bool shouldNotify(const client::Room *room, const client::Conversation *conversation,
                      const client::Message &message) const;

private:
    void watchAccount(client::Account *account);
    void onMessage(client::Room *room, client::Conversation *conversation,
                   const client::Message &message);

    AppController *m_app;
    Notifier *m_notifier;
};

} // namespace talker::app
