// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// SqliteStore's accounts: users with their hashed tokens, and the case-insensitive
// name key (added to databases made before it existed).
#include "store/sqlitestore.h"

#include "protocol/username.h"
#include "store/token.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlError>
#include <QVariant>

namespace talker::store {

namespace {

Q_LOGGING_CATEGORY(lcAccounts, "talker.store.accounts")

enum AccountQuery {
    QInsertUser,
    QDeleteUser,
    QUpdateToken,
    QSelectUsers,
    QUserByToken,
    QUserByName,
    QUserByKey,
    QAccountCount
};

const char *const kAccountSql[QAccountCount] = {
    "INSERT INTO users(name, name_key, token_hash, created) VALUES(?, ?, ?, ?)",
    "DELETE FROM users WHERE name = ?",
    "UPDATE users SET token_hash = ? WHERE name = ?",
    "SELECT id, name FROM users ORDER BY id",
    "SELECT id, name FROM users WHERE token_hash = ?",
    "SELECT id, name FROM users WHERE name = ?",
    "SELECT id, name FROM users WHERE name_key = ?",
};

} // namespace

void SqliteStore::prepareAccounts()
{
    m_accountQueries =
        std::make_unique<PreparedQueries>(m_connection, kAccountSql, QAccountCount, &m_guard);
}

QSqlQuery &SqliteStore::accountQuery(int which)
{
    return m_accountQueries->get(which);
}

std::optional<UserRecord> SqliteStore::addUser(const QString &name, QString *token)
{
    const QMutexLocker lock(&writeLock());
    return insertUser(name, token);
}

std::optional<UserRecord> SqliteStore::insertUser(const QString &name, QString *token)
{
    if (name.trimmed().isEmpty() || !isOpen()) {
        m_error = QStringLiteral("empty user name");
        return std::nullopt;
    }
    const QString key = protocol::userNameKey(name);
    if (userByNameKey(name)) {
        m_error = QStringLiteral("name taken");
        return std::nullopt;
    }
    const QString secret = generateToken();
    QSqlQuery &q = accountQuery(QInsertUser);
    q.addBindValue(name);
    q.addBindValue(key);
    q.addBindValue(QString::fromLatin1(hashToken(secret)));
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    if (!run(q))
        return std::nullopt;
    UserRecord user{q.lastInsertId().toString(), name};
    q.finish();
    if (token)
        *token = secret;
    return user;
}

bool SqliteStore::removeUser(const QString &name)
{
    const QMutexLocker lock(&writeLock());
    QSqlQuery &q = accountQuery(QDeleteUser);
    q.addBindValue(name);
    if (!run(q))
        return false;
    const bool removed = q.numRowsAffected() > 0;
    q.finish();
    if (!removed)
        m_error = QStringLiteral("no such user");
    return removed;
}

std::optional<QString> SqliteStore::resetToken(const QString &name)
{
    const QMutexLocker lock(&writeLock());
    const QString secret = generateToken();
    QSqlQuery &q = accountQuery(QUpdateToken);
    q.addBindValue(QString::fromLatin1(hashToken(secret)));
    q.addBindValue(name);
    if (!run(q))
        return std::nullopt;
    const bool changed = q.numRowsAffected() > 0;
    q.finish();
    if (!changed) {
        m_error = QStringLiteral("no such user");
        return std::nullopt;
    }
    return secret;
}

QList<UserRecord> SqliteStore::users()
{
    QList<UserRecord> list;
    QSqlQuery &q = accountQuery(QSelectUsers);
    if (!run(q))
        return list;
    while (q.next())
        list.append(UserRecord{q.value(0).toString(), q.value(1).toString()});
    q.finish();
    return list;
}

std::optional<UserRecord> SqliteStore::userByToken(const QString &token)
{
    if (token.isEmpty())
        return std::nullopt;
    QSqlQuery &q = accountQuery(QUserByToken);
    q.addBindValue(QString::fromLatin1(hashToken(token)));
    return fetchUser(q);
}

std::optional<UserRecord> SqliteStore::userByName(const QString &name)
{
    QSqlQuery &q = accountQuery(QUserByName);
    q.addBindValue(name);
    return fetchUser(q);
}

std::optional<UserRecord> SqliteStore::userByNameKey(const QString &name)
{
    QSqlQuery &q = accountQuery(QUserByKey);
    q.addBindValue(protocol::userNameKey(name));
    return fetchUser(q);
}

std::optional<UserRecord> SqliteStore::fetchUser(QSqlQuery &query)
{
    if (!run(query))
        return std::nullopt;
    std::optional<UserRecord> user;
    if (query.next())
        user = UserRecord{query.value(0).toString(), query.value(1).toString()};
    query.finish();
    return user;
}

bool SqliteStore::addNameKeys()
{
    // The column comes from schema migration 2; SQL cannot case-fold, so the keys of
    // users added before it are filled here.
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery missing(db);
    if (!missing.exec(QStringLiteral("SELECT id, name FROM users WHERE name_key IS NULL"))) {
        m_error = missing.lastError().text();
        return false;
    }
    QList<std::pair<qint64, QString>> rows;
    while (missing.next())
        rows.append({missing.value(0).toLongLong(), missing.value(1).toString()});
    missing.finish();
    QSqlQuery fill(db);
    fill.prepare(QStringLiteral("UPDATE users SET name_key = ? WHERE id = ?"));
    for (const auto &[id, name] : rows) {
        fill.addBindValue(protocol::userNameKey(name));
        fill.addBindValue(id);
        if (!run(fill))
            return false;
    }
    if (!exec(QStringLiteral("CREATE UNIQUE INDEX IF NOT EXISTS users_name_key ON "
                             "users(name_key)"))) {
        // Names made before the rule that differ only in case keep working; new ones
        // are still checked against the key before they are added.
        qCWarning(lcAccounts) << "user names that differ only in case exist:" << m_error;
        return exec(QStringLiteral("CREATE INDEX IF NOT EXISTS users_name_key_any ON "
                                   "users(name_key)"));
    }
    return true;
}

} // namespace talker::store
