// Talker desktop app: everything but this entry point lives in talker_applib.
#include "talkerapplication.h"

#include <QApplication>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(TalkerPlugin)

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    return talker::app::TalkerApplication::run(app);
}
