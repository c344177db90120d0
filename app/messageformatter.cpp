// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "messageformatter.h"

#include "markdownhtml.h"

#include <QColor>
#include <QDate>
#include <QLocale>
#include <QRegularExpression>

namespace talker::app {

MessageFormatter::MessageFormatter(QObject *parent)
    : QObject(parent)
    , m_cache(2000)
{}

QString MessageFormatter::toHtml(const QString &text, const QString &linkColor) const
{
    return toHtml(text, MessageStyle{linkColor, {}, {}, {}});
}

QString MessageFormatter::toHtml(const QString &text, const MessageStyle &style) const
{
    const QString cacheKey = style.linkColor + QLatin1Char(',') + style.quoteColor +
                             QLatin1Char(',') + style.codeBackground + QLatin1Char('\n') + text;
    if (const QString *hit = m_cache.object(cacheKey))
        return *hit;
    const QString html = markdown::toHtml(text, style);
    m_cache.insert(cacheKey, new QString(html));
    return html;
}

QString MessageFormatter::messageHtml(const QString &text, const MessageStyle &style,
                                      const QString &actionAuthor, const QString &editedMark) const
{
    QString html = toHtml(text, style);
    if (!actionAuthor.isEmpty()) {
        const QString prefix = QStringLiteral("<b>%1</b> ").arg(actionAuthor.toHtmlEscaped());
        const int p = html.indexOf(QLatin1String("<p"));
        const int close = p >= 0 ? html.indexOf(QLatin1Char('>'), p) : -1;
        html.insert(close >= 0 ? close + 1 : 0, prefix);
    }
    if (!editedMark.isEmpty()) {
        const QString color =
            QColor::isValidColorName(style.mutedColor) ? style.mutedColor : QStringLiteral("gray");
        const QString suffix =
            QStringLiteral(" <span style=\"color:%1; font-size:small;\">%2</span>")
                .arg(color, editedMark.toHtmlEscaped());
        const int end = html.lastIndexOf(QLatin1String("</p>"));
        html.insert(end >= 0 ? end : html.size(), suffix);
    }
    return html;
}

QString MessageFormatter::plainText(const QString &text) const
{
    return markdown::toPlainText(text);
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
    // FNV-1a over the UTF-16 units: the same colour for a name in every run and on
    // every machine (qHash is seeded per process).
    quint32 hash = 2166136261u;
    for (const QChar c : name) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    return QColor::fromHsl(int(hash % 360), 140, 110).name();
}

} // namespace talker::app
