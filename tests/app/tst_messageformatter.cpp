// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "messageformatter.h"

#include <QDate>
#include <QTest>

using talker::app::MessageFormatter;

class TestMessageFormatter : public QObject
{
    Q_OBJECT
    MessageFormatter f;
private slots:
    void markdown()
    {
        const QString html = f.toHtml(QStringLiteral("**bold** and *it* and `code`"));
        QVERIFY2(html.contains(QLatin1String("font-weight")), qPrintable(html));
        QVERIFY2(html.contains(QLatin1String("font-style:italic")), qPrintable(html));
        QVERIFY2(html.contains(QLatin1String("monospace")), qPrintable(html));
        QVERIFY(!html.contains(QLatin1String("<body")));
    }
    void links_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("href");
        QTest::newRow("https") << "see https://example.org/a?b=1."
                               << "https://example.org/a?b=1";
        QTest::newRow("talker") << "join talker://chat.example.org:8500/Main now"
                                << "talker://chat.example.org:8500/Main";
        QTest::newRow("markdown link") << "[docs](https://example.org/docs)"
                                       << "https://example.org/docs";
        QTest::newRow("angle") << "<https://example.org>"
                               << "https://example.org";
    }
    void links()
    {
        QFETCH(QString, text);
        QFETCH(QString, href);
        const QString html = f.toHtml(text);
        QVERIFY2(html.contains(QStringLiteral("href=\"%1\"").arg(href)), qPrintable(html));
        QCOMPARE(html.count(QLatin1String("<a ")), 1);
    }
    void linkColor()
    {
        const QString html =
            f.toHtml(QStringLiteral("https://example.org"), QStringLiteral("#8ab4ff"));
        QVERIFY2(html.contains(QLatin1String("color:#8ab4ff")), qPrintable(html));
        QVERIFY(!html.contains(QLatin1String("#0000ff")));
        // Not a color: ignored, nothing injected.
        QVERIFY(!f.toHtml(QStringLiteral("https://example.org"), QStringLiteral("red;}x"))
                     .contains(QLatin1String("red;}")));
    }
    void actionAndEditedFlowWithTheText()
    {
        talker::app::MessageStyle style;
        style.mutedColor = QStringLiteral("#999999");
        const QString html = f.messageHtml(QStringLiteral("waves"), style, QStringLiteral("bob<"),
                                           QStringLiteral("(edited)"));
        QCOMPARE(html.count(QLatin1String("<p")), 1);
        QVERIFY2(html.contains(QRegularExpression(QStringLiteral(
                     "<p[^>]*><b>bob&lt;</b> waves <span[^>]*>\\(edited\\)</span></p>"))),
                 qPrintable(html));
    }
    void noHtmlFromSenders()
    {
        const QString html = f.toHtml(QStringLiteral("<img src=x onerror=alert(1)> <b>hi</b>"));
        QVERIFY2(!html.contains(QLatin1String("<img")), qPrintable(html));
        QVERIFY2(html.contains(QLatin1String("&lt;b&gt;")), qPrintable(html));
    }
    void multiLineKept()
    {
        // The break itself, not only both words: markdown alone joins the lines.
        const QString html = f.toHtml(QStringLiteral("one\ntwo"));
        QVERIFY2(html.contains(QRegularExpression(QStringLiteral("one\\s*<br ?/?>\\s*two"))),
                 qPrintable(html));
        // Paragraphs and lists are still paragraphs and lists.
        const QString list = f.toHtml(QStringLiteral("items:\n- a\n- b"));
        QCOMPARE(list.count(QLatin1String("<li")), 2);
        // Inside a code block the lines stay as typed, without added spaces.
        const QString code = f.toHtml(QStringLiteral("```\nx = 1\ny = 2\n```"));
        QVERIFY2(!code.contains(QLatin1String("1  ")), qPrintable(code));
    }
    void underscoreIsItalic()
    {
        const QString html = f.toHtml(QStringLiteral("an _important_ word"));
        QVERIFY2(html.contains(QLatin1String("font-style:italic")), qPrintable(html));
        QVERIFY2(!html.contains(QLatin1String("underline")), qPrintable(html));
        // Links are not made italic.
        QVERIFY(!f.toHtml(QStringLiteral("https://example.org")).contains(QLatin1String("italic")));
    }
    void quotesAndCodeAreStyled()
    {
        talker::app::MessageStyle style;
        style.quoteColor = QStringLiteral("#6b6f7a");
        style.codeBackground = QStringLiteral("#eef0f3");
        const QString quote = f.toHtml(QStringLiteral("> said before"), style);
        QVERIFY2(quote.contains(QLatin1String("background-color:#eef0f3")), qPrintable(quote));
        QVERIFY2(quote.contains(QLatin1String("color:#6b6f7a")), qPrintable(quote));
        const QString block = f.toHtml(QStringLiteral("```\nint x;\n```"), style);
        QVERIFY2(block.contains(QLatin1String("monospace")), qPrintable(block));
        QVERIFY2(block.contains(QLatin1String("background-color:#eef0f3")), qPrintable(block));
        const QString span = f.toHtml(QStringLiteral("run `make`"), style);
        QVERIFY2(span.contains(QLatin1String("background-color:#eef0f3")), qPrintable(span));
    }
    void headingsStayNearBodySize()
    {
        const QString html = f.toHtml(QStringLiteral("# Big news\ntext"));
        QVERIFY2(!html.contains(QLatin1String("<h1")), qPrintable(html));
        QVERIFY2(!html.contains(QLatin1String("x-large")), qPrintable(html));
        QVERIFY2(html.contains(QLatin1String("font-weight:700")), qPrintable(html));
    }
    void plainTextHasNoMarks()
    {
        QCOMPARE(f.plainText(QStringLiteral("**bold** _it_ `code`\n> quote")),
                 QStringLiteral("bold it code\nquote"));
        QCOMPARE(f.plainText(QStringLiteral("<b>x</b> & y")), QStringLiteral("<b>x</b> & y"));
    }
    void helpers()
    {
        QCOMPARE(f.initials(QStringLiteral("alice")), QStringLiteral("A"));
        QCOMPARE(f.initials(QStringLiteral("Bob Smith")), QStringLiteral("BS"));
        QCOMPARE(f.initials(QString()), QStringLiteral("?"));
        // Stable across runs and machines (a fixed value), and names differ.
        QCOMPARE(f.colorFor(QStringLiteral("alice")), QStringLiteral("#3234aa"));
        QVERIFY(f.colorFor(QStringLiteral("alice")) != f.colorFor(QStringLiteral("bob")));
        QCOMPARE(f.day(QDate::currentDate()), QStringLiteral("Today"));
        QCOMPARE(f.day(QDate::currentDate().addDays(-1)), QStringLiteral("Yesterday"));
        QVERIFY(!f.time(QDateTime::currentDateTime())
                     .contains(QRegularExpression(QStringLiteral("\\d:\\d\\d:\\d\\d"))));
    }
};

QTEST_MAIN(TestMessageFormatter)
#include "tst_messageformatter.moc"
