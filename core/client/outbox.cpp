// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "client/outbox.h"

#include "client/cacheschema.h"
#include "client/historycache.h"

#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace talker::client {

Q_LOGGING_CATEGORY(lcClientOutbox, "talker.client.outbox")

namespace {
OutboxEntry entryFrom(const QSqlQuery &q)
{
    OutboxEntry e;
    e.room = q.value(0).toString();
    e.id = q.value(1).toString();
    e.content = q.value(2).toString();
    if (e.content.isNull())
        e.content = QStringLiteral("");
    e.to = q.value(3).toString();
    e.action = q.value(4).toBool();
    e.created = q.value(5).toLongLong();
    e.attempts = q.value(6).toInt();
    e.failed = q.value(7).toBool();
    e.replyTo = q.value(8).toString();
    const int failure = q.value(9).toInt();
    if (failure == int(OutboxEntry::Failure::Refused) ||
        failure == int(OutboxEntry::Failure::Unconfirmed))
        e.failure = OutboxEntry::Failure(failure);
    e.failError = q.value(10).toString();
    e.failRecipient = q.value(11).toString();
    return e;
}

const char *const kColumns = "room, id, content, to_id, action, created, attempts, failed, "
                             "reply_to, fail_kind, fail_error, fail_recipient";
} // namespace

Outbox::Outbox(HistoryCache *cache)
    : m_cache(cache)
{}

bool Outbox::put(const OutboxEntry &e)
{
    if (!m_cache || !m_cache->isOpen())
        return false;
    m_cache->flush(); // the outbox write must not wait in a batch: commit it now
    QSqlQuery q(QSqlDatabase::database(m_cache->connectionName(), false));
    q.prepare(QStringLiteral(
                  "INSERT INTO outbox(%1) VALUES(?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(room, id) DO "
                  "UPDATE "
                  "SET content=excluded.content, to_id=excluded.to_id, action=excluded.action, "
                  "attempts=excluded.attempts, failed=excluded.failed, reply_to=excluded.reply_to, "
                  "fail_kind=excluded.fail_kind, fail_error=excluded.fail_error, "
                  "fail_recipient=excluded.fail_recipient")
                  .arg(QLatin1String(kColumns)));
    q.addBindValue(e.room);
    q.addBindValue(e.id);
    q.addBindValue(e.content.isNull() ? QStringLiteral("") : e.content);
    q.addBindValue(e.to);
    q.addBindValue(int(e.action));
    q.addBindValue(e.created);
    q.addBindValue(e.attempts);
    q.addBindValue(int(e.failed));
    q.addBindValue(e.replyTo);
    q.addBindValue(int(e.failure));
    q.addBindValue(e.failError);
    q.addBindValue(e.failRecipient);
    if (!q.exec()) {
        qCWarning(lcClientOutbox) << "outbox write failed:" << q.lastError().text();
        return false;
    }
    return true;
}

void Outbox::remove(const QString &room, const QString &id)
{
    if (!m_cache || !m_cache->isOpen())
        return;
    m_cache->flush();
    QSqlQuery q(QSqlDatabase::database(m_cache->connectionName(), false));
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE room=? AND id=?"));
    q.addBindValue(room);
    q.addBindValue(id);
    q.exec();
}

std::optional<OutboxEntry> Outbox::entry(const QString &room, const QString &id) const
{
    if (!m_cache || !m_cache->isOpen())
        return std::nullopt;
    QSqlQuery q(QSqlDatabase::database(m_cache->connectionName(), false));
    q.prepare(
        QStringLiteral("SELECT %1 FROM outbox WHERE room=? AND id=?").arg(QLatin1String(kColumns)));
    q.addBindValue(room);
    q.addBindValue(id);
    if (q.exec() && q.next())
        return entryFrom(q);
    return std::nullopt;
}

QList<OutboxEntry> Outbox::entries(const QString &room) const
{
    QList<OutboxEntry> out;
    if (!m_cache || !m_cache->isOpen())
        return out;
    QSqlQuery q(QSqlDatabase::database(m_cache->connectionName(), false));
    q.prepare(QStringLiteral("SELECT %1 FROM outbox WHERE room=? ORDER BY seq")
                  .arg(QLatin1String(kColumns)));
    q.addBindValue(room);
    if (q.exec()) {
        while (q.next())
            out.append(entryFrom(q));
    }
    return out;
}

int Outbox::count() const
{
    if (!m_cache || !m_cache->isOpen())
        return 0;
    QSqlQuery q(QSqlDatabase::database(m_cache->connectionName(), false));
    if (q.exec(QStringLiteral("SELECT COUNT(*) FROM outbox")) && q.next())
        return q.value(0).toInt();
    return 0;
}

bool Outbox::createTable(QSqlQuery &q)
{
    return q.exec(QStringLiteral(
        "CREATE TABLE IF NOT EXISTS outbox(seq INTEGER PRIMARY KEY AUTOINCREMENT, "
        "room TEXT NOT NULL, id TEXT NOT NULL, content TEXT, to_id TEXT, action INTEGER, "
        "created INTEGER, attempts INTEGER, failed INTEGER, UNIQUE(room, id))"));
}

bool Outbox::addReplyTo(QSqlQuery &q)
{
    return cacheschema::hasColumn(q, "outbox", "reply_to") ||
           q.exec(QStringLiteral("ALTER TABLE outbox ADD COLUMN reply_to TEXT"));
}

bool Outbox::addFailure(QSqlQuery &q)
{
    return q.exec(QStringLiteral("ALTER TABLE outbox ADD COLUMN fail_kind INTEGER NOT NULL "
                                 "DEFAULT 0")) &&
           q.exec(QStringLiteral("ALTER TABLE outbox ADD COLUMN fail_error TEXT")) &&
           q.exec(QStringLiteral("ALTER TABLE outbox ADD COLUMN fail_recipient TEXT"));
}

QString Outbox::newMessageId()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    const QByteArray raw(reinterpret_cast<const char *>(words), sizeof(words));
    // base64url without padding: 22 characters of [A-Za-z0-9_-]
    return QString::fromLatin1(
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace talker::client
