// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The search index is written in batches, off the send path (store/searchindexer.h):
// an append leaves `message_text` alone, a batch covers at most what it is asked to,
// and a search first catches the index up, so it finds every stored message in its
// latest text (edits), and never a retracted one.
#include "sqliteinspector.h"
#include "store/sqlitestore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace talker::store;

class TestServerSearchIndex : public QObject
{
    Q_OBJECT

private:
    bool append(EventKind kind, const QString &id, const QString &content)
    {
        StoredEvent e;
        e.room = QStringLiteral("r");
        e.id = id;
        e.kind = kind;
        e.senderId = QStringLiteral("1");
        e.content = content;
        e.line = content.toUtf8() + '\n';
        return m_store->append(&e);
    }

    /// Rows in the index, read through a connection of the test's own.
    int indexed()
    {
        return int(m_inspect->number(QStringLiteral("SELECT COUNT(*) FROM message_text")));
    }

    QStringList found(const QString &word)
    {
        SearchQuery query;
        query.userId = QStringLiteral("1");
        query.match = word;
        QStringList lines;
        for (const SearchHit &hit : m_store->search(query).hits)
            lines << QString::fromUtf8(hit.line.trimmed());
        return lines;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_store = std::make_unique<SqliteStore>();
        const QString path = m_dir.filePath(QStringLiteral("s.db"));
        QVERIFY(m_store->open(path));
        m_inspect = std::make_unique<talker::test::SqliteInspector>(path);
        QVERIFY(m_inspect->isOpen());
        QVERIFY(append(EventKind::Join, QStringLiteral("j1"), QString()));
    }

    void cleanup()
    {
        m_inspect.reset();
        m_store.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("s.db")));
    }

    void appendsLeaveTheIndexToBatches()
    {
        QVERIFY(append(EventKind::Message, QStringLiteral("m1"), QStringLiteral("alpha one")));
        QVERIFY(append(EventKind::Message, QStringLiteral("m2"), QStringLiteral("alpha two")));
        QVERIFY(append(EventKind::Message, QStringLiteral("m3"), QStringLiteral("alpha three")));
        QCOMPARE(indexed(), 0);
        // The join and the first two messages: a batch covers events, not only messages.
        qint64 covered = -1;
        QVERIFY(m_store->indexForSearch(3, &covered));
        QCOMPARE(covered, 3);
        QCOMPARE(indexed(), 2);
        QVERIFY(m_store->indexForSearch(0, &covered));
        QCOMPARE(covered, 1);
        QCOMPARE(indexed(), 3);
        QVERIFY(m_store->indexForSearch(0, &covered));
        QCOMPARE(covered, 0);
        QCOMPARE(indexed(), 3);
    }

    void searchCatchesTheIndexUpFirst()
    {
        QVERIFY(append(EventKind::Message, QStringLiteral("m1"), QStringLiteral("beta first")));
        QVERIFY(m_store->indexForSearch(0));
        QVERIFY(append(EventKind::Message, QStringLiteral("m2"), QStringLiteral("beta second")));
        QCOMPARE(indexed(), 1);
        QCOMPARE(found(QStringLiteral("beta")),
                 (QStringList{QStringLiteral("beta second"), QStringLiteral("beta first")}));
        QCOMPARE(indexed(), 2);
    }

    void editsAndRetractionsAfterTheLastBatch()
    {
        QVERIFY(append(EventKind::Message, QStringLiteral("m1"), QStringLiteral("gamma old")));
        QVERIFY(append(EventKind::Message, QStringLiteral("m2"), QStringLiteral("gamma gone")));
        QVERIFY(m_store->indexForSearch(0));
        // An edit and a retraction that the index has not seen yet.
        QVERIFY(append(EventKind::Message, QStringLiteral("m1"), QStringLiteral("gamma new")));
        QVERIFY(append(EventKind::Message, QStringLiteral("m2"), QString()));
        QCOMPARE(found(QStringLiteral("old")), QStringList{});
        QCOMPARE(found(QStringLiteral("gone")), QStringList{});
        QCOMPARE(found(QStringLiteral("gamma")), QStringList{QStringLiteral("gamma new")});
        QCOMPARE(indexed(), 1);
        // A batch that ends between a message and its edit indexes the latest text.
        QVERIFY(append(EventKind::Message, QStringLiteral("m3"), QStringLiteral("delta a")));
        QVERIFY(append(EventKind::Message, QStringLiteral("m3"), QStringLiteral("delta b")));
        QVERIFY(m_store->indexForSearch(1));
        QSqlQuery q(m_inspect->db());
        QVERIFY(q.exec(QStringLiteral("SELECT content FROM message_text WHERE message_text "
                                      "MATCH 'delta'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("delta b"));
        QVERIFY(!q.next());
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SqliteStore> m_store;
    std::unique_ptr<talker::test::SqliteInspector> m_inspect; ///< the test's own connection
};

QTEST_GUILESS_MAIN(TestServerSearchIndex)
#include "tst_server_searchindex.moc"
