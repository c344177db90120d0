// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "client/accountconfig.h"
#include "client/clientsettings.h"

#include <QList>
#include <QObject>
#include <QTimer>

class QJsonArray;
class QJsonObject;

namespace talker::client {

class Account;

/// All accounts of a profile and their joined rooms, persisted in
/// `DATADIR/accounts.json` (accounts, room order, last read position, counters;
/// never a token). Each account's cache is `DATADIR/cache-<id>.sqlite`.
///
/// A corrupt accounts file is set aside (`accounts.json.corrupt-<time>`), reported by
/// loadError(), and the registry starts empty. With autoSave on, changes are written
/// shortly after they happen.
class AccountRegistry : public QObject
{
    Q_OBJECT
    Q_MOC_INCLUDE("client/account.h")
    Q_PROPERTY(int count READ count NOTIFY accountsChanged)
    Q_PROPERTY(QString loadError READ loadError CONSTANT)

public:
    explicit AccountRegistry(const QString &dataDir, QObject *parent = nullptr);
    ~AccountRegistry() override;

    QString dataDir() const { return m_dataDir; }
    /// Reads accounts.json (no file: empty, true).
    bool load();
    /// Writes accounts.json atomically.
    bool save() const;
    QString loadError() const { return m_loadError; }
    void setAutoSave(bool on);

    /// Sessions of every account use these (set before load() / addAccount()).
    void setSessionSettings(const SessionSettings &settings);

    int count() const { return int(m_accounts.size()); }
    QList<Account *> accounts() const { return m_accounts; }
    Q_INVOKABLE talker::client::Account *account(const QString &id) const;
    Q_INVOKABLE talker::client::Account *accountAt(int index) const;
    /// Finds an account by server and user name (either may be empty: any).
    Account *findAccount(const QString &host, quint16 port, const QString &userName = {}) const;
    /// Adds an account (a fresh id is made when config.id is empty).
    Account *addAccount(AccountConfig config);
    Q_INVOKABLE talker::client::Account *addServer(const QString &host, int port, bool useTls,
                                                   const QString &displayName = {});
    Q_INVOKABLE void removeAccount(talker::client::Account *account);
    /// The account's history cache (and outbox) file.
    QString cachePath(const QString &accountId) const;

signals:
    void accountsChanged();
    void accountAdded(talker::client::Account *account);
    void accountAboutToBeRemoved(talker::client::Account *account);

private:
    void scheduleSave();
    // load() steps.
    /// The parsed account list; a damaged one is moved aside (loadError() says where).
    bool readList(const QString &path, QJsonObject *list);
    /// One entry of the list: the account (skipped when invalid), its rooms and
    /// conversations with their unread counts and read markers.
    void loadAccount(const QJsonObject &entry);
    static void restoreRooms(Account *account, const QJsonArray &rooms);
    static void restoreConversations(Account *account, const QJsonArray &conversations);

    QString m_dataDir;
    QString m_loadError;
    SessionSettings m_settings;
    QList<Account *> m_accounts;
    bool m_autoSave = false;
    QTimer m_saveTimer;
};

} // namespace talker::client
