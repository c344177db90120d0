// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QQmlEngine>

namespace talker::app {

namespace {
const QString kPrefix = QStringLiteral(":/i18n");
} // namespace

Translations::Translations(QObject *parent)
    : QObject(parent)
{}

Translations::~Translations()
{
    removeInstalled();
}

QStringList Translations::available()
{
    QStringList languages{QStringLiteral("en")};
    const QStringList files = QDir(kPrefix).entryList({QStringLiteral("talker_*.qm")});
    for (const QString &file : files)
        languages << file.mid(7, file.size() - 10); // "talker_" ... ".qm"
    return languages;
}

void Translations::removeInstalled()
{
    if (m_talker)
        QCoreApplication::removeTranslator(m_talker.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
    m_talker.reset();
    m_qt.reset();
}

QString Translations::apply(const QString &language, const QLocale &system)
{
    removeInstalled();
    const QLocale locale = language.isEmpty() ? system : QLocale(language);
    QString shown = QStringLiteral("en");
    auto talker = std::make_unique<QTranslator>();
    // QTranslator tries the locale's UI languages in order ("de-AT", "de", ...).
    if (talker->load(locale, QStringLiteral("talker"), QStringLiteral("_"), kPrefix)) {
        shown = talker->language().section(QLatin1Char('_'), 0, 0);
        QCoreApplication::installTranslator(talker.get());
        m_talker = std::move(talker);
        // Qt's own strings (standard dialog buttons, context menus) in the same language.
        auto qt = std::make_unique<QTranslator>();
        if (qt->load(QLocale(shown), QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt.get());
            m_qt = std::move(qt);
        }
    }
    if (m_engine)
        m_engine->retranslate();
    return shown;
}

} // namespace talker::app
