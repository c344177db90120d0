// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "protocol/codec.h"

#include <QJsonDocument>
#include <QSet>
#include <QTest>

#include <limits>

using namespace talker::protocol;

class TestCodec : public QObject
{
    Q_OBJECT

private slots:
    void badFrames_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("text");
        const int invalid = int(ErrorCode::InvalidJson);
        const int unknown = int(ErrorCode::UnknownType);
        QTest::newRow("not json") << QByteArray("hello") << invalid << "Invalid JSON";
        QTest::newRow("truncated") << QByteArray("{\"type\":") << invalid << "Invalid JSON";
        QTest::newRow("array") << QByteArray("[1,2]") << invalid << "Invalid JSON";
        QTest::newRow("number") << QByteArray("42") << invalid << "Invalid JSON";
        QTest::newRow("empty") << QByteArray("") << invalid << "Invalid JSON";
        QTest::newRow("binary") << QByteArray("\xff\xfe\x00{", 4) << invalid << "Invalid JSON";
        QTest::newRow("unknown type")
            << QByteArray(R"({"type":"foo"})") << unknown << "Unknown event type: \"foo\"";
        QTest::newRow("missing type")
            << QByteArray(R"({"content":"x"})") << unknown << "Unknown event type: null";
        QTest::newRow("numeric type")
            << QByteArray(R"({"type":5})") << unknown << "Unknown event type: 5";
    }

    void badFrames()
    {
        QFETCH(QByteArray, frame);
        QFETCH(int, code);
        QFETCH(QString, text);
        const DecodeResult r = decode(frame);
        QVERIFY(!r.ok());
        QCOMPARE(int(r.error), code);
        QCOMPARE(r.errorMessage(), text);
    }

    void historyAndSearchRoundTrip()
    {
        const DecodeResult h = decode(R"({"type":"history","before":"abc","limit":20})");
        QVERIFY(h.ok());
        QCOMPARE(std::get<HistoryRequest>(*h.event).before, QStringLiteral("abc"));
        QCOMPARE(std::get<HistoryRequest>(*h.event).limit, 20);
        const DecodeResult bad = decode(R"({"type":"history","before":"abc","limit":1.5})");
        QCOMPARE(bad.errorMessage(), QStringLiteral("Invalid field: limit"));
        QCOMPARE(decode(R"({"type":"search","query":7})").errorMessage(),
                 QStringLiteral("Invalid field: query"));
        // A huge limit saturates instead of overflowing.
        const DecodeResult huge = decode(R"({"type":"search","query":"x","limit":1e300})");
        QVERIFY(huge.ok());
        QVERIFY(std::get<SearchRequest>(*huge.event).limit > 0);

        SearchResultsEvent results;
        results.query = QStringLiteral("talk*");
        results.more = true;
        MessageEvent m;
        m.id = QStringLiteral("m1");
        m.content = QStringLiteral("talking");
        m.user = User{QStringLiteral("7"), QStringLiteral("alice"), false};
        m.time = 1255447115;
        results.results.append(SearchHit{QStringLiteral("Main"), m});
        const DecodeResult back = decode(encode(results).trimmed());
        QVERIFY(back.ok());
        const auto &r = std::get<SearchResultsEvent>(*back.event);
        QCOMPARE(r.query, results.query);
        QVERIFY(r.more);
        QCOMPARE(r.results.size(), 1);
        QCOMPARE(r.results.first().room, QStringLiteral("Main"));
        QCOMPARE(r.results.first().message.content, QStringLiteral("talking"));
        const DecodeResult end =
            decode(encode(HistoryEndEvent{QStringLiteral("x"), 3, true}).trimmed());
        QCOMPARE(std::get<HistoryEndEvent>(*end.event).count, 3);
        QVERIFY(std::get<HistoryEndEvent>(*end.event).more);
    }

    void connectCoercesRoomNumber()
    {
        const auto r = decode(R"({"type":"connect","room":42,"token":"s","last_event_id":"ab",)"
                              R"("include_partial":true,"history":20})");
        QVERIFY(r.ok());
        const auto &c = std::get<ConnectEvent>(*r.event);
        QCOMPARE(c.room, QStringLiteral("42"));
        QCOMPARE(c.token, QStringLiteral("s"));
        QCOMPARE(c.lastEventId.value(), QStringLiteral("ab"));
        QCOMPARE(c.history.value(), 20);
        QVERIFY(c.includePartial);
    }

    void hugeNumbersSaturate()
    {
        // Found by tests/fuzz/fuzz_protocol: casting 1e300 to an integer was undefined.
        const auto m = decode(R"({"type":"message","content":"x","time":1e300,"edited":-1e300})");
        QVERIFY(m.ok());
        QCOMPARE(std::get<MessageEvent>(*m.event).time, std::numeric_limits<qint64>::max());
        QCOMPARE(std::get<MessageEvent>(*m.event).edited, std::numeric_limits<qint64>::min());
        const auto c = decode(R"({"type":"connect","room":"r","token":"t","history":1e300})");
        QVERIFY(c.ok());
        QCOMPARE(std::get<ConnectEvent>(*c.event).history.value(), 1 << 20);
        const auto n = decode(R"({"type":"connect","room":"r","token":"t","history":-1e300})");
        QVERIFY(n.ok());
        QCOMPARE(std::get<ConnectEvent>(*n.event).history.value(), 0);
    }

    void messageKeepsExtrasAndCoercesContent()
    {
        const auto r = decode(R"({"type":"message","content":1,"action":true,"to":7,)"
                              R"("user":{"id":"9","name":"mallory"}})");
        QVERIFY(r.ok());
        const auto &m = std::get<MessageEvent>(*r.event);
        QCOMPARE(m.content, QStringLiteral("1"));
        QCOMPARE(m.to, QStringLiteral("7"));
        QVERIFY(m.isAction());
        QCOMPARE(m.extra.size(), 1);
        QCOMPARE(m.user.id, QStringLiteral("9"));
    }

    void extrasNeverSetRecipientOrTypedFields()
    {
        // The client core builds messages from typed fields: an extra `to` (or
        // `private`, `partial`) must never reach the wire, valid or not.
        MessageEvent m;
        m.content = QStringLiteral("public");
        m.extra = QJsonObject{{QStringLiteral("to"), QJsonObject{{QStringLiteral("id"), 2}}},
                              {QStringLiteral("private"), true},
                              {QStringLiteral("partial"), true},
                              {QStringLiteral("action"), true}};
        const QJsonObject o = toJson(m);
        QVERIFY(!o.contains(QStringLiteral("to")));
        QVERIFY(!o.contains(QStringLiteral("private")));
        QVERIFY(!o.contains(QStringLiteral("partial")));
        QCOMPARE(o.value(QStringLiteral("action")), QJsonValue(true));
        m.to = QStringLiteral("7");
        QCOMPARE(toJson(m).value(QStringLiteral("to")).toString(), QStringLiteral("7"));
    }

    void messageRoundTrip()
    {
        MessageEvent m;
        m.id = QStringLiteral("abc");
        m.content = QStringLiteral("hi \"there\"\n{}");
        m.user = User{QStringLiteral("7"), QStringLiteral("alice")};
        m.time = 1255447115;
        m.isPrivate = true;
        m.to = QStringLiteral("8");
        m.edited = 1255447200;
        m.extra.insert(QStringLiteral("action"), true);
        const QByteArray line = encode(m);
        QVERIFY(line.endsWith('\n'));
        QCOMPARE(line.count('\n'), 1);
        const auto r = decode(line.chopped(1));
        QVERIFY(r.ok());
        const auto &back = std::get<MessageEvent>(*r.event);
        QCOMPARE(back.id, m.id);
        QCOMPARE(back.content, m.content);
        QCOMPARE(back.user, m.user);
        QCOMPARE(back.time, m.time);
        QCOMPARE(back.to, m.to);
        QCOMPARE(back.isPrivate, true);
        QCOMPARE(back.edited, m.edited);
        QCOMPARE(back.extra, m.extra);
    }

    void leaveAcceptsIdOrObject()
    {
        auto r = decode(R"({"type":"leave","user":"7","time":5})");
        QVERIFY(r.ok());
        auto p = std::get<PresenceEvent>(*r.event);
        QCOMPARE(p.kind, PresenceEvent::Kind::Leave);
        QCOMPARE(p.user.id, QStringLiteral("7"));
        r = decode(R"({"type":"leave","user":{"id":"7","name":"alice"}})");
        QVERIFY(r.ok());
        p = std::get<PresenceEvent>(*r.event);
        QCOMPARE(p.user.name, QStringLiteral("alice"));
        r = decode(R"({"type":"leave","user":7})");
        QVERIFY(r.ok());
        QCOMPARE(std::get<PresenceEvent>(*r.event).user.id, QStringLiteral("7"));
        // leave goes out with the bare id
        const auto o = toJson(p);
        QCOMPARE(o.value(QStringLiteral("user")).toString(), QStringLiteral("7"));
    }

    void usersSkipsInvalidEntries()
    {
        const auto r = decode(R"({"type":"users","users":[{"id":"1","name":"a","idle":true},)"
                              R"(42,"x",{"name":"noid"},null]})");
        QVERIFY(r.ok());
        const auto &u = std::get<UsersEvent>(*r.event);
        QCOMPARE(u.users.size(),
                 3); // object, 42, "x": ids; the nameless-id object and null dropped
        QVERIFY(u.users.first().idle);
    }

    void everyTypeRoundTrips()
    {
        const QList<Event> events{
            ConnectEvent{QStringLiteral("Main"), QStringLiteral("t"), std::nullopt, 10, true},
            ConnectedEvent{User{QStringLiteral("1"), QStringLiteral("a")}},
            UsersEvent{{User{QStringLiteral("1"), QStringLiteral("a")}}},
            PresenceEvent{PresenceEvent::Kind::Join, User{QStringLiteral("1"), QStringLiteral("a")},
                          3, QStringLiteral("e1")},
            PresenceEvent{
                PresenceEvent::Kind::Idle, User{QStringLiteral("1"), QStringLiteral("a")}, 3, {}},
            PresenceEvent{
                PresenceEvent::Kind::Back, User{QStringLiteral("1"), QStringLiteral("a")}, 3, {}},
            PingEvent{},
            PongEvent{},
            CloseEvent{},
            ErrorEvent{QStringLiteral("Invalid JSON")},
        };
        for (const Event &e : events) {
            const QByteArray line = encode(e);
            const auto r = decode(line.chopped(1));
            QVERIFY2(r.ok(), line.constData());
            QCOMPARE(typeName(*r.event), typeName(e));
            QCOMPARE(toJson(*r.event), toJson(e));
        }
    }

    void messageIdRule()
    {
        QVERIFY(isValidMessageId(QStringLiteral("abc-DEF_123")));
        QVERIFY(isValidMessageId(QString(64, QLatin1Char('a'))));
        QVERIFY(!isValidMessageId(QString(65, QLatin1Char('a'))));
        QVERIFY(!isValidMessageId(QString()));
        QVERIFY(!isValidMessageId(QStringLiteral("a b")));
        QVERIFY(!isValidMessageId(QStringLiteral("é")));
    }

    void errorTextsAndClosing()
    {
        QCOMPARE(encodeError(ErrorCode::TooLarge),
                 QByteArray(R"({"message":"Event too large","type":"error"})"
                            "\n"));
        QVERIFY(errorCloses(ErrorCode::AuthenticationFailed));
        QVERIFY(errorCloses(ErrorCode::InvalidJson));
        QVERIFY(!errorCloses(ErrorCode::UnknownType));
        QVERIFY(!errorCloses(ErrorCode::NoSuchUser));
    }

    void everyErrorCodeRoundTrips()
    {
        // From the code to the wire and back, with and without a message id: the client
        // gets the same code, detail and id the server meant.
        QSet<QString> texts;
        for (int i = int(ErrorCode::None) + 1; i < int(ErrorCode::Unknown); ++i) {
            const auto code = ErrorCode(i);
            const QString detail = code == ErrorCode::UnknownType    ? QStringLiteral("\"foo\"")
                                   : code == ErrorCode::InvalidField ? QStringLiteral("before")
                                                                     : QString();
            const QString text = errorText(code, detail);
            QVERIFY2(!text.isEmpty(), qPrintable(QString::number(i)));
            QVERIFY2(!texts.contains(text), qPrintable(text)); // one text, one code
            texts.insert(text);
            for (const QString &id : {QString(), QStringLiteral("m-1")}) {
                const QByteArray line = encodeError(code, detail, id);
                const auto r = decode(line.chopped(1));
                QVERIFY2(r.ok(), line.constData());
                const auto *e = std::get_if<ErrorEvent>(&*r.event);
                QVERIFY(e);
                QCOMPARE(int(e->code), i);
                QCOMPARE(e->detail, detail);
                QCOMPARE(e->message, text);
                QCOMPARE(e->id, id);
                QCOMPARE(line.contains("\"id\""), !id.isEmpty());
            }
        }
        // texts the table does not know, and no text
        QCOMPARE(errorCodeOf(QStringLiteral("Something new")), ErrorCode::Unknown);
        QCOMPARE(errorCodeOf(QString()), ErrorCode::None);
        QCOMPARE(ErrorEvent(QStringLiteral("No such user in room ")).code, ErrorCode::Unknown);
        // a refused message names its valid id; an invalid one is not echoed
        auto r = decode(R"({"type":"message","id":"abc","content":[]})");
        QCOMPARE(r.error, ErrorCode::InvalidContent);
        QCOMPARE(r.id, QStringLiteral("abc"));
        r = decode(R"({"type":"message","id":"a b","partial":3})");
        QCOMPARE(r.error, ErrorCode::InvalidPartial);
        QCOMPARE(r.id, QString());
    }
};

QTEST_GUILESS_MAIN(TestCodec)
#include "tst_codec.moc"
