// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Values the server refuses or repairs (issue 11 items 1, 7, 8, 9): a malformed `to`
// never makes a message public, room names are strings or integers of valid text,
// message values have their types, lone surrogates never reach the wire, and extra
// attributes nest at most 32 deep.
#include "testserver.h"
#include "wireclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace talker::test;

namespace {
const QString kTo = QStringLiteral("to");

/// `{"a":{"a":...1...}}` nested `depth` objects deep.
QByteArray nested(int depth)
{
    QByteArray s = "1";
    for (int i = 0; i < depth; ++i)
        s = "{\"a\":" + s + "}";
    return s;
}
} // namespace

class TestServerValues : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.startWithUsers(
            {{QStringLiteral("alice"), &m_alice}, {QStringLiteral("bob"), &m_bob}}));
        m_alicec = std::make_unique<WireClient>(m_server.port());
        m_bobc = std::make_unique<WireClient>(m_server.port());
        QVERIFY(
            joinAll(QStringLiteral("values"), {{m_alicec.get(), m_alice}, {m_bobc.get(), m_bob}}));
        m_alicec->sync();
        m_bobc->sync();
    }

    void malformedRecipientIsRefused_data()
    {
        QTest::addColumn<QByteArray>("to");
        QTest::newRow("object") << QByteArray(R"({"id":"2"})");
        QTest::newRow("array") << QByteArray(R"(["2"])");
        QTest::newRow("empty") << QByteArray(R"("")");
        QTest::newRow("null") << QByteArray("null");
        QTest::newRow("true") << QByteArray("true");
        QTest::newRow("fraction") << QByteArray("1.5");
        QTest::newRow("lone surrogate") << QByteArray(R"("\ud800")");
    }
    void malformedRecipientIsRefused()
    {
        QFETCH(QByteArray, to);
        m_alicec->sendRaw(R"({"type":"message","content":"secret","to":)" + to + "}\n");
        bool ok = false;
        const QList<QJsonObject> got = m_alicec->sync(&ok);
        QVERIFY(ok);
        QCOMPARE(got, QList<QJsonObject>{errorEvent(QStringLiteral("Invalid recipient"))});
        const QList<QJsonObject> seen = m_bobc->sync(&ok);
        QVERIFY(ok);
        QVERIFY2(contents(seen).isEmpty(), qPrintable(types(seen).join(u',')));
    }

    void integerRecipientIsAnId()
    {
        const QByteArray bobId = m_bobc->userId().toLatin1();
        QVERIFY(!bobId.isEmpty());
        m_alicec->sendRaw(R"({"type":"message","content":"by number","to":)" + bobId + "}\n");
        const QJsonObject m = m_bobc->waitFor(kMessage);
        QCOMPARE(m.value(kContent).toString(), QStringLiteral("by number"));
        QCOMPARE(m.value(QStringLiteral("private")).toBool(), true);
        m_alicec->sync();
    }

    void invalidRoomNamesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("room");
        QTest::newRow("true") << QByteArray("true");
        QTest::newRow("fraction") << QByteArray("1.5");
        QTest::newRow("huge") << QByteArray("1e29");
        QTest::newRow("null") << QByteArray("null");
        QTest::newRow("object") << QByteArray(R"({"a":1})");
        QTest::newRow("lone surrogate") << QByteArray(R"("a\ud800")");
        QTest::newRow("NUL") << QByteArray(R"("a\u0000b")");
        QTest::newRow("newline") << QByteArray(R"("a\nb")");
        QTest::newRow("C1 control") << QByteArray(R"("a\u0085b")");
        QTest::newRow("257 characters") << "\"" + QByteArray(257, 'r') + "\"";
    }
    void invalidRoomNamesAreRefused()
    {
        QFETCH(QByteArray, room);
        WireClient c(m_server.port());
        QVERIFY(c.open());
        c.sendRaw(R"({"type":"connect","token":")" + m_alice.toLatin1() + R"(","room":)" + room +
                  "}\n");
        QList<QJsonObject> events;
        QVERIFY(c.waitClosed(&events));
        QCOMPARE(events, QList<QJsonObject>{errorEvent(QStringLiteral("Invalid room name"))});
    }

    void roomNameLimitCountsCodePoints()
    {
        // 256 emoji are 512 UTF-16 units but 256 characters: accepted.
        QString name;
        for (int i = 0; i < 256; ++i)
            name += QString::fromUcs4(U"\U0001F600", 1);
        WireClient c(m_server.port());
        QVERIFY(c.join(name, m_alice));
        WireClient integer(m_server.port());
        QVERIFY(integer.open());
        integer.sendRaw(R"({"type":"connect","token":")" + m_alice.toLatin1() + R"(","room":-12})" +
                        "\n");
        QVERIFY(!integer.waitFor(QStringLiteral("users")).isEmpty());
    }

    void badMessageValuesGetErrors_data()
    {
        QTest::addColumn<QByteArray>("fields");
        QTest::addColumn<QString>("text");
        const QString content = QStringLiteral("Invalid content");
        QTest::newRow("object content") << QByteArray(R"("content":{"a":1})") << content;
        QTest::newRow("array content") << QByteArray(R"("content":["a"])") << content;
        QTest::newRow("null content") << QByteArray(R"("content":null)") << content;
        QTest::newRow("string partial")
            << QByteArray(R"("content":"x","partial":"yes")") << QStringLiteral("Invalid partial");
        QTest::newRow("number partial")
            << QByteArray(R"("content":"x","partial":1)") << QStringLiteral("Invalid partial");
        QTest::newRow("33 deep") << QByteArray(R"("content":"x","deep":)") + nested(33)
                                 << QStringLiteral("Attributes nested too deeply");
    }
    void badMessageValuesGetErrors()
    {
        QFETCH(QByteArray, fields);
        QFETCH(QString, text);
        m_alicec->sendRaw(R"({"type":"message",)" + fields + "}\n");
        bool ok = false;
        QCOMPARE(m_alicec->sync(&ok), QList<QJsonObject>{errorEvent(text)});
        QVERIFY(ok);
        const QList<QJsonObject> seen = m_bobc->sync(&ok);
        QVERIFY(ok);
        QVERIFY2(contents(seen).isEmpty(), qPrintable(types(seen).join(u',')));
    }

    void deepButAllowedAttributesPassThrough()
    {
        m_alicec->sendRaw(R"({"type":"message","content":"deep","deep":)" + nested(32) + "}\n");
        const QJsonObject m = m_bobc->waitFor(kMessage);
        QCOMPARE(m.value(kContent).toString(), QStringLiteral("deep"));
        QCOMPARE(QJsonDocument(m.value(QStringLiteral("deep")).toObject())
                     .toJson(QJsonDocument::Compact),
                 nested(32));
        m_alicec->sync();
    }

    void loneSurrogatesBecomeReplacementCharacters()
    {
        m_alicec->sendRaw(R"({"type":"message","content":"a\ud800b\udc00","x":["\udfff"]})"
                          "\n");
        // The raw line must be strict UTF-8 JSON: read it byte for byte.
        QSslSocket *socket = m_bobc->socket();
        QByteArray line;
        while (!line.endsWith('\n') && socket->waitForReadyRead(WireClient::Timeout))
            line += socket->readLine();
        QVERIFY2(!line.contains("\\ud") && !line.contains("\\udc"), line.constData());
        const QJsonObject m = QJsonDocument::fromJson(line).object();
        const QString fffd(QChar::ReplacementCharacter);
        QCOMPARE(m.value(kContent).toString(),
                 QStringLiteral("a") + fffd + QStringLiteral("b") + fffd);
        QCOMPARE(m.value(QStringLiteral("x")).toArray().at(0).toString(), fffd);
        QVERIFY(QString::fromUtf8(line).toUtf8() == line);
        m_alicec->sync();
    }

private:
    TestServer m_server{{QStringLiteral("--idle-timeout"), QStringLiteral("600")}};
    QString m_alice, m_bob;
    std::unique_ptr<WireClient> m_alicec, m_bobc;
};

QTEST_GUILESS_MAIN(TestServerValues)
#include "tst_server_values.moc"
