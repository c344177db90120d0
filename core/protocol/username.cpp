// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/username.h"

#include <QList>

namespace talker::protocol {

namespace {

bool isInvisible(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    default:
        return false;
    }
}

/// Scripts that are written together in one language count as one (Japanese mixes
/// Han, Hiragana and Katakana; Korean mixes Han and Hangul).
QChar::Script scriptGroup(QChar::Script script)
{
    switch (script) {
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
    case QChar::Script_Hangul:
        return QChar::Script_Han;
    default:
        return script;
    }
}

bool mixesScripts(const QList<uint> &codePoints)
{
    QChar::Script seen = QChar::Script_Unknown;
    for (const uint c : codePoints) {
        if (!QChar::isLetter(c))
            continue;
        const QChar::Script script = scriptGroup(QChar::script(c));
        if (script == QChar::Script_Common || script == QChar::Script_Inherited)
            continue;
        if (seen == QChar::Script_Unknown)
            seen = script;
        else if (seen != script)
            return true;
    }
    return false;
}

} // namespace

QString normalizeUserName(const QString &name)
{
    return name.normalized(QString::NormalizationForm_C);
}

NameProblem checkUserName(const QString &normalized)
{
    const QList<uint> codePoints = normalized.toUcs4();
    if (codePoints.isEmpty())
        return NameProblem::Empty;
    if (codePoints.size() > kMaxUserNameLength)
        return NameProblem::TooLong;
    bool allDigits = true;
    for (const uint c : codePoints) {
        // A lone surrogate comes out of toUcs4() as U+FFFD.
        if (isInvisible(c) || c == 0xFFFD)
            return NameProblem::InvisibleChar;
        allDigits = allDigits && QChar::isDigit(c);
    }
    if (QChar::isSpace(codePoints.first()) || QChar::isSpace(codePoints.last()))
        return NameProblem::EdgeSpace;
    if (allDigits)
        return NameProblem::AllDigits;
    if (mixesScripts(codePoints))
        return NameProblem::MixedScripts;
    return NameProblem::None;
}

QString nameProblemText(NameProblem problem)
{
    switch (problem) {
    case NameProblem::None:
        return QString();
    case NameProblem::Empty:
        return QStringLiteral("a user name cannot be empty");
    case NameProblem::TooLong:
        return QStringLiteral("a user name is at most %1 characters").arg(kMaxUserNameLength);
    case NameProblem::EdgeSpace:
        return QStringLiteral("a user name cannot start or end with a space");
    case NameProblem::InvisibleChar:
        return QStringLiteral("a user name cannot contain control or invisible characters");
    case NameProblem::AllDigits:
        return QStringLiteral("a user name cannot be only digits");
    case NameProblem::MixedScripts:
        return QStringLiteral("a user name cannot mix letters of different scripts");
    }
    return QString();
}

QString userNameKey(const QString &name)
{
    // Qt folds case one character at a time; "ß" folds to "ss" only in full case
    // folding, which German names need ("Straße" and "STRASSE" are one name).
    QString key = normalizeUserName(name).toCaseFolded();
    key.replace(QChar(0x00DF), QLatin1String("ss"));
    return key.normalized(QString::NormalizationForm_C);
}

} // namespace talker::protocol
