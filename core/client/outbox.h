// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QString>
#include <optional>

class QSqlQuery;

namespace talker::client {

class HistoryCache;

/// One message waiting for the server's broadcast of its id.
struct OutboxEntry
{
    QString room;
    QString id;      ///< client-chosen, valid per the protocol ([A-Za-z0-9_-]{1,64})
    QString content; ///< empty string: a retraction
    QString to;      ///< recipient user id of a private message
    bool action = false;
    qint64 created = 0; ///< epoch seconds
    int attempts = 0;   ///< sends on a connected session without a confirmation
    bool failed = false;
    QString replyTo; ///< `reply_to` [ext]

    /// Why a failed entry failed, kept with it so that the reason shows again after a
    /// restart. Stored as these numbers: append only.
    enum class Failure {
        Unknown = 0,     ///< not failed, or failed before reasons were kept
        Refused = 1,     ///< the server refused it: failError says why
        Unconfirmed = 2, ///< sent `attempts` times without a confirmation
    };
    Failure failure = Failure::Unknown;
    QString failError;     ///< Refused: the server's error text (its code and detail)
    QString failRecipient; ///< Refused: the recipient's name, for a private message

    /// Not failed (again): pending, with no reason.
    void clearFailure()
    {
        failed = false;
        failure = Failure::Unknown;
        failError.clear();
        failRecipient.clear();
    }
};

/// The persistent outbox of one account, a table in its HistoryCache database. Every
/// write is committed at once, so a message typed just before a crash is re-sent
/// after the restart. The protocol's duplicate rule makes re-sending safe. The table's
/// schema is Outbox's: its migration steps below, ordered in cacheschema.
class Outbox
{
public:
    explicit Outbox(HistoryCache *cache);

    /// Inserts or replaces (same room and id) an entry.
    bool put(const OutboxEntry &entry);
    void remove(const QString &room, const QString &id);
    std::optional<OutboxEntry> entry(const QString &room, const QString &id) const;
    /// The room's entries, oldest first.
    QList<OutboxEntry> entries(const QString &room) const;
    int count() const;

    /// A fresh random message id, valid per the protocol.
    static QString newMessageId();

    /// Cache migration 1 -> 2: the `outbox` table as first released (no reply_to).
    static bool createTable(QSqlQuery &query);
    /// Cache migration 3 -> 4: `outbox.reply_to`, unless a pre-versions cache has it.
    static bool addReplyTo(QSqlQuery &query);
    /// Cache migration 6 -> 7: `outbox.fail_kind`, `fail_error` and `fail_recipient`
    /// (a failed entry's reason).
    static bool addFailure(QSqlQuery &query);

private:
    HistoryCache *m_cache;
};

} // namespace talker::client
