#include "messageformatter.h"

#include <QColor>
#include <QDate>
#include <QLocale>
#include <QRegularExpression>
#include <QTextDocument>

namespace talker::app {

MessageFormatter::MessageFormatter(QObject *parent)
    : QObject(parent)
    , m_cache(2000)
{}

QString MessageFormatter::toHtml(const QString &text, const QString &linkColor) const
{
    const QString cacheKey = linkColor + QLatin1Char('\n') + text;
    if (const QString *hit = m_cache.object(cacheKey))
        return *hit;
    // Markdown without HTML: a sender's <tags> stay text. Bare URLs become links
    // (GitHub dialect autolinks), and so do www. addresses.
    // Bare talker://, http(s):// and www. addresses become CommonMark autolinks, unless
    // they already are links (<...>, [..](...)) or inside code.
    static const QRegularExpression bareUrl(
        QStringLiteral("(?<![<(\\[`\\w/])((?:talker|https?)://[^\\s<>()`]+[^\\s<>()`.,;:!?'\"])"));
    QString source = text;
    source.replace(bareUrl, QStringLiteral("<\\1>"));
    QTextDocument document;
    document.setMarkdown(source,
                         QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub |
                                                         QTextDocument::MarkdownNoHTML));
    QString html = document.toHtml();
    // Keep only the body: the view supplies font and colors.
    static const QRegularExpression body(QStringLiteral("<body[^>]*>(.*)</body>"),
                                         QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = body.match(html);
    if (match.hasMatch())
        html = match.captured(1).trimmed();
    // Qt adds fixed margins to paragraphs; messages want them tight.
    static const QRegularExpression margins(QStringLiteral(" style=\"[^\"]*margin-top:[^\"]*\""));
    html.replace(margins, QString());
    // QTextDocument colors links #0000ff; the theme knows better.
    if (QColor::isValidColorName(linkColor))
        html.replace(QLatin1String("color:#0000ff;"), QStringLiteral("color:%1;").arg(linkColor));
    m_cache.insert(cacheKey, new QString(html));
    return html;
}

QString MessageFormatter::messageHtml(const QString &text, const QString &linkColor,
                                      const QString &actionAuthor, const QString &editedMark,
                                      const QString &mutedColor) const
{
    QString html = toHtml(text, linkColor);
    if (!actionAuthor.isEmpty()) {
        const QString prefix = QStringLiteral("<b>%1</b> ").arg(actionAuthor.toHtmlEscaped());
        const int p = html.indexOf(QLatin1String("<p"));
        const int close = p >= 0 ? html.indexOf(QLatin1Char('>'), p) : -1;
        html.insert(close >= 0 ? close + 1 : 0, prefix);
    }
    if (!editedMark.isEmpty()) {
        const QString color =
            QColor::isValidColorName(mutedColor) ? mutedColor : QStringLiteral("gray");
        const QString suffix =
            QStringLiteral(" <span style=\"color:%1; font-size:small;\">%2</span>")
                .arg(color, editedMark.toHtmlEscaped());
        const int end = html.lastIndexOf(QLatin1String("</p>"));
        html.insert(end >= 0 ? end : html.size(), suffix);
    }
    return html;
}

QString MessageFormatter::time(const QDateTime &time) const
{
    // The locale's short time format, without seconds (some locales include them).
    static const QString format = [] {
        QString f = QLocale().timeFormat(QLocale::ShortFormat);
        f.remove(QRegularExpression(QStringLiteral("[:.]ss?")));
        return f;
    }();
    return QLocale().toString(time.toLocalTime().time(), format);
}

QString MessageFormatter::day(const QDate &day) const
{
    const QDate today = QDate::currentDate();
    if (day == today)
        return tr("Today");
    if (day == today.addDays(-1))
        return tr("Yesterday");
    return QLocale().toString(day, QLocale::LongFormat);
}

QString MessageFormatter::initials(const QString &name) const
{
    const QStringList parts =
        name.split(QRegularExpression(QStringLiteral("[\\s._-]+")), Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return QStringLiteral("?");
    QString result = parts.first().left(1).toUpper();
    if (parts.size() > 1)
        result += parts.at(1).left(1).toUpper();
    return result;
}

QString MessageFormatter::colorFor(const QString &name) const
{
    const uint hash = qHash(name);
    return QColor::fromHsl(int(hash % 360), 140, 110).name();
}

} // namespace talker::app
