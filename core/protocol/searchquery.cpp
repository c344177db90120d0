// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/searchquery.h"

#include <QList>

namespace talker::protocol::searchquery {

namespace {

struct Term
{
    QString text;
    bool prefix = false;
};

bool hasWordCharacter(const QString &s)
{
    for (const QChar c : s) {
        if (c.isLetterOrNumber())
            return true;
    }
    return false;
}

/// Splits into quoted phrases and bare words; a bare word ending in `*` is a prefix.
QList<Term> parse(const QString &text)
{
    QList<Term> out;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        if (text.at(i).isSpace()) {
            ++i;
            continue;
        }
        Term term;
        if (text.at(i) == QLatin1Char('"')) {
            const qsizetype end = text.indexOf(QLatin1Char('"'), i + 1);
            const qsizetype stop = end < 0 ? n : end;
            term.text = text.mid(i + 1, stop - i - 1);
            i = stop + 1;
        } else {
            qsizetype j = i;
            while (j < n && !text.at(j).isSpace() && text.at(j) != QLatin1Char('"'))
                ++j;
            term.text = text.mid(i, j - i);
            term.prefix = term.text.endsWith(QLatin1Char('*'));
            term.text.remove(QLatin1Char('*'));
            i = j;
        }
        term.text = term.text.simplified();
        if (hasWordCharacter(term.text))
            out.append(term);
    }
    return out;
}

} // namespace

QString toFts5(const QString &text)
{
    QStringList parts;
    for (Term &term : parse(text)) {
        // A quoted FTS5 string is always plain text; inner quotes are doubled.
        QString part = QLatin1Char('"') +
                       term.text.replace(QLatin1Char('"'), QLatin1String("\"\"")) +
                       QLatin1Char('"');
        if (term.prefix)
            part += QLatin1Char('*');
        parts.append(part);
    }
    return parts.join(QLatin1Char(' '));
}

QStringList terms(const QString &text)
{
    QStringList out;
    for (const Term &term : parse(text))
        out.append(term.text);
    return out;
}

} // namespace talker::protocol::searchquery
