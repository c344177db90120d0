// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// The list models over scripted server traffic (fed through Session::processIncoming),
// each checked by QAbstractItemModelTester.
#include "client/account.h"
#include "client/accountregistry.h"
#include "client/conversation.h"
#include "client/memberlist.h"
#include "client/room.h"
#include "client/timeline.h"
#include "models/conversationmodel.h"
#include "models/membermodel.h"
#include "models/messagemodel.h"
#include "models/roomlistmodel.h"
#include "models/switchermodel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace talker;
using namespace talker::client;
using namespace talker::models;
using Tester = QAbstractItemModelTester;

namespace {
QByteArray msg(const char *id, const char *userId, const char *name, const QString &text,
               qint64 time, const QByteArray &extra = {})
{
    return QStringLiteral(
               R"({"type":"message","id":"%1","content":"%2","user":{"id":"%3","name":"%4"},"time":%5%6})")
               .arg(QLatin1String(id), text, QLatin1String(userId), QLatin1String(name))
               .arg(time)
               .arg(QString::fromUtf8(extra))
               .toUtf8() +
           '\n';
}

QByteArray connected()
{
    return QByteArrayLiteral(
        R"({"type":"connected","user":{"id":"1","name":"alice"}})"
        "\n"
        R"({"type":"users","users":[{"id":"1","name":"alice"},{"id":"2","name":"bob"},{"id":"3","name":"Carol"}]})"
        "\n");
}

qint64 at(int year, int month, int day, int hour, int minute)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute)).toSecsSinceEpoch();
}

/// The first row of each rowsInserted a spy recorded.
QList<int> firstRows(const QSignalSpy &inserted)
{
    QList<int> rows;
    for (const QList<QVariant> &args : inserted)
        rows.append(args.at(1).toInt());
    return rows;
}
} // namespace

class TestModels : public QObject
{
    Q_OBJECT

    QTemporaryDir dir;

private slots:
    void switcherFiltersTheSidebarWithTypedRoles()
    {
        Account account(AccountConfig{}, QStringLiteral(":memory:"));
        Room *main = account.joinRoom(QStringLiteral("Main"));
        Room *dev = account.joinRoom(QStringLiteral("Dev"));
        Conversation *bob =
            account.openConversation(QStringLiteral("7"), QStringLiteral("bob"), main);
        bob->setUnreadCount(2);
        QList<Chat *> chats{main, dev, bob};
        SwitcherModel model([&chats] { return chats; });
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        QSignalSpy countSpy(&model, &SwitcherModel::countChanged);
        QCOMPARE(model.count(), 0); // a snapshot: nothing until refresh() or a filter
        model.refresh();
        QCOMPARE(model.count(), 3);
        QCOMPARE(countSpy.count(), 1);
        const QHash<int, QByteArray> names = model.roleNames();
        QCOMPARE(names.value(SwitcherModel::KeyRole), QByteArray("key"));
        QCOMPARE(names.value(SwitcherModel::IsPrivateRole), QByteArray("isPrivate"));
        auto role = [&](int row, int r) {
            return model.data(model.index(row), r);
        };
        QCOMPARE(role(2, SwitcherModel::TitleRole).toString(), QStringLiteral("bob"));
        QCOMPARE(role(2, SwitcherModel::UnreadRole).toInt(), 2);
        QCOMPARE(role(2, SwitcherModel::IsPrivateRole).toBool(), true);
        QCOMPARE(role(0, SwitcherModel::IsPrivateRole).toBool(), false);
        QCOMPARE(role(2, SwitcherModel::KeyRole).toString(), bob->key());
        QCOMPARE(role(0, SwitcherModel::SubtitleRole).toString(), account.label());

        model.setFilter(QStringLiteral(" de "));
        QCOMPARE(model.count(), 1);
        QCOMPARE(model.keyAt(0), dev->key());
        QCOMPARE(model.keyAt(1), QString());
        model.setFilter(QStringLiteral("BO"));
        QCOMPARE(role(0, SwitcherModel::TitleRole).toString(), QStringLiteral("bob"));
        model.setFilter(QStringLiteral("zzz"));
        QCOMPARE(model.count(), 0);
        chats.removeLast(); // a chat that left meanwhile is gone at the next snapshot
        model.setFilter(QString());
        QCOMPARE(model.count(), 2);
    }

    void memberListKeepsLeftUsersOfflineAndSignalsRows()
    {
        using P = MemberList::Presence;
        MemberList list;
        QSignalSpy reset(&list, &MemberList::reset);
        QSignalSpy added(&list, &MemberList::added);
        QSignalSpy changed(&list, &MemberList::changed);
        auto user = [](const char *id, const char *name, bool idle = false) {
            protocol::User u;
            u.id = QString::fromLatin1(id);
            u.name = QString::fromLatin1(name);
            u.idle = idle;
            return u;
        };
        list.replace({user("1", "alice"), user("2", "bob", true), user("2", "bob"), {}});
        QCOMPARE(reset.count(), 1);
        QCOMPARE(list.members().size(), 2); // the repeat and the invalid one are skipped
        QCOMPARE(list.members().at(list.indexOf(QStringLiteral("2"))).presence, P::Idle);
        QVERIFY(!list.members().at(1).user.idle); // idle is a presence, not a user field

        QVERIFY(list.setPresence(user("3", "carol"), P::Online));
        QCOMPARE(added.count(), 1);
        QCOMPARE(added.at(0).at(0).toInt(), 2);
        QVERIFY(!list.setPresence(user("4", ""), P::Online)); // no name: not added
        QCOMPARE(list.indexOf(QStringLiteral("4")), -1);
        QVERIFY(list.setPresence(user("1", "alice2"), P::Online)); // renamed
        QCOMPARE(changed.count(), 1);
        QCOMPARE(list.members().at(0).user.name, QStringLiteral("alice2"));
        QVERIFY(list.setPresence(user("1", ""), P::Online)); // nothing new: no signal
        QCOMPARE(changed.count(), 1);

        list.replace({user("2", "bob")}); // alice and carol left: kept, offline
        QCOMPARE(list.members().size(), 3);
        QCOMPARE(list.members().at(list.indexOf(QStringLiteral("1"))).presence, P::Offline);
        QCOMPARE(list.members().at(list.indexOf(QStringLiteral("3"))).presence, P::Offline);
        QCOMPARE(list.members().at(list.indexOf(QStringLiteral("2"))).presence, P::Online);
    }

    void messageGroupingAndInPlaceChanges()
    {
        Account account(AccountConfig{}, QStringLiteral(":memory:"));
        Room *room = account.joinRoom(QStringLiteral("Main"));
        room->setKeepRetracted(false); // (placeholders: tst_timelinerules)
        MessageModel model;
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        model.setTimeline(room->timeline());
        QSignalSpy countSpy(&model, &MessageModel::countChanged);

        room->session()->processIncoming(connected());
        const qint64 day1 = at(2026, 3, 1, 10, 0);
        room->session()->processIncoming(
            msg("a", "2", "bob", QStringLiteral("one"), day1) +
            msg("b", "2", "bob", QStringLiteral("two"), day1 + 60) +
            msg("c", "3", "Carol", QStringLiteral("hey alice"), day1 + 120) +
            msg("d", "3", "Carol", QStringLiteral("later"), day1 + 3600) +
            msg("e", "3", "Carol", QStringLiteral("next day"), at(2026, 3, 2, 9, 0)) +
            msg("f", "1", "alice", QStringLiteral("mine"), at(2026, 3, 2, 9, 1)));
        QCOMPARE(model.rowCount(), 6);
        QVERIFY(countSpy.count() >= 1);
        auto role = [&](int row, int r) {
            return model.data(model.index(row), r);
        };
        QCOMPARE(role(0, MessageModel::FirstInGroupRole).toBool(), true);
        QCOMPARE(role(1, MessageModel::FirstInGroupRole).toBool(), false);
        QCOMPARE(role(0, MessageModel::LastInGroupRole).toBool(), false);
        QCOMPARE(role(1, MessageModel::LastInGroupRole).toBool(), true);
        QCOMPARE(role(2, MessageModel::FirstInGroupRole).toBool(), true); // other author
        QCOMPARE(role(3, MessageModel::FirstInGroupRole).toBool(), true); // an hour later
        QCOMPARE(role(4, MessageModel::FirstOfDayRole).toBool(), true);
        QCOMPARE(role(3, MessageModel::FirstOfDayRole).toBool(), false);
        QCOMPARE(role(2, MessageModel::MentionRole).toBool(), true);
        QCOMPARE(role(1, MessageModel::MentionRole).toBool(), false);
        QCOMPARE(role(5, MessageModel::OwnRole).toBool(), true);
        QCOMPARE(role(5, MessageModel::TimeRole).toDateTime(),
                 QDateTime(QDate(2026, 3, 2), QTime(9, 1)));
        QCOMPARE(room->unreadCount(), 5);
        QCOMPARE(room->mentionCount(), 1);
        QCOMPARE(model.get(2).value(QStringLiteral("authorName")).toString(),
                 QStringLiteral("Carol"));
        QCOMPARE(model.roleNames().value(MessageModel::TextRole), QByteArray("text"));

        // an edit replaces in place
        room->session()->processIncoming(
            msg("b", "2", "bob", QStringLiteral("two (fixed)"), day1 + 60, R"(,"edited":99)"));
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(role(1, MessageModel::TextRole).toString(), QStringLiteral("two (fixed)"));
        QCOMPARE(role(1, MessageModel::EditedRole).toBool(), true);
        QCOMPARE(room->unreadCount(), 5);
        // a retraction removes the row; the grouping of the neighbours follows
        room->session()->processIncoming(
            msg("a", "2", "bob", QString(), day1, R"(,"deleted":true)"));
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.rowOf(QStringLiteral("a")), -1);
        QCOMPARE(role(0, MessageModel::FirstInGroupRole).toBool(), true);
        // a duplicate id changes nothing
        room->session()->processIncoming(
            msg("c", "3", "Carol", QStringLiteral("hey alice"), day1 + 120));
        QCOMPARE(model.rowCount(), 5);

        // the new-messages divider follows the last read position, but the user's own
        // message ("f") after it says everything before it was read
        room->timeline()->setLastReadId(QStringLiteral("c"));
        QCOMPARE(role(model.rowOf(QStringLiteral("d")), MessageModel::FirstUnreadRole).toBool(),
                 false);
        room->timeline()->setLastReadId(QStringLiteral("e"));
        QCOMPARE(role(model.rowOf(QStringLiteral("f")), MessageModel::FirstUnreadRole).toBool(),
                 false);
        room->markRead();
        QCOMPARE(role(model.rowOf(QStringLiteral("d")), MessageModel::FirstUnreadRole).toBool(),
                 false);
        QCOMPARE(room->unreadCount(), 0);

        // own messages: pending at once, then sent when the broadcast comes back
        const QString id = room->sendMessage(QStringLiteral("/me smiles"));
        const int row = model.rowOf(id);
        QCOMPARE(role(row, MessageModel::PendingRole).toBool(), true);
        QCOMPARE(role(row, MessageModel::ActionRole).toBool(), true);
        QCOMPARE(role(row, MessageModel::TextRole).toString(), QStringLiteral("smiles"));
        room->session()->processIncoming(msg(id.toLatin1().constData(), "1", "alice",
                                             QStringLiteral("smiles"), day1 + 9000,
                                             R"(,"action":true)"));
        QCOMPARE(role(row, MessageModel::PendingRole).toBool(), false);
        QCOMPARE(role(row, MessageModel::DeliveryRole).toInt(), int(Message::Delivery::Sent));

        model.setTimeline(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void confirmedMessagesFollowServerOrder()
    {
        Account account(AccountConfig{}, QStringLiteral(":memory:"));
        Room *room = account.joinRoom(QStringLiteral("Main"));
        MessageModel model;
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        model.setTimeline(room->timeline());
        room->session()->processIncoming(connected());
        const QString a = room->sendMessage(QStringLiteral("mine A"));
        const QString b = room->sendMessage(QStringLiteral("mine B"));
        auto texts = [&] {
            QStringList out;
            for (int i = 0; i < model.rowCount(); ++i)
                out << model.data(model.index(i), MessageModel::TextRole).toString();
            return out;
        };
        // others' messages go above our unconfirmed ones
        room->session()->processIncoming(msg("x1", "2", "bob", QStringLiteral("x1"), 100));
        QCOMPARE(texts(), (QStringList{QStringLiteral("x1"), QStringLiteral("mine A"),
                                       QStringLiteral("mine B")}));
        // the server stored: x1, A, x2, B
        room->session()->processIncoming(
            msg(a.toLatin1().constData(), "1", "alice", QStringLiteral("mine A"), 101) +
            msg("x2", "2", "bob", QStringLiteral("x2"), 102));
        QCOMPARE(texts(), (QStringList{QStringLiteral("x1"), QStringLiteral("mine A"),
                                       QStringLiteral("x2"), QStringLiteral("mine B")}));
        QCOMPARE(model.data(model.index(3), MessageModel::PendingRole).toBool(), true);
        room->session()->processIncoming(
            msg("x3", "2", "bob", QStringLiteral("x3"), 103) +
            msg(b.toLatin1().constData(), "1", "alice", QStringLiteral("mine B"), 104));
        QCOMPARE(texts(),
                 (QStringList{QStringLiteral("x1"), QStringLiteral("mine A"), QStringLiteral("x2"),
                              QStringLiteral("x3"), QStringLiteral("mine B")}));
        QCOMPARE(model.data(model.index(4), MessageModel::PendingRole).toBool(), false);
    }

    void oneReadIsOneInsert()
    {
        Account account(AccountConfig{}, QStringLiteral(":memory:"));
        account.setWindowSize(100);
        Room *room = account.joinRoom(QStringLiteral("Main"));
        room->setKeepRetracted(false); // the retraction below removes its row
        // (no QAbstractItemModelTester here: it pages older rows in after the trim;
        // the other tests check one-read batches with it)
        MessageModel model;
        model.setTimeline(room->timeline());
        room->session()->processIncoming(connected());
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy counts(&model, &MessageModel::countChanged);
        QByteArray read;
        for (int i = 0; i < 300; ++i)
            read += msg(QByteArray::number(i).constData(), "2", "bob", QString::number(i), 100 + i);
        room->session()->processIncoming(read);
        // one insert for the whole read, then one trim back to the window
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 299);
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(room->timeline()->count(), 100);
        QCOMPARE(model.data(model.index(0), MessageModel::TextRole).toString(),
                 QStringLiteral("200"));
        QCOMPARE(model.data(model.index(99), MessageModel::TextRole).toString(),
                 QStringLiteral("299"));
        // 0 -> 100 rows: announced once per phase (the insert, the trim), never per row
        QVERIFY2(counts.count() >= 1 && counts.count() <= 2,
                 qPrintable(QString::number(counts.count())));
        QCOMPARE(room->unreadCount(), 300);

        // in one read: new rows, an edit and a retraction of rows not announced yet, and
        // an own pending message at the bottom that later rows must go above
        const QString own = room->sendMessage(QStringLiteral("pending"));
        inserted.clear();
        room->session()->processIncoming(
            msg("n1", "2", "bob", QStringLiteral("n1"), 500) +
            msg("n2", "3", "Carol", QStringLiteral("n2"), 501) +
            msg("n1", "2", "bob", QStringLiteral("n1 fixed"), 500, R"(,"edited":502)") +
            msg("n2", "3", "Carol", QString(), 501, R"(,"deleted":true)") +
            msg("n3", "3", "Carol", QStringLiteral("n3"), 503));
        const int n = model.rowCount();
        QCOMPARE(n, room->timeline()->count());
        QCOMPARE(model.data(model.index(n - 3), MessageModel::TextRole).toString(),
                 QStringLiteral("n1 fixed"));
        QCOMPARE(model.data(model.index(n - 2), MessageModel::TextRole).toString(),
                 QStringLiteral("n3"));
        QCOMPARE(model.data(model.index(n - 1), MessageModel::IdRole).toString(), own);
        QCOMPARE(model.rowOf(QStringLiteral("n2")), -1);
        // each new row went in above the pending one, one at a time (edit and retraction
        // insert nothing)
        QCOMPARE(firstRows(inserted), (QList<int>{n - 3, n - 2, n - 2}));

        // the rows are in the model afterwards, in order, above the pending one
        inserted.clear();
        room->session()->processIncoming(msg("m1", "2", "bob", QStringLiteral("m1"), 600) +
                                         msg("m2", "2", "bob", QStringLiteral("m2"), 601));
        QCOMPARE(model.rowOf(QStringLiteral("m1")), n - 1);
        QCOMPARE(model.rowOf(QStringLiteral("m2")), n);
        QCOMPARE(model.rowCount(), n + 2);
        QCOMPARE(firstRows(inserted), (QList<int>{n - 1, n}));
    }

    void firstJoinHistoryIsNotUnread()
    {
        Account account(AccountConfig{}, QStringLiteral(":memory:"));
        Room *room = account.joinRoom(QStringLiteral("Main"));
        room->session()->processIncoming(
            QByteArrayLiteral(R"({"type":"connected","user":{"id":"1","name":"alice"}})"
                              "\n") +
            msg("h1", "2", "bob", QStringLiteral("old news for alice"), 10) +
            QByteArrayLiteral(R"({"type":"users","users":[{"id":"1","name":"alice"}]})"
                              "\n") +
            msg("n1", "2", "bob", QStringLiteral("fresh"), 20));
        QCOMPARE(room->timeline()->count(), 2);
        QCOMPARE(room->unreadCount(), 1);
        QCOMPARE(room->mentionCount(), 0);
    }

    void keepRetractedShowsTombstones()
    {
        Account account(AccountConfig{}, QStringLiteral(":memory:"));
        Room *room = account.joinRoom(QStringLiteral("Main"));
        room->setKeepRetracted(true);
        MessageModel model;
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        model.setTimeline(room->timeline());
        room->session()->processIncoming(
            connected() + msg("a", "2", "bob", QStringLiteral("oops"), 100) +
            msg("a", "2", "bob", QString(), 100, R"(,"deleted":true)"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0), MessageModel::DeletedRole).toBool(), true);
        QCOMPARE(model.data(model.index(0), MessageModel::TextRole).toString(), QString());
    }

    void membersSortedByPresenceAndName()
    {
        Account account(AccountConfig{}, QStringLiteral(":memory:"));
        Room *room = account.joinRoom(QStringLiteral("Main"));
        MemberModel model;
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        model.setRoom(room);
        room->session()->processIncoming(connected());
        auto names = [&] {
            QStringList out;
            for (int i = 0; i < model.rowCount(); ++i)
                out << model.data(model.index(i), MemberModel::NameRole).toString();
            return out;
        };
        QCOMPARE(names(), (QStringList{QStringLiteral("alice"), QStringLiteral("bob"),
                                       QStringLiteral("Carol")}));
        room->session()->processIncoming(
            R"({"type":"idle","user":{"id":"1","name":"alice"},"time":5})"
            "\n");
        QCOMPARE(names(), (QStringList{QStringLiteral("bob"), QStringLiteral("Carol"),
                                       QStringLiteral("alice")}));
        room->session()->processIncoming(
            R"({"type":"join","user":{"id":"4","name":"Aaron"},"time":6,"id":"j4"})"
            "\n"
            R"({"type":"leave","user":"2","time":7,"id":"l2"})"
            "\n");
        QCOMPARE(names(), (QStringList{QStringLiteral("Aaron"), QStringLiteral("Carol"),
                                       QStringLiteral("alice"), QStringLiteral("bob")}));
        QCOMPARE(model.data(model.index(3), MemberModel::PresenceTextRole).toString(),
                 QStringLiteral("offline"));
        QCOMPARE(model.data(model.index(2), MemberModel::PresenceRole).toInt(),
                 int(Room::Presence::Idle));
        QCOMPARE(model.data(model.index(2), MemberModel::IsSelfRole).toBool(), true);
        QCOMPARE(model.onlineCount(), 3);
        room->session()->processIncoming(
            R"({"type":"back","user":{"id":"1","name":"alice"},"time":8})"
            "\n"
            R"({"type":"message","id":"p","content":"ty","partial":true,"user":{"id":"3","name":"Carol"}})"
            "\n");
        QCOMPARE(names(), (QStringList{QStringLiteral("Aaron"), QStringLiteral("alice"),
                                       QStringLiteral("Carol"), QStringLiteral("bob")}));
        QCOMPARE(model.data(model.index(2), MemberModel::TypingRole).toBool(), true);
        QCOMPARE(model.rowOf(QStringLiteral("2")), 3);
        // a fresh users list (reconnect) resets the list; bob stays known as offline
        room->session()->processIncoming(
            R"({"type":"users","users":[{"id":"1","name":"alice"},{"id":"3","name":"Carol","idle":true}]})"
            "\n");
        QCOMPARE(names(), (QStringList{QStringLiteral("alice"), QStringLiteral("Carol"),
                                       QStringLiteral("Aaron"), QStringLiteral("bob")}));
    }

    void roomListAndConversations()
    {
        QVERIFY(dir.isValid());
        AccountRegistry registry(dir.path());
        RoomListModel rooms;
        ConversationModel conversations;
        Tester t1(&rooms, Tester::FailureReportingMode::QtTest);
        Tester t2(&conversations, Tester::FailureReportingMode::QtTest);
        rooms.setRegistry(&registry);
        conversations.setRegistry(&registry);
        QCOMPARE(rooms.rowCount(), 0);

        Account *a = registry.addServer(QStringLiteral("127.0.0.1"), 1, false);
        Room *main = a->joinRoom(QStringLiteral("Main"));
        Room *dev = a->joinRoom(QStringLiteral("Dev"));
        Account *b =
            registry.addServer(QStringLiteral("127.0.0.2"), 2, false, QStringLiteral("Work"));
        b->joinRoom(QStringLiteral("Ops"));
        QCOMPARE(rooms.rowCount(), 3);
        QCOMPARE(rooms.data(rooms.index(2), RoomListModel::AccountLabelRole).toString(),
                 QStringLiteral("Work"));
        QCOMPARE(rooms.roomAt(1), dev);
        QCOMPARE(rooms.rowOf(main), 0);
        QCOMPARE(rooms.data(rooms.index(0), RoomListModel::StateRole).toInt(),
                 int(Session::State::Disconnected));

        QSignalSpy changed(&rooms, &QAbstractItemModel::dataChanged);
        QSignalSpy totals(&rooms, &RoomListModel::totalsChanged);
        // the QML badges bind to these: their NOTIFY signal (declared in the base) resolves
        for (const char *name : {"totalUnread", "totalMentions", "count", "registry"}) {
            const QMetaObject *mo = rooms.metaObject();
            QVERIFY2(mo->property(mo->indexOfProperty(name)).hasNotifySignal(), name);
        }
        main->session()->processIncoming(connected() +
                                         msg("m1", "2", "bob", QStringLiteral("ping @alice"), 100) +
                                         msg("m2", "2", "bob", QStringLiteral("hello"), 101));
        QVERIFY(changed.count() > 0);
        QCOMPARE(changed.constLast().at(0).value<QModelIndex>().row(), 0);
        QCOMPARE(rooms.data(rooms.index(0), RoomListModel::UnreadRole).toInt(), 2);
        QCOMPARE(rooms.data(rooms.index(0), RoomListModel::MentionRole).toInt(), 1);
        QCOMPARE(rooms.data(rooms.index(0), RoomListModel::PreviewRole).toString(),
                 QStringLiteral("bob: hello"));
        QCOMPARE(rooms.data(rooms.index(0), RoomListModel::ConnectedRole).toBool(), true);
        QCOMPARE(rooms.totalUnread(), 2);
        QVERIFY(totals.count() > 0);
        QCOMPARE(rooms.data(rooms.index(0), RoomListModel::RoomRole).value<QObject *>(), main);

        // a private message opens a conversation with its sender
        main->session()->processIncoming(
            msg("p1", "3", "Carol", QStringLiteral("psst"), 102, R"(,"private":true,"to":"1")"));
        QCOMPARE(conversations.rowCount(), 1);
        QCOMPARE(
            conversations.data(conversations.index(0), ConversationModel::PeerNameRole).toString(),
            QStringLiteral("Carol"));
        QCOMPARE(conversations.data(conversations.index(0), ConversationModel::UnreadRole).toInt(),
                 1);
        QCOMPARE(
            conversations.data(conversations.index(0), ConversationModel::RoomNameRole).toString(),
            QStringLiteral("Main"));
        QCOMPARE(conversations.totalUnread(), 1);
        QCOMPARE(rooms.totalUnread(), 2); // not counted in the room

        a->moveRoom(1, 0);
        QCOMPARE(rooms.roomAt(0), dev);
        a->leaveRoom(QStringLiteral("Dev"));
        QCOMPARE(rooms.rowCount(), 2);
        registry.removeAccount(b);
        QTRY_COMPARE(rooms.rowCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
