#include "talkerapplication.h"

#include "commandline.h"
#include "singleinstance.h"

#include <QApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <cstdio>

namespace talker::app {

int TalkerApplication::run(QApplication &app)
{
    QApplication::setApplicationName(QStringLiteral("talker"));
    QApplication::setApplicationDisplayName(QStringLiteral("Talker"));
    QApplication::setOrganizationName(QStringLiteral("Talker"));
    QApplication::setOrganizationDomain(QStringLiteral("talker.example.org"));
    QApplication::setApplicationVersion(QStringLiteral(TALKER_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.talker.Talker"));

    const CommandLineOptions options = CommandLineOptions::parse(QApplication::arguments());
    if (options.exitNow) {
        if (!options.error.isEmpty())
            std::fprintf(stderr, "talker: %s\n", qPrintable(options.error));
        return options.exitCode;
    }

    SingleInstance instance(options.profileDir);
    if (!instance.listen()) {
        QStringList handOver;
        if (options.connect)
            handOver << options.connect->toString();
        if (instance.sendToPrimary(handOver))
            return 0;
    }

    QQuickStyle::setStyle(QStringLiteral("Basic"));
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.load(QUrl(QStringLiteral("qrc:/Talker/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    return app.exec();
}

} // namespace talker::app
