// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The user name rules, one row per rule (protocol/username.h).
#include "protocol/username.h"

#include <QTest>

using talker::protocol::checkUserName;
using talker::protocol::NameProblem;
using talker::protocol::normalizeUserName;
using talker::protocol::userNameKey;

Q_DECLARE_METATYPE(talker::protocol::NameProblem)

class TestUserName : public QObject
{
    Q_OBJECT

private slots:
    void rules_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<NameProblem>("problem");
        QTest::newRow("plain") << QStringLiteral("carol") << NameProblem::None;
        QTest::newRow("inner space") << QStringLiteral("Carol Smith") << NameProblem::None;
        QTest::newRow("cyrillic") << QStringLiteral("\u041e\u043b\u044f") << NameProblem::None;
        QTest::newRow("japanese") << QStringLiteral("\u5c71\u7530\u305f\u308d\u3046")
                                  << NameProblem::None;
        QTest::newRow("digits inside") << QStringLiteral("r2d2") << NameProblem::None;
        QTest::newRow("64 chars") << QString(64, QLatin1Char('a')) << NameProblem::None;
        QTest::newRow("64 emoji") << QString::fromUcs4(std::u32string(64, U'\U0001F600').c_str(),
                                                       64)
                                  << NameProblem::None;
        QTest::newRow("empty") << QString() << NameProblem::Empty;
        QTest::newRow("65 chars") << QString(65, QLatin1Char('a')) << NameProblem::TooLong;
        QTest::newRow("leading space") << QStringLiteral(" carol") << NameProblem::EdgeSpace;
        QTest::newRow("trailing space") << QStringLiteral("carol ") << NameProblem::EdgeSpace;
        QTest::newRow("trailing nbsp") << QStringLiteral("carol\u00a0") << NameProblem::EdgeSpace;
        QTest::newRow("only space") << QStringLiteral(" ") << NameProblem::EdgeSpace;
        QTest::newRow("newline") << QStringLiteral("car\nol") << NameProblem::InvisibleChar;
        QTest::newRow("tab") << QStringLiteral("car\tol") << NameProblem::InvisibleChar;
        QTest::newRow("nul") << QString(QStringLiteral("ca%1rol")).arg(QChar(0))
                             << NameProblem::InvisibleChar;
        QTest::newRow("zero width space")
            << QStringLiteral("car\u200bol") << NameProblem::InvisibleChar;
        QTest::newRow("zero width joiner")
            << QStringLiteral("car\u200dol") << NameProblem::InvisibleChar;
        QTest::newRow("rtl override")
            << QStringLiteral("car\u202eol") << NameProblem::InvisibleChar;
        QTest::newRow("bom") << QStringLiteral("\ufeffcarol") << NameProblem::InvisibleChar;
        QTest::newRow("line separator")
            << QStringLiteral("car\u2028ol") << NameProblem::InvisibleChar;
        QTest::newRow("private use") << QStringLiteral("car\ue000ol") << NameProblem::InvisibleChar;
        QTest::newRow("lone surrogate")
            << (QStringLiteral("car") + QChar(0xd800)) << NameProblem::InvisibleChar;
        QTest::newRow("all digits") << QStringLiteral("12345") << NameProblem::AllDigits;
        QTest::newRow("arabic digits") << QStringLiteral("\u0661\u0662") << NameProblem::AllDigits;
        QTest::newRow("cyrillic a in latin")
            << QStringLiteral("\u0430lice") << NameProblem::MixedScripts;
        QTest::newRow("greek o in latin")
            << QStringLiteral("b\u03bfb") << NameProblem::MixedScripts;
    }

    void rules()
    {
        QFETCH(QString, name);
        QFETCH(NameProblem, problem);
        QCOMPARE(checkUserName(normalizeUserName(name)), problem);
        if (problem != NameProblem::None)
            QVERIFY(!talker::protocol::nameProblemText(problem).isEmpty());
    }

    void normalizesToNfc()
    {
        const QString decomposed = QStringLiteral("rene\u0301");
        QCOMPARE(normalizeUserName(decomposed), QStringLiteral("ren\u00e9"));
        // A decomposed accent does not count twice against the length.
        QCOMPARE(
            checkUserName(normalizeUserName(QString(63, QLatin1Char('a')) + decomposed.right(2))),
            NameProblem::None);
    }

    void uniquenessIgnoresCase()
    {
        QCOMPARE(userNameKey(QStringLiteral("Alice")), userNameKey(QStringLiteral("aLICE")));
        QCOMPARE(userNameKey(QStringLiteral("Stra\u00dfe")),
                 userNameKey(QStringLiteral("STRASSE")));
        QCOMPARE(userNameKey(QStringLiteral("REN\u00c9")),
                 userNameKey(QStringLiteral("rene\u0301")));
        QVERIFY(userNameKey(QStringLiteral("alice")) != userNameKey(QStringLiteral("alicia")));
    }
};

QTEST_GUILESS_MAIN(TestUserName)
#include "tst_username.moc"
