// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QSet>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace talker::client {
class Account;
class AccountRegistry;
} // namespace talker::client
namespace talker::security {
class CertificateTrust;
}

namespace talker::app {

class AppSettings;
class ChatManager;
class LocalServerHost;
class TokenStore;

/// Connecting: servers and their tokens (keychain), the embedded local server,
/// talker:// links, and the prompt for an unknown server certificate. What it joins
/// it opens through the ChatManager; what goes wrong it reports as a notice. The
/// views reach it as `App.connector`.
class Connector : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by App")
    Q_PROPERTY(bool hostingLocal READ hostingLocal NOTIFY hostingLocalChanged)
    Q_PROPERTY(QVariantMap certificatePrompt READ certificatePrompt NOTIFY certificatePromptChanged)

public:
    Connector(const QString &profileDir, AppSettings *settings, TokenStore *tokens,
              client::AccountRegistry *registry, ChatManager *chats, QObject *parent = nullptr);
    ~Connector() override;

    bool hostingLocal() const;
    /// The embedded server, null before "Host a local room".
    LocalServerHost *localServer() const { return m_local; }
    /// Remembers whether the local server listens on the network and restarts it
    /// that way when it runs (same port, fresh local token).
    void setLocalOpenToNetwork(bool open);
    /// A server certificate waiting for the user's decision: {accountId, host, port,
    /// fingerprint, problems}; empty when none.
    QVariantMap certificatePrompt() const { return m_certificatePrompt; }
    security::CertificateTrust *certificateTrust() const { return m_trust; }
    TokenStore *tokenStore() const { return m_tokens; }

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
    /// The user trusts the prompted certificate: pin it for the account and reconnect.
    Q_INVOKABLE void trustCertificate();
    /// The user refuses it: the account stays offline, with no retry and no new
    /// prompt until the user reconnects by hand.
    Q_INVOKABLE void dismissCertificate();
    /// Uses this token for the account (from the keychain or --token-file).
    void applyToken(client::Account *account, const QString &token, bool store);
    /// Reads every account's token from the keychain (asynchronously) and connects.
    void restoreSessions();
    /// "Try again" after a keychain error: reads the tokens it could not read again
    /// (the accounts connect when they come) and stores those it did not take.
    Q_INVOKABLE void retryKeychain();

signals:
    void hostingLocalChanged();
    void certificatePromptChanged();
    /// Something the user should read (a banner in the window).
    void notice(const QString &text);
    /// A notice given earlier is no longer true (e.g. the keychain has answered).
    void noticeWithdrawn(const QString &text);
    /// A keychain error (a notice) that retryKeychain() may cure: the window offers
    /// "Try again".
    void keychainFailed(const QString &text);
    /// The window should come to the front (a link was opened).
    void raiseRequested();

private:
    void watchTrust();
    void watchKeychain();
    /// The notice shown while the keychain has not answered yet.
    static QString keychainWaitText();
    void secureAccount(client::Account *account);
    void readToken(client::Account *account);
    void storeToken(client::Account *account, const QString &token);

    QString m_profileDir;
    AppSettings *m_settings;
    TokenStore *m_tokens;
    client::AccountRegistry *m_registry;
    ChatManager *m_chats;
    LocalServerHost *m_local = nullptr;
    security::CertificateTrust *m_trust;
    QVariantMap m_certificatePrompt;
    QSet<QString> m_unreadTokens;  ///< accounts whose token the keychain failed to give
    QSet<QString> m_unsavedTokens; ///< accounts whose token the keychain did not take
};

} // namespace talker::app
