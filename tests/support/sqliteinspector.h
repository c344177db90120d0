// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <atomic>

namespace talker::test {

/// A connection of the test's own to an SQLite file (a server's database, a client's
/// cache), to read or shape it directly rather than through the code under test.
/// Closed and removed at the end of its scope, so queries on db() must end first
/// (declare them after it).
///
///     SqliteInspector inspect(server.databasePath());
///     QVERIFY(inspect.isOpen());
///     QCOMPARE(inspect.text("PRAGMA journal_mode"), "wal");
class SqliteInspector
{
public:
    enum class Mode { ReadWrite, ReadOnly };

    explicit SqliteInspector(const QString &path, Mode mode = Mode::ReadWrite)
        : m_name(QStringLiteral("talker-test-inspect-%1").arg(++counter()))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        if (mode == Mode::ReadOnly)
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        m_open = db.open();
    }
    ~SqliteInspector()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    SqliteInspector(const SqliteInspector &) = delete;
    SqliteInspector &operator=(const SqliteInspector &) = delete;

    bool isOpen() const { return m_open; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

    /// The first column of the first row of `sql` as a number, -1 when there is none.
    qint64 number(const QString &sql) const
    {
        const QVariant v = first(sql);
        return v.isValid() ? v.toLongLong() : -1;
    }
    /// The same as text, empty when there is none.
    QString text(const QString &sql) const { return first(sql).toString(); }

private:
    static std::atomic<int> &counter()
    {
        static std::atomic<int> n{0};
        return n;
    }
    QVariant first(const QString &sql) const
    {
        QSqlQuery q(db());
        return q.exec(sql) && q.next() ? q.value(0) : QVariant();
    }

    QString m_name;
    bool m_open = false;
};

} // namespace talker::test
