// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// Talker desktop app: everything but this entry point lives in talker_applib.
#include "talkerapplication.h"

#include <QApplication>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(TalkerPlugin)

int main(int argc, char *argv[])
{
    // --help, --version and bad arguments are answered without opening a display.
    if (const int code = talker::app::TalkerApplication::handleCommandLineOnly(argc, argv);
        code >= 0)
        return code;
    // Qt Quick keeps small images in one texture atlas sized from the screen (2048 x 1024
    // here: 8 MB in the GL driver); Talker's only such image is its 26 px logo.
    if (!qEnvironmentVariableIsSet("QSG_ATLAS_WIDTH") &&
        !qEnvironmentVariableIsSet("QSG_ATLAS_HEIGHT")) {
        qputenv("QSG_ATLAS_WIDTH", "512");
        qputenv("QSG_ATLAS_HEIGHT", "512");
    }
    QApplication app(argc, argv);
    return talker::app::TalkerApplication::run(app);
}
