// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The German translation: complete, chosen from the system locale or the language
// setting, and shown by the real app's QML (Main.qml with the real controllers),
// switching at run time.
#include "chatcontroller.h"
#include "controller.h"
#include "tokenstore.h"
#include "translations.h"
#include "traycontroller.h"

#include <QFile>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(TalkerPlugin)

using namespace talker::app;

namespace {
/// Every `text` shown by an item of the window, recursively.
void collectTexts(QQuickItem *item, QStringList *out)
{
    const QVariant text = item->property("text");
    if (text.isValid() && !text.toString().isEmpty())
        out->append(text.toString());
    const QVariant placeholder = item->property("placeholderText");
    if (placeholder.isValid() && !placeholder.toString().isEmpty())
        out->append(placeholder.toString());
    const auto children = item->childItems();
    for (QQuickItem *child : children)
        collectTexts(child, out);
}
} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void germanIsComplete()
    {
        QFile file(QStringLiteral(TALKER_TS_DE));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        int messages = 0;
        QStringList untranslated;
        QString source;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
                ++messages;
            } else if (xml.name() == QLatin1String("translation")) {
                const bool unfinished =
                    xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (unfinished || text.trimmed().isEmpty())
                    untranslated << source;
            }
        }
        QVERIFY(!xml.hasError());
        QVERIFY2(messages > 150, "the .ts holds the app's strings");
        QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QLatin1String(" | "))));
    }

    void followsTheSystemLocaleUnlessALanguageIsSet()
    {
        Translations translations;
        QVERIFY(Translations::available().contains(QStringLiteral("de")));
        QCOMPARE(translations.apply(QString(), QLocale(QStringLiteral("de_AT"))),
                 QStringLiteral("de"));
        QCOMPARE(QCoreApplication::translate("SettingsDialog", "Settings"),
                 QStringLiteral("Einstellungen"));
        QCOMPARE(translations.apply(QStringLiteral("en"), QLocale(QStringLiteral("de_DE"))),
                 QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("SettingsDialog", "Settings"),
                 QStringLiteral("Settings"));
        // A language Talker does not ship: English, not an error.
        QCOMPARE(translations.apply(QString(), QLocale(QStringLiteral("ja_JP"))),
                 QStringLiteral("en"));
    }

    void appStartsInGermanAndSwitchesLanguage()
    {
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/talker-test-bus");
        QTemporaryDir profile;
        TokenStore tokens(profile.path(), QStringLiteral("TalkerTranslationTest"));
        Controller app(profile.path(), &tokens);
        ChatController chat(app.chats());
        TrayController tray{QIcon()};
        Controller::setInstance(&app);
        ChatController::setInstance(&chat);
        TrayController::setInstance(&tray);
        app.settings()->setLanguage(QStringLiteral("de"));

        // As TalkerApplication::run does it.
        Translations translations;
        translations.apply(app.settings()->language(), QLocale(QStringLiteral("en_US")));
        QQuickStyle::setStyle(QStringLiteral("Basic"));
        QQmlApplicationEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/"));
        engine.load(QUrl(QStringLiteral("qrc:/Talker/Main.qml")));
        QCOMPARE(engine.rootObjects().size(), 1);
        translations.setEngine(&engine);
        connect(app.settings(), &AppSettings::languageChanged, &translations,
                [&] { translations.apply(app.settings()->language()); });
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
        QVERIFY(window);

        QStringList texts;
        collectTexts(window->contentItem(), &texts);
        QVERIFY2(texts.contains(QStringLiteral("Willkommen bei Talker")),
                 qPrintable(texts.join(QLatin1String(" | "))));
        QVERIFY(texts.contains(QStringLiteral("Mit einem Server verbinden")));
        QVERIFY(!texts.contains(QStringLiteral("Welcome to Talker")));

        app.settings()->setLanguage(QStringLiteral("en"));
        texts.clear();
        collectTexts(window->contentItem(), &texts);
        QVERIFY2(texts.contains(QStringLiteral("Welcome to Talker")),
                 qPrintable(texts.join(QLatin1String(" | "))));
        Controller::setInstance(nullptr);
        ChatController::setInstance(nullptr);
        TrayController::setInstance(nullptr);
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
