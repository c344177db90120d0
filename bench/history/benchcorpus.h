// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <random>

/// Deterministic chat-like text for the history benchmark: a vocabulary of made-up
/// words with a few very common ones, messages of 4-14 words, and a query mix.
class BenchCorpus
{
public:
    explicit BenchCorpus(quint32 seed = 15);
    /// The text of message number `i` (the same for the same seed and i).
    QString message(qint64 i);
    /// A query of the mix: rare word, common word, prefix, or a two-word phrase.
    QString query(int i);
    /// The kind of query(i), for the report.
    static QString queryKind(int i);

private:
    QStringList m_words;
    std::mt19937 m_rng;
};
