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
        const QString html =
            f.messageHtml(QStringLiteral("waves"), QString(), QStringLiteral("bob<"),
                          QStringLiteral("(edited)"), QStringLiteral("#999999"));
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
        const QString html = f.toHtml(QStringLiteral("one\ntwo"));
        QVERIFY2(html.contains(QLatin1String("one")) && html.contains(QLatin1String("two")),
                 qPrintable(html));
    }
    void helpers()
    {
        QCOMPARE(f.initials(QStringLiteral("alice")), QStringLiteral("A"));
        QCOMPARE(f.initials(QStringLiteral("Bob Smith")), QStringLiteral("BS"));
        QCOMPARE(f.initials(QString()), QStringLiteral("?"));
        QCOMPARE(f.colorFor(QStringLiteral("x")), f.colorFor(QStringLiteral("x")));
        QCOMPARE(f.day(QDate::currentDate()), QStringLiteral("Today"));
        QCOMPARE(f.day(QDate::currentDate().addDays(-1)), QStringLiteral("Yesterday"));
        QVERIFY(!f.time(QDateTime::currentDateTime())
                     .contains(QRegularExpression(QStringLiteral("\\d:\\d\\d:\\d\\d"))));
    }
};

QTEST_MAIN(TestMessageFormatter)
#include "tst_messageformatter.moc"
