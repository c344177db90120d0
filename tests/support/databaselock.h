// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace talker::test {

/// An exclusive lock on an SQLite database from a connection of its own, as another
/// process holding the write lock would: writers meet "database is locked" until
/// release() (or the end of the scope). One at a time: its connection has one name.
class DatabaseLock
{
public:
    explicit DatabaseLock(const QString &databasePath)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name());
        db.setDatabaseName(databasePath);
        m_held = db.open() && QSqlQuery(db).exec(QStringLiteral("BEGIN EXCLUSIVE"));
    }
    ~DatabaseLock() { release(); }
    DatabaseLock(const DatabaseLock &) = delete;
    DatabaseLock &operator=(const DatabaseLock &) = delete;

    bool isHeld() const { return m_held; }

    /// Rolls the lock's transaction back and closes its connection. False when the
    /// lock was held and could not be given back.
    bool release()
    {
        if (!QSqlDatabase::contains(name()))
            return true;
        bool ok = true;
        {
            QSqlDatabase db = QSqlDatabase::database(name(), false);
            if (m_held)
                ok = QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            db.close();
        }
        QSqlDatabase::removeDatabase(name());
        m_held = false;
        return ok;
    }

private:
    static QString name() { return QStringLiteral("talker-test-lock"); }

    bool m_held = false;
};

} // namespace talker::test
