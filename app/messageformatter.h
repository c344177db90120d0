// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QCache>
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace talker::app {

/// The colours message HTML is drawn with; the view sets them once per theme.
struct MessageStyle
{
    QString linkColor;      ///< e.g. "#2a5bd7"; empty: Qt's default
    QString mutedColor;     ///< the "(edited)" mark
    QString quoteColor;     ///< the bar and text of a "> quote"
    QString codeBackground; ///< behind code spans and blocks
};

/// Turns message text into the rich text the chat view shows: basic markdown
/// (emphasis, code, lists, quotes), clickable links, never raw HTML from the sender.
class MessageFormatter : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Format)
    QML_SINGLETON

public:
    explicit MessageFormatter(QObject *parent = nullptr);

    /// HTML for a message body, links in `linkColor` (e.g. "#2a5bd7"; empty: Qt's
    /// default). Text that looks like HTML is shown literally.
    Q_INVOKABLE QString toHtml(const QString &text, const QString &linkColor = QString()) const;
    /// HTML for a message body drawn with `style`.
    QString toHtml(const QString &text, const MessageStyle &style) const;
    /// A whole message body: toHtml(text) with the author in bold before it for a /me
    /// action, and `editedMark` (e.g. "(edited)", muted) after it, both inside the
    /// first/last paragraph so they flow with the text.
    QString messageHtml(const QString &text, const MessageStyle &style, const QString &actionAuthor,
                        const QString &editedMark) const;
    /// The text as a reader sees it, without markdown marks (previews, notifications).
    Q_INVOKABLE QString plainText(const QString &text) const;
    /// "HH:mm" in the user's locale.
    Q_INVOKABLE QString time(const QDateTime &time) const;
    /// "Today", "Yesterday" or the date in the user's locale.
    Q_INVOKABLE QString day(const QDate &day) const;
    /// One or two initials for an avatar.
    Q_INVOKABLE QString initials(const QString &name) const;
    /// A stable color for a user name (avatars, author names).
    Q_INVOKABLE QString colorFor(const QString &name) const;

private:
    mutable QCache<QString, QString> m_cache;
};

} // namespace talker::app
