// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdownhtml.h"

#include "messageformatter.h"

#include <QColor>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

namespace talker::app::markdown {

namespace {

// Stands for a line break inside a paragraph while markdown is parsed (a private-use
// character nobody types).
constexpr QChar kBreak(0xE000);

bool isFence(const QString &line)
{
    static const QRegularExpression fence(QStringLiteral("^ {0,3}(```|~~~)"));
    return fence.match(line).hasMatch();
}

/// A line that starts a block of its own (list item, quote, heading, rule, table,
/// fence) rather than continuing the paragraph above it.
bool startsBlock(const QString &line)
{
    static const QRegularExpression block(
        QStringLiteral("^\\s*([-*+]\\s|\\d+[.)]\\s|>|#|```|~~~|\\||(-{3,}|\\*{3,}|_{3,})\\s*$)"));
    return line.trimmed().isEmpty() || block.match(line).hasMatch();
}

/// Markdown joins consecutive lines into one paragraph; people typing Shift+Enter
/// mean a new line. Such breaks become kBreak, turned into real line breaks after
/// parsing. (A markdown hard break would not do: Qt 6.4's importer makes it a new
/// paragraph.) Code blocks keep their lines anyway.
QString keepLineBreaks(const QString &text)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    QString out;
    bool inFence = false;
    for (int i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (isFence(line))
            inFence = !inFence;
        out += line;
        if (i + 1 == lines.size())
            break;
        const bool join = !inFence && !line.trimmed().isEmpty() && !startsBlock(lines.at(i + 1));
        out += join ? kBreak : QLatin1Char('\n');
    }
    return out;
}

/// kBreak back into line breaks (QChar::LineSeparator: a <br> in HTML).
void restoreLineBreaks(QTextDocument &document)
{
    QTextCursor cursor(&document);
    while (!(cursor = document.find(QString(kBreak), cursor)).isNull())
        cursor.insertText(QString(QChar::LineSeparator));
}

/// Bare talker://, http(s):// addresses become CommonMark autolinks, unless they
/// already are links (<...>, [..](...)) or inside code.
QString autolink(const QString &text)
{
    static const QRegularExpression bareUrl(
        QStringLiteral("(?<![<(\\[`\\w/])((?:talker|https?)://[^\\s<>()`]+[^\\s<>()`.,;:!?'\"])"));
    QString source = text;
    source.replace(bareUrl, QStringLiteral("<\\1>"));
    return source;
}

void parse(QTextDocument &document, const QString &text)
{
    document.setMarkdown(keepLineBreaks(autolink(text)),
                         QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub |
                                                         QTextDocument::MarkdownNoHTML));
    restoreLineBreaks(document);
}

QColor colorOr(const QString &name, const QColor &fallback)
{
    return QColor::isValidColorName(name) ? QColor(name) : fallback;
}

/// Character runs: `_x_` underline becomes italic (markdown has no underline;
/// Qt's importer reads `_x_` as one), links take the theme colour, inline code a
/// background.
void styleFragments(QTextDocument &document, const QTextBlock &block, const MessageStyle &style)
{
    struct Run
    {
        int start, end;
        QTextCharFormat format;
    };
    QList<Run> runs;
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment fragment = it.fragment();
        const QTextCharFormat current = fragment.charFormat();
        QTextCharFormat change;
        if (current.isAnchor()) {
            if (QColor::isValidColorName(style.linkColor))
                change.setForeground(QColor(style.linkColor));
        } else if (current.fontUnderline()) {
            change.setFontUnderline(false);
            change.setFontItalic(true);
        }
        if (current.fontFixedPitch() &&
            !block.blockFormat().hasProperty(QTextFormat::BlockCodeFence))
            change.setBackground(colorOr(style.codeBackground, QColor(0xee, 0xf0, 0xf3)));
        if (!change.properties().isEmpty())
            runs.append({fragment.position(), fragment.position() + fragment.length(), change});
    }
    for (const Run &run : runs) {
        QTextCursor cursor(&document);
        cursor.setPosition(run.start);
        cursor.setPosition(run.end, QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(run.format);
    }
}

/// Blocks: headings become bold paragraphs one step above body size, quotes and
/// code blocks get a background.
void styleBlock(QTextDocument &document, const QTextBlock &block, const MessageStyle &style)
{
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    QTextBlockFormat format = block.blockFormat();
    if (format.headingLevel() > 0) {
        QTextCharFormat heading;
        heading.setFontWeight(QFont::Bold);
        heading.setProperty(QTextFormat::FontSizeAdjustment, format.headingLevel() <= 2 ? 1 : 0);
        format.setHeadingLevel(0);
        cursor.setBlockFormat(format);
        cursor.mergeCharFormat(heading);
    } else if (format.hasProperty(QTextFormat::BlockQuoteLevel)) {
        format.setBackground(colorOr(style.codeBackground, QColor(0xee, 0xf0, 0xf3)));
        format.setLeftMargin(8);
        cursor.setBlockFormat(format);
        QTextCharFormat quote;
        quote.setForeground(colorOr(style.quoteColor, QColor(0x6b, 0x6f, 0x7a)));
        cursor.mergeCharFormat(quote);
    } else if (format.hasProperty(QTextFormat::BlockCodeFence) || format.nonBreakableLines()) {
        format.setBackground(colorOr(style.codeBackground, QColor(0xee, 0xf0, 0xf3)));
        cursor.setBlockFormat(format);
    }
    styleFragments(document, block, style);
}

} // namespace

QString toHtml(const QString &text, const MessageStyle &style)
{
    QTextDocument document;
    parse(document, text);
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next())
        styleBlock(document, block, style);
    QString html = document.toHtml();
    // Keep only the body: the view supplies font and colours.
    static const QRegularExpression body(QStringLiteral("<body[^>]*>(.*)</body>"),
                                         QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = body.match(html);
    if (match.hasMatch())
        html = match.captured(1).trimmed();
    // Qt adds fixed margins above and below paragraphs; messages want them tight.
    static const QRegularExpression margins(QStringLiteral(" ?margin-(?:top|bottom):-?\\d+px;"));
    html.replace(margins, QString());
    return html;
}

QString toPlainText(const QString &text)
{
    QTextDocument document;
    parse(document, text);
    QString plain = document.toPlainText();
    plain.replace(QChar::LineSeparator, QLatin1Char('\n'));
    plain.replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    return plain.trimmed();
}

} // namespace talker::app::markdown
