// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace talker::client {
class Account;
class Session;
} // namespace talker::client

namespace talker::app {

class Controller;

/// Settings → Accounts: what the page does to one server account. A new token is
/// tried on its own connection before it replaces the old one, so a wrong token never
/// stops the rooms that work. Removing an account leaves its rooms and deletes its
/// token (keychain and fallback file), its certificate pin, cache and outbox. The
/// views bind to it as the `Accounts` singleton.
class AccountsController : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Accounts)
    QML_SINGLETON
    Q_MOC_INCLUDE("client/account.h")
    Q_PROPERTY(bool checkingToken READ checkingToken NOTIFY tokenCheckChanged)
    Q_PROPERTY(QString tokenError READ tokenError NOTIFY tokenCheckChanged)

public:
    explicit AccountsController(Controller *app, QObject *parent = nullptr);
    ~AccountsController() override;

    static void setInstance(AccountsController *controller);
    static AccountsController *create(QQmlEngine *, QJSEngine *);

    bool checkingToken() const;
    QString tokenError() const { return m_tokenError; }

    /// The pinned certificate fingerprint of the account, empty when none.
    Q_INVOKABLE QString fingerprint(talker::client::Account *account) const;
    /// Tries `token` on a connection of its own; only when the server accepts it does
    /// it replace the account's token (keychain included). tokenChanged() or
    /// tokenError says how it went.
    Q_INVOKABLE void changeToken(talker::client::Account *account, const QString &token);
    /// Clears the certificate pin: the next connection asks again.
    Q_INVOKABLE bool forgetCertificate(talker::client::Account *account);
    /// Leaves the rooms and deletes everything the account left on this computer.
    Q_INVOKABLE void removeAccount(talker::client::Account *account);

signals:
    void tokenCheckChanged();
    /// The new token works and replaced the old one.
    void tokenChanged(talker::client::Account *account);
    /// Everything of a removed account is gone from disk and keychain.
    void accountRemoved(const QString &accountId);

private:
    void finishCheck(const QString &error);

    Controller *m_app;
    QPointer<client::Account> m_checkAccount;
    client::Session *m_check = nullptr;
    QString m_checkToken;
    QString m_tokenError;
};

} // namespace talker::app
