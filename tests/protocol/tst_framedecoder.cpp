// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "protocol/framedecoder.h"

#include <QTest>

using talker::protocol::FrameDecoder;

QList<QByteArray> drain(FrameDecoder &d, int *tooLarge = nullptr)
{
    QList<QByteArray> frames;
    QByteArray f;
    for (;;) {
        const auto s = d.next(&f);
        if (s == FrameDecoder::Status::Frame)
            frames.append(f);
        else if (s == FrameDecoder::Status::TooLarge && tooLarge)
            ++*tooLarge;
        else if (s == FrameDecoder::Status::NeedMore)
            break;
    }
    return frames;
}

class TestFrameDecoder : public QObject
{
    Q_OBJECT

private slots:
    void framing_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QList<QByteArray>>("expected");
        const QByteArray a = R"({"type":"ping"})";
        const QByteArray b = R"({"type":"message","content":"x"})";
        QTest::newRow("lf") << a + "\n" + b + "\n" << QList<QByteArray>{a, b};
        QTest::newRow("crlf") << a + "\r\n" + b + "\r\n" << QList<QByteArray>{a, b};
        QTest::newRow("back to back") << a + b + a << QList<QByteArray>{a, b, a};
        QTest::newRow("blank lines") << "\n\r\n  \n" + a + "\n\n" << QList<QByteArray>{a};
        QTest::newRow("braces in strings")
            << QByteArray("{\"type\":\"message\",\"content\":\"} { \\\" }\"}\n")
            << QList<QByteArray>{"{\"type\":\"message\",\"content\":\"} { \\\" }\"}"};
        QTest::newRow("nested objects")
            << QByteArray(R"({"user":{"id":"1"}}{"a":{}})")
            << QList<QByteArray>{R"({"user":{"id":"1"}})", R"({"a":{}})"};
        QTest::newRow("garbage line") << QByteArray("hello world\n") + a + "\n"
                                      << QList<QByteArray>{"hello world", a};
        QTest::newRow("unbalanced object ends at newline")
            << QByteArray("{\"type\":\n") + a << QList<QByteArray>{"{\"type\":", a};
        QTest::newRow("no newline yet") << QByteArray("{\"type\":\"pi") << QList<QByteArray>{};
    }

    void framing()
    {
        QFETCH(QByteArray, input);
        QFETCH(QList<QByteArray>, expected);
        FrameDecoder d;
        d.append(input);
        QCOMPARE(drain(d), expected);
    }

    void byteAtATime()
    {
        const QByteArray input = "{\"type\":\"ping\"}\r\n{\"a\":\"}\"}{\"b\":1}\nxyz\n";
        FrameDecoder d;
        QList<QByteArray> frames;
        for (char c : input) {
            d.append(&c, 1);
            frames += drain(d);
        }
        QCOMPARE(frames,
                 (QList<QByteArray>{"{\"type\":\"ping\"}", "{\"a\":\"}\"}", "{\"b\":1}", "xyz"}));
        QCOMPARE(d.buffered(), 0);
    }

    void tooLargeLineIsReportedOnceAndSkipped()
    {
        FrameDecoder d(64);
        d.append(QByteArray(200, 'x') + "\n{\"type\":\"ping\"}\n");
        int tooLarge = 0;
        const auto frames = drain(d, &tooLarge);
        QCOMPARE(tooLarge, 1);
        QCOMPARE(frames, QList<QByteArray>{"{\"type\":\"ping\"}"});
    }

    void neverEndingFrameIsBounded()
    {
        FrameDecoder d(1024);
        int tooLarge = 0;
        for (int i = 0; i < 100; ++i) {
            d.append(QByteArray(100, 'a'));
            drain(d, &tooLarge);
            QVERIFY(d.buffered() <= 1024);
        }
        QCOMPARE(tooLarge, 1);
        QVERIFY(d.buffered() <= 1024);
    }

    void frameAtLimitPasses()
    {
        const QByteArray obj = "{\"c\":\"" + QByteArray(50, 'y') + "\"}";
        FrameDecoder d(obj.size());
        d.append(obj + "\n");
        int tooLarge = 0;
        QCOMPARE(drain(d, &tooLarge), QList<QByteArray>{obj});
        QCOMPARE(tooLarge, 0);
    }

    void objectOneByteOverLimitIsTooLarge()
    {
        // Found by tests/fuzz/fuzz_protocol: a `}` ending an object at limit + 1 bytes
        // used to be returned as a frame instead of TooLarge.
        const QByteArray obj = "{\"c\":\"" + QByteArray(50, 'y') + "\"}";
        FrameDecoder d(obj.size() - 1);
        d.append(obj + "\n{\"type\":\"ping\"}\n");
        int tooLarge = 0;
        QCOMPARE(drain(d, &tooLarge), QList<QByteArray>{"{\"type\":\"ping\"}"});
        QCOMPARE(tooLarge, 1);
    }

    void binaryGarbage()
    {
        FrameDecoder d(4096);
        QByteArray junk;
        for (int i = 0; i < 3000; ++i)
            junk.append(char((i * 7919) & 0xff));
        d.append(junk);
        int tooLarge = 0;
        const auto frames = drain(d, &tooLarge);
        d.append("\n{\"type\":\"ping\"}\n");
        const auto after = drain(d, &tooLarge);
        QVERIFY(!after.isEmpty());
        QCOMPARE(after.last(), QByteArray("{\"type\":\"ping\"}"));
        QVERIFY(frames.size() + after.size() >= 1);
    }

    void reset()
    {
        FrameDecoder d;
        d.append("{\"partial\":");
        QByteArray f;
        QCOMPARE(d.next(&f), FrameDecoder::Status::NeedMore);
        d.reset();
        d.append("{\"a\":1}");
        QCOMPARE(d.next(&f), FrameDecoder::Status::Frame);
        QCOMPARE(f, QByteArray("{\"a\":1}"));
    }
};

QTEST_GUILESS_MAIN(TestFrameDecoder)
#include "tst_framedecoder.moc"
