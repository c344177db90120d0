#pragma once

#include "appsettings.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace talker::client {
class Account;
class AccountRegistry;
class Conversation;
class Room;
} // namespace talker::client
namespace talker::models {
class ConversationModel;
class MemberModel;
class MessageModel;
class RoomListModel;
} // namespace talker::models

namespace talker::security {
class CertificateTrust;
}

namespace talker::app {

class LocalServerHost;
class TokenStore;

/// The app's top-level controller: accounts, the sidebar models, which chat is open,
/// connecting (to a server, to the embedded local server, from a talker:// link) and
/// the connection banner. The views bind to it as the `App` singleton.
class AppController : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(App)
    QML_SINGLETON
    Q_MOC_INCLUDE("client/accountregistry.h")
    Q_MOC_INCLUDE("client/account.h")
    Q_MOC_INCLUDE("client/room.h")
    Q_MOC_INCLUDE("client/conversation.h")
    Q_MOC_INCLUDE("client/timeline.h")
    Q_MOC_INCLUDE("models/roomlistmodel.h")
    Q_MOC_INCLUDE("models/conversationmodel.h")
    Q_MOC_INCLUDE("models/messagemodel.h")
    Q_MOC_INCLUDE("models/membermodel.h")
    Q_PROPERTY(talker::app::AppSettings *settings READ settings CONSTANT)
    Q_PROPERTY(talker::client::AccountRegistry *registry READ registry CONSTANT)
    Q_PROPERTY(talker::models::RoomListModel *rooms READ rooms CONSTANT)
    Q_PROPERTY(talker::models::ConversationModel *conversations READ conversations CONSTANT)
    Q_PROPERTY(talker::models::MessageModel *messages READ messages CONSTANT)
    Q_PROPERTY(talker::models::MemberModel *members READ members CONSTANT)
    Q_PROPERTY(bool hasAccounts READ hasAccounts NOTIFY accountsChanged)
    Q_PROPERTY(talker::client::Room *currentRoom READ currentRoom NOTIFY currentChanged)
    Q_PROPERTY(talker::client::Conversation *currentConversation READ currentConversation NOTIFY
                   currentChanged)
    Q_PROPERTY(talker::client::Account *currentAccount READ currentAccount NOTIFY currentChanged)
    Q_PROPERTY(QString currentKey READ currentKey NOTIFY currentChanged)
    Q_PROPERTY(QString currentTitle READ currentTitle NOTIFY currentChanged)
    Q_PROPERTY(bool offline READ offline NOTIFY connectionChanged)
    Q_PROPERTY(bool authenticationFailed READ authenticationFailed NOTIFY connectionChanged)
    Q_PROPERTY(QString connectionText READ connectionText NOTIFY connectionChanged)
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
    Q_PROPERTY(bool windowActive READ windowActive WRITE setWindowActive NOTIFY windowActiveChanged)
    Q_PROPERTY(bool hostingLocal READ hostingLocal NOTIFY hostingLocalChanged)
    Q_PROPERTY(QString version READ version CONSTANT)
    Q_PROPERTY(QVariantMap certificatePrompt READ certificatePrompt NOTIFY certificatePromptChanged)

public:
    AppController(const QString &profileDir, TokenStore *tokens, QObject *parent = nullptr);
    ~AppController() override;

    /// The instance QML gets as the `App` singleton (set by the app or a test).
    static void setInstance(AppController *controller);
    static AppController *instance();
    static AppController *create(QQmlEngine *, QJSEngine *);

    AppSettings *settings() const { return m_settings; }
    client::AccountRegistry *registry() const { return m_registry; }
    models::RoomListModel *rooms() const { return m_rooms; }
    models::ConversationModel *conversations() const { return m_conversations; }
    models::MessageModel *messages() const { return m_messages; }
    models::MemberModel *members() const { return m_members; }
    TokenStore *tokenStore() const { return m_tokens; }

    bool hasAccounts() const;
    client::Room *currentRoom() const;
    client::Conversation *currentConversation() const;
    client::Account *currentAccount() const;
    QString currentKey() const;
    QString currentTitle() const;
    bool offline() const;
    bool authenticationFailed() const;
    QString connectionText() const;
    QString notice() const { return m_notice; }
    bool windowActive() const { return m_windowActive; }
    void setWindowActive(bool active);
    bool hostingLocal() const;
    QString version() const;
    /// A server certificate waiting for the user's decision: {accountId, host, port,
    /// fingerprint, problems}; empty when none.
    QVariantMap certificatePrompt() const { return m_certificatePrompt; }
    security::CertificateTrust *certificateTrust() const { return m_trust; }

    /// The notification key of a room / a private conversation ("ACCOUNT/ROOM", "ACCOUNT/@USER").
    static QString roomKey(const client::Room *room);
    static QString conversationKey(const client::Conversation *conversation);

    /// Adds (or reuses) the account for host:port, stores the token in the keychain,
    /// hands it to the account and joins `room`.
    Q_INVOKABLE void connectToServer(const QString &host, int port, bool useTls,
                                     const QString &token, const QString &room);
    /// True when TLS should be on by default for this host (anything but loopback).
    Q_INVOKABLE bool defaultTlsFor(const QString &host) const;
    /// Starts the embedded server on 127.0.0.1 and joins its demo room.
    Q_INVOKABLE bool hostLocalRoom();
    /// Opens a talker://HOST[:PORT]/ROOM link: joins the room with a known account of
    /// that server, or tells the user what is wrong.
    Q_INVOKABLE bool openLink(const QString &link);
    /// Joins a room by name on the current account.
    Q_INVOKABLE void joinRoom(const QString &name);
    /// Leaves the open room (sends `close`).
    Q_INVOKABLE void leaveCurrentRoom();

    Q_INVOKABLE void selectRoom(talker::client::Room *room);
    Q_INVOKABLE void selectConversation(talker::client::Conversation *conversation);
    /// Opens the chat with this notification key (a click on a notification).
    Q_INVOKABLE bool selectKey(const QString &key);
    /// Opens (or creates) the private conversation with a member of the open room.
    Q_INVOKABLE void openPrivate(const QString &userId, const QString &userName);
    /// Ctrl+Tab / Ctrl+Shift+Tab: the next/previous entry of the sidebar, wrapping.
    Q_INVOKABLE void selectNext(int step);
    /// Ctrl+K: sidebar entries whose name contains `filter`, as {key, title, subtitle, unread}.
    Q_INVOKABLE QVariantList switcherEntries(const QString &filter) const;
    /// Retry now, on every room of the current account.
    Q_INVOKABLE void retryNow();
    /// The open chat is on screen: its badges clear, but the new-messages divider
    /// stays where it was until the user leaves the chat or the window.
    Q_INVOKABLE void markCurrentSeen();
    /// Everything in the open chat was read: the divider moves to the newest message.
    Q_INVOKABLE void markCurrentRead();
    Q_INVOKABLE void clearNotice();
    /// The user trusts the prompted certificate: pin it for the account and reconnect.
    Q_INVOKABLE void trustCertificate();
    /// The user refuses it: the account stays offline.
    Q_INVOKABLE void dismissCertificate();
    /// Shows a one-time message to the user (banner in the window).
    void setNotice(const QString &text);
    /// Uses this token for the account with this id (from the keychain or --token-file).
    void applyToken(client::Account *account, const QString &token, bool store);
    /// Reads every account's token from the keychain (asynchronously) and connects.
    void restoreSessions();

signals:
    void accountsChanged();
    void currentChanged();
    void connectionChanged();
    void noticeChanged();
    void windowActiveChanged();
    void hostingLocalChanged();
    void certificatePromptChanged();
    /// The window should come to the front (notification click, second start).
    void raiseRequested();

private:
    void watchAccount(client::Account *account);
    void setCurrent(client::Room *room, client::Conversation *conversation);
    void rememberCurrent();
    QList<QPair<client::Room *, client::Conversation *>> sidebarEntries() const;

    QString m_profileDir;
    AppSettings *m_settings;
    TokenStore *m_tokens;
    client::AccountRegistry *m_registry;
    models::RoomListModel *m_rooms;
    models::ConversationModel *m_conversations;
    models::MessageModel *m_messages;
    models::MemberModel *m_members;
    LocalServerHost *m_local = nullptr;
    security::CertificateTrust *m_trust;
    QVariantMap m_certificatePrompt;
    QPointer<client::Room> m_room;
    QPointer<client::Conversation> m_conversation;
    QList<QMetaObject::Connection> m_stateConnections;
    QString m_notice;
    bool m_windowActive = false;
};

} // namespace talker::app
