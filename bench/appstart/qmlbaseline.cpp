// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// talker-bench-qmlbaseline: the smallest Qt Quick window, built in the same tree as the
// app, as the baseline of the app-start benchmark (bench/app-start.sh).
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QTimer>

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QQmlApplicationEngine engine;
    engine.loadData(QByteArrayLiteral("import QtQuick\n"
                                      "Window {\n"
                                      "    width: 1000; height: 700; visible: true\n"
                                      "    title: \"baseline\"\n"
                                      "    Text { anchors.centerIn: parent; text: \"baseline\" }\n"
                                      "}\n"));
    if (engine.rootObjects().isEmpty())
        return 1;
    // Bounded: the benchmark kills it after reading its RSS; never outlive 60 s.
    QTimer::singleShot(60000, &app, &QCoreApplication::quit);
    return app.exec();
}
