// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The German translation: complete, chosen from the system locale or the language
// setting, and shown by the real app's QML (Main.qml with the real controllers),
// switching at run time.
#include "chatcontroller.h"
#include "client/sendfailure.h"
#include "connectinput.h"
#include "controller.h"
#include "talkerlink.h"
#include "tokenstore.h"
#include "translations.h"
#include "traycontroller.h"

#include <QDir>
#include <QFile>
#include <QProcess>
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
/// The source texts of the messages in a .ts that have no finished translation.
QStringList untranslatedIn(const QString &tsPath, int *messages)
{
    QFile file(tsPath);
    if (!file.open(QIODevice::ReadOnly))
        return {QStringLiteral("cannot open ") + tsPath};
    QXmlStreamReader xml(&file);
    QStringList untranslated;
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
            ++*messages;
        } else if (xml.name() == QLatin1String("translation")) {
            const bool unfinished =
                xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (unfinished || text.trimmed().isEmpty())
                untranslated << source;
        }
    }
    if (xml.hasError())
        untranslated << QStringLiteral("XML error: ") + xml.errorString();
    return untranslated;
}
} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void germanIsComplete()
    {
        int messages = 0;
        const QStringList untranslated = untranslatedIn(QStringLiteral(TALKER_TS_DE), &messages);
        QVERIFY2(messages > 150, "the .ts holds the app's strings");
        QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QLatin1String(" | "))));
    }

    // A string added to the code but never extracted into the .ts is not
    // "unfinished" there, it is absent: refresh a copy of the .ts from the sources
    // (as the update_translations target does) and check nothing new appeared.
    void everySourceStringIsInTheTs()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString copy = dir.filePath(QStringLiteral("talker_de.ts"));
        QVERIFY(QFile::copy(QStringLiteral(TALKER_TS_DE), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        const QDir root(QStringLiteral(TALKER_SOURCE_DIR));
        // The include paths let lupdate see the classes and namespaces, which name
        // the contexts, as the update_translations target does.
        QStringList args{QStringLiteral("-silent"), QStringLiteral("-locations"),
                         QStringLiteral("none"),    QStringLiteral("-no-obsolete"),
                         QStringLiteral("-I"),      root.filePath(QStringLiteral("app")),
                         QStringLiteral("-I"),      root.filePath(QStringLiteral("core"))};
        const std::pair<const char *, const char *> globs[] = {
            {"app", "*.cpp"}, {"qml", "*.qml"}, {"core/client", "*.cpp"}, {"core/models", "*.cpp"}};
        for (const auto &[sub, pattern] : globs) {
            const QDir folder(root.filePath(QLatin1String(sub)));
            const auto files = folder.entryList({QLatin1String(pattern)}, QDir::Files);
            QVERIFY2(!files.isEmpty(), sub);
            for (const QString &name : files)
                args << folder.filePath(name);
        }
        args << QStringLiteral("-ts") << copy;
        QProcess lupdate;
        lupdate.start(QStringLiteral(TALKER_LUPDATE), args);
        QVERIFY2(lupdate.waitForFinished(50000), qPrintable(lupdate.errorString()));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());
        int messages = 0;
        const QStringList missing = untranslatedIn(copy, &messages);
        QVERIFY2(messages > 150, "lupdate found the app's strings");
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("not in talker_de.ts (run the update_translations "
                                           "target and translate them): ") +
                            missing.join(QLatin1String(" | "))));
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

    // Texts built outside a QObject translate under a context of their own; it must
    // be the one lupdate filed them under, or German is never found at run time.
    void helperTextsTranslate()
    {
        Translations translations;
        QCOMPARE(translations.apply(QStringLiteral("de"), QLocale(QStringLiteral("en_US"))),
                 QStringLiteral("de"));
        QCOMPARE(talker::client::sendFailureText(talker::protocol::ErrorCode::NoSuchUser, QString(),
                                                 QStringLiteral("General"), QStringLiteral("bob")),
                 QStringLiteral("bob ist nicht in #General"));
        QCOMPARE(talker::client::unconfirmedText(3),
                 QStringLiteral("Nach 3 Versuchen nicht bestätigt"));
        QCOMPARE(TalkerLink::parse(QString()).error, QStringLiteral("Der Link ist leer."));
        QCOMPARE(connectinput::portError(0),
                 QStringLiteral("Der Port ist eine Zahl von 1 bis 65535."));
        translations.apply(QStringLiteral("en"), QLocale(QStringLiteral("en_US")));
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
