// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchcorpus.h"

namespace {
const char *const kSyllables[] = {"ka", "lo", "mi", "ne", "ru", "ta", "ve", "so", "pi", "du",
                                  "ge", "ha", "jo", "fu", "be", "zi", "wa", "xo", "qe", "yu"};
constexpr int kSyllableCount = 20;
const QStringList kCommon{QStringLiteral("the"), QStringLiteral("talker"), QStringLiteral("today"),
                          QStringLiteral("meeting")};
} // namespace

BenchCorpus::BenchCorpus(quint32 seed)
    : m_rng(seed)
{
    // 20^3 = 8,000 three-syllable words plus 400 two-syllable ones.
    for (int a = 0; a < kSyllableCount; ++a) {
        for (int b = 0; b < kSyllableCount; ++b) {
            const QString two = QLatin1String(kSyllables[a]) + QLatin1String(kSyllables[b]);
            m_words.append(two);
            for (int c = 0; c < kSyllableCount; ++c)
                m_words.append(two + QLatin1String(kSyllables[c]));
        }
    }
}

QString BenchCorpus::message(qint64 i)
{
    std::mt19937 rng(quint32(i * 2654435761u));
    const int n = 4 + int(rng() % 11);
    QStringList words;
    for (int w = 0; w < n; ++w) {
        if (rng() % 10 == 0)
            words.append(kCommon.at(int(rng() % kCommon.size())));
        else
            words.append(m_words.at(int(rng() % m_words.size())));
    }
    return words.join(QLatin1Char(' '));
}

QString BenchCorpus::queryKind(int i)
{
    switch (i % 4) {
    case 0:
        return QStringLiteral("word");
    case 1:
        return QStringLiteral("common word");
    case 2:
        return QStringLiteral("prefix");
    default:
        return QStringLiteral("phrase");
    }
}

QString BenchCorpus::query(int i)
{
    switch (i % 4) {
    case 0:
        return m_words.at(int(m_rng() % m_words.size()));
    case 1:
        return kCommon.at(int(m_rng() % kCommon.size()));
    case 2:
        return m_words.at(int(m_rng() % m_words.size())).left(3) + QLatin1Char('*');
    default: {
        const QStringList words = message(qint64(m_rng() % 1000000)).split(QLatin1Char(' '));
        return QLatin1Char('"') + words.at(0) + QLatin1Char(' ') + words.at(1) + QLatin1Char('"');
    }
    }
}
