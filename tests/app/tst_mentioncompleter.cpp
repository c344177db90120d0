// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mentioncompleter.h"

#include <QStandardItemModel>
#include <QTest>

using talker::app::MentionCompleter;

/// A member list as MemberModel names it: the "name" role.
class Members : public QStandardItemModel
{
public:
    explicit Members(const QStringList &names)
    {
        for (const QString &name : names) {
            auto *item = new QStandardItem;
            item->setData(name, Qt::UserRole + 2);
            appendRow(item);
        }
    }
    QHash<int, QByteArray> roleNames() const override { return {{Qt::UserRole + 2, "name"}}; }
};

class TestMentionCompleter : public QObject
{
    Q_OBJECT
private slots:
    void completesFromMembers()
    {
        Members members({QStringLiteral("bob"), QStringLiteral("Alice"), QStringLiteral("alex")});
        MentionCompleter completer;
        completer.setMembers(&members);
        const QString text = QStringLiteral("hi @al and more");
        QVariantMap r = completer.complete(text, 6);
        QCOMPARE(r.value(QStringLiteral("text")).toString(), QStringLiteral("hi @alex  and more"));
        QCOMPARE(r.value(QStringLiteral("cursor")).toInt(), 9);
        // A second Tab cycles to the next match, in place.
        r = completer.complete(r.value(QStringLiteral("text")).toString(), 9);
        QCOMPARE(r.value(QStringLiteral("text")).toString(), QStringLiteral("hi @Alice  and more"));
        QCOMPARE(r.value(QStringLiteral("cursor")).toInt(), 10);
        r = completer.complete(r.value(QStringLiteral("text")).toString(), 10);
        QCOMPARE(r.value(QStringLiteral("text")).toString(), QStringLiteral("hi @alex  and more"));
    }
    void nothingToCompleteLeavesTabToFocus()
    {
        Members members({QStringLiteral("bob")});
        MentionCompleter completer;
        completer.setMembers(&members);
        QVERIFY(completer.complete(QStringLiteral("hello"), 5).isEmpty());
        QVERIFY(completer.complete(QStringLiteral("@zed"), 4).isEmpty());
        QVERIFY(completer.complete(QStringLiteral("mail@bo"), 7).isEmpty()); // not a mention
        QVERIFY(!completer.complete(QStringLiteral("@"), 1).isEmpty());      // everyone matches
    }
};

QTEST_MAIN(TestMentionCompleter)
#include "tst_mentioncompleter.moc"
