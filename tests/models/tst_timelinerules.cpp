// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The timeline's rules as a person sees them (issue 14), over the real Room, Timeline
// and MessageModel fed with server traffic (Session::processIncoming), each model
// under QAbstractItemModelTester: a retraction leaves a "message deleted" placeholder;
// a failed message keeps its place in time and is never the sidebar's preview (which
// the sidebar shows through Format.plainText, without markdown marks); the "New
// messages" divider never sits above the user's own messages.
#include "client/account.h"
#include "client/conversation.h"
#include "client/historycache.h"
#include "client/outbox.h"
#include "client/room.h"
#include "client/timeline.h"
#include "models/messagemodel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace talker;
using namespace talker::client;
using namespace talker::models;
using Tester = QAbstractItemModelTester;

namespace {
constexpr qint64 T0 = 1767261600; // 2026-01-01 10:00 UTC

QByteArray msg(const QString &id, const char *userId, const char *name, const char *text,
               qint64 time, const QByteArray &extra = {})
{
    QJsonObject user;
    user.insert(QStringLiteral("id"), QString::fromLatin1(userId));
    user.insert(QStringLiteral("name"), QString::fromLatin1(name));
    QJsonObject o;
    o.insert(QStringLiteral("type"), QStringLiteral("message"));
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("content"), QString::fromUtf8(text));
    o.insert(QStringLiteral("time"), time);
    o.insert(QStringLiteral("user"), user);
    QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact);
    if (!extra.isEmpty())
        line.insert(line.size() - 1, extra);
    return line + '\n';
}

QByteArray connected()
{
    return QByteArrayLiteral(
        R"({"type":"connected","user":{"id":"1","name":"alice"}})"
        "\n"
        R"({"type":"users","users":[{"id":"1","name":"alice"},{"id":"2","name":"bob"}]})"
        "\n");
}

QStringList ids(const Timeline *t)
{
    QStringList out;
    for (int row = 0; row < t->count(); ++row)
        out.append(t->at(row).id);
    return out;
}
} // namespace

class TestTimelineRules : public QObject
{
    Q_OBJECT

private slots:
    void retractionLeavesAPlaceholder()
    {
        Account account(AccountConfig{}, QStringLiteral(":memory:"));
        Room *room = account.joinRoom(QStringLiteral("Main"));
        MessageModel model;
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        model.setTimeline(room->timeline());
        room->session()->processIncoming(connected());
        room->session()->processIncoming(msg(QStringLiteral("a"), "2", "bob", "first", T0) +
                                         msg(QStringLiteral("b"), "2", "bob", "second", T0 + 5));
        // someone else's retraction
        room->session()->processIncoming(
            msg(QStringLiteral("a"), "2", "bob", "", T0, R"(,"deleted":true)"));
        QCOMPARE(model.rowCount(), 2);
        const int row = model.rowOf(QStringLiteral("a"));
        QCOMPARE(row, 0);
        QVERIFY(model.data(model.index(row), MessageModel::DeletedRole).toBool());
        QVERIFY(model.data(model.index(row), MessageModel::TextRole).toString().isEmpty());
        // our own, confirmed by the server first
        const QString mine = room->sendMessage(QStringLiteral("oops"));
        room->session()->processIncoming(msg(mine, "1", "alice", "oops", T0 + 10));
        QVERIFY(room->retractMessage(mine));
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(model.data(model.index(model.rowOf(mine)), MessageModel::DeletedRole).toBool());
        // the placeholders stay when the window is read again from the cache
        const QList<Message> cached = account.cache()->latest(room->timeline()->key(), 10);
        QCOMPARE(cached.size(), 3);
        QVERIFY(cached.at(0).deleted);
        QVERIFY(cached.at(0).text.isEmpty());
        QVERIFY(cached.at(2).deleted);
        // and the preview says so instead of showing an empty line
        QVERIFY(!room->lastMessagePreview().endsWith(QStringLiteral(": ")));
    }

    void failedMessagesKeepTheirPlaceAndAreNoPreview()
    {
        Account account(AccountConfig{}, QStringLiteral(":memory:"));
        // a message that failed in an earlier run, written before bob's answers
        OutboxEntry failed;
        failed.room = QStringLiteral("Main");
        failed.id = QStringLiteral("lost");
        failed.content = QStringLiteral("did not make it");
        failed.created = T0 + 30;
        failed.failed = true;
        QVERIFY(account.outbox()->put(failed));
        Room *room = account.joinRoom(QStringLiteral("Main"));
        MessageModel model;
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        model.setTimeline(room->timeline());
        room->session()->processIncoming(connected());
        room->session()->processIncoming(msg(QStringLiteral("x"), "2", "bob", "before", T0) +
                                         msg(QStringLiteral("y"), "2", "bob", "after", T0 + 60));
        QCOMPARE(ids(room->timeline()),
                 (QStringList{QStringLiteral("x"), QStringLiteral("lost"), QStringLiteral("y")}));
        QCOMPARE(room->lastMessagePreview(), QStringLiteral("bob: after"));
        // a pending message that fails stays where it is; later messages go below it
        const QString mine = room->sendMessage(QStringLiteral("also lost"));
        QCOMPARE(room->lastMessagePreview(), QStringLiteral("alice: also lost"));
        Timeline *t = room->timeline();
        Message m = t->at(t->indexOf(mine));
        m.delivery = Message::Delivery::Failed; // (what Room::markFailed does)
        t->replace(t->indexOf(mine), m);
        QCOMPARE(room->lastMessagePreview(), QStringLiteral("bob: after"));
        room->session()->processIncoming(msg(QStringLiteral("z"), "2", "bob",
                                             "**really** _late_ `now`",
                                             QDateTime::currentSecsSinceEpoch() + 60));
        QCOMPARE(ids(t).last(), QStringLiteral("z"));
        QCOMPARE(t->indexOf(mine), t->count() - 2);
        QCOMPARE(room->lastMessagePreview(), QStringLiteral("bob: **really** _late_ `now`"));
    }

    void theDividerNeverSitsAboveOwnMessages()
    {
        Account account(AccountConfig{}, QStringLiteral(":memory:"));
        Room *room = account.joinRoom(QStringLiteral("Main"));
        MessageModel model;
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        model.setTimeline(room->timeline());
        room->session()->processIncoming(connected());
        room->session()->processIncoming(msg(QStringLiteral("a"), "2", "bob", "read", T0));
        room->timeline()->setLastReadId(QStringLiteral("a"));
        auto divider = [&](const char *id) {
            return model
                .data(model.index(model.rowOf(QLatin1String(id))), MessageModel::FirstUnreadRole)
                .toBool();
        };
        // the user's own message right after the last read one: no divider above it
        room->session()->processIncoming(msg(QStringLiteral("b"), "1", "alice", "mine", T0 + 5));
        QVERIFY(!divider("b"));
        // someone else's new message: the divider sits above it
        room->timeline()->setLastReadId(QStringLiteral("b"));
        room->session()->processIncoming(msg(QStringLiteral("c"), "2", "bob", "new", T0 + 10));
        QVERIFY(divider("c"));
        // once the user writes after it, everything above was read: the divider goes
        room->session()->processIncoming(msg(QStringLiteral("d"), "1", "alice", "reply", T0 + 20));
        QVERIFY(!divider("c"));
        QVERIFY(!divider("d"));
    }
};

QTEST_GUILESS_MAIN(TestTimelineRules)
#include "tst_timelinerules.moc"
