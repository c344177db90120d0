// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QObject>
#include <QStringList>
#include <QTranslator>
#include <memory>

class QQmlEngine;

namespace talker::app {

/// The UI language: loads Talker's translation (compiled in under :/i18n) and Qt's
/// own for the chosen language, or for the system locale when none is chosen, and
/// swaps them at run time (the QML engine retranslates its bindings).
class Translations : public QObject
{
    Q_OBJECT
public:
    explicit Translations(QObject *parent = nullptr);
    ~Translations() override;

    /// Installs the translation for `language` ("de"; empty: `system`'s languages
    /// in order). Returns the language now shown ("en" when nothing matched:
    /// the source strings are English).
    QString apply(const QString &language, const QLocale &system = QLocale::system());
    /// The engine whose qsTr() bindings follow a change.
    void setEngine(QQmlEngine *engine) { m_engine = engine; }
    /// The languages Talker ships, "en" first.
    static QStringList available();

private:
    void removeInstalled();

    std::unique_ptr<QTranslator> m_talker;
    std::unique_ptr<QTranslator> m_qt;
    QQmlEngine *m_engine = nullptr;
};

} // namespace talker::app
