// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// SqliteStore's invites: creating, listing, revoking and redeeming them. Only a code's
// hash is stored.
#include "store/sqlitestore.h"

#include "store/token.h"

#include <QDateTime>
#include <QSqlError>
#include <QVariant>

namespace talker::store {

namespace {

const QLatin1String kInviteColumns("SELECT id, room, uses, used, created, expires, revoked "
                                   "FROM invites");

InviteRecord readInvite(const QSqlQuery &q)
{
    InviteRecord r;
    r.id = q.value(0).toLongLong();
    r.room = q.value(1).toString();
    r.uses = q.value(2).toInt();
    r.used = q.value(3).toInt();
    r.created = q.value(4).toLongLong();
    r.expires = q.value(5).toLongLong();
    r.revoked = q.value(6).toBool();
    return r;
}

bool isNumber(const QString &text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

} // namespace

std::optional<InviteRecord> SqliteStore::createInvite(const QString &room, int uses, qint64 expires,
                                                      QString *code)
{
    const QMutexLocker lock(&writeLock());
    if (!isOpen() || uses < 1) {
        m_error = QStringLiteral("an invite has at least one use");
        return std::nullopt;
    }
    const QString secret = generateInviteCode();
    InviteRecord record;
    record.room = room;
    record.uses = uses;
    record.created = QDateTime::currentSecsSinceEpoch();
    record.expires = expires;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT INTO invites(code_hash, room, uses, created, expires) "
                             "VALUES(?, ?, ?, ?, ?)"));
    q.addBindValue(QString::fromLatin1(hashToken(secret)));
    q.addBindValue(room.isNull() ? QStringLiteral("") : room);
    q.addBindValue(uses);
    q.addBindValue(record.created);
    q.addBindValue(expires);
    if (!run(q))
        return std::nullopt;
    record.id = q.lastInsertId().toLongLong();
    if (code)
        *code = secret;
    return record;
}

QList<InviteRecord> SqliteStore::invites()
{
    QList<InviteRecord> list;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    if (!q.exec(kInviteColumns + QLatin1String(" ORDER BY id"))) {
        m_error = q.lastError().text();
        return list;
    }
    while (q.next())
        list.append(readInvite(q));
    return list;
}

bool SqliteStore::revokeInvite(const QString &codeOrId)
{
    const QMutexLocker lock(&writeLock());
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (isNumber(codeOrId)) {
        q.prepare(QStringLiteral("UPDATE invites SET revoked = 1 WHERE id = ?"));
        q.addBindValue(codeOrId.toLongLong());
    } else {
        q.prepare(QStringLiteral("UPDATE invites SET revoked = 1 WHERE code_hash = ?"));
        q.addBindValue(QString::fromLatin1(hashToken(codeOrId)));
    }
    if (!run(q))
        return false;
    if (q.numRowsAffected() > 0)
        return true;
    m_error = QStringLiteral("no such invite");
    return false;
}

RedeemResult SqliteStore::redeemInvite(const QString &code, const QString &name, UserRecord *user,
                                       QString *token)
{
    // The store writer's store takes no process lock: it waits the busy timeout for a
    // locked database, and the room threads' appends must not wait behind that.
    const auto lock = lockForAppend();
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (code.isEmpty() || !db.transaction()) {
        m_error = code.isEmpty() ? QStringLiteral("empty invite") : db.lastError().text();
        return code.isEmpty() ? RedeemResult::InvalidInvite : RedeemResult::Failed;
    }
    // Claiming a use and creating the account commit together or not at all.
    QSqlQuery claim(db);
    claim.prepare(QStringLiteral("UPDATE invites SET used = used + 1 WHERE code_hash = ? "
                                 "AND revoked = 0 AND used < uses AND expires > ?"));
    claim.addBindValue(QString::fromLatin1(hashToken(code)));
    claim.addBindValue(QDateTime::currentSecsSinceEpoch());
    if (!run(claim) || claim.numRowsAffected() == 0) {
        const bool failed = !m_error.isEmpty();
        db.rollback();
        return failed ? RedeemResult::Failed : RedeemResult::InvalidInvite;
    }
    claim.finish();
    const bool taken = userByNameKey(name).has_value();
    const auto created = taken ? std::nullopt : insertUser(name, token);
    if (!created) {
        db.rollback();
        return taken ? RedeemResult::NameTaken : RedeemResult::Failed;
    }
    if (!db.commit()) {
        m_error = db.lastError().text();
        db.rollback();
        return RedeemResult::Failed;
    }
    if (user)
        *user = *created;
    return RedeemResult::Ok;
}

} // namespace talker::store
