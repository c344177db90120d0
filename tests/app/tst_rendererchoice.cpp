// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Which renderer Qt Quick gets (rendererchoice.h): software on a Linux desktop
// without a GPU, Qt's default elsewhere, and always what the user set.
#include "rendererchoice.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using talker::app::chooseRenderer;
using talker::app::GraphicsEnvironment;

Q_DECLARE_METATYPE(GraphicsEnvironment)

class TestRendererChoice : public QObject
{
    Q_OBJECT

private slots:
    void choice_data();
    void choice();
    void readsRenderNodesAndNvidia();
    void readsTheEnvironment();
};

namespace {

GraphicsEnvironment desktop(const char *platform, const QStringList &nodes = {})
{
    GraphicsEnvironment environment;
    environment.platform = QLatin1String(platform);
    environment.renderNodes = nodes;
    return environment;
}

} // namespace

void TestRendererChoice::choice_data()
{
    QTest::addColumn<GraphicsEnvironment>("environment");
    QTest::addColumn<bool>("software");
    QTest::addColumn<QString>("reason");

    const QStringList gpu{QStringLiteral("/dev/dri/renderD128")};
    QTest::newRow("X11, no GPU") << desktop("xcb") << true << QStringLiteral("no GPU render node");
    QTest::newRow("Wayland, no GPU")
        << desktop("wayland") << true << QStringLiteral("no GPU render node");
    QTest::newRow("wayland-egl, no GPU")
        << desktop("wayland-egl") << true << QStringLiteral("no GPU render node");
    QTest::newRow("X11, a GPU") << desktop("xcb", gpu) << false << QStringLiteral("renderD128");
    QTest::newRow("Wayland, a GPU")
        << desktop("wayland", gpu) << false << QStringLiteral("renderD128");

    GraphicsEnvironment nvidia = desktop("xcb");
    nvidia.nvidiaDevice = true;
    QTest::newRow("NVIDIA without render node") << nvidia << false << QStringLiteral("NVIDIA");

    GraphicsEnvironment forcedSoftware = desktop("xcb", gpu);
    forcedSoftware.softwareGl = "true";
    QTest::newRow("LIBGL_ALWAYS_SOFTWARE=true")
        << forcedSoftware << true << QStringLiteral("LIBGL_ALWAYS");
    forcedSoftware.softwareGl = "0";
    QTest::newRow("LIBGL_ALWAYS_SOFTWARE=0")
        << forcedSoftware << false << QStringLiteral("renderD128");

    GraphicsEnvironment userApi = desktop("xcb");
    userApi.chosenApi = "opengl";
    QTest::newRow("QSG_RHI_BACKEND set")
        << userApi << false << QStringLiteral("QSG_RHI_BACKEND=opengl");
    GraphicsEnvironment userBackend = desktop("xcb");
    userBackend.chosenBackend = "software";
    // Qt then draws in software itself: nothing for the app to set.
    QTest::newRow("QT_QUICK_BACKEND set")
        << userBackend << false << QStringLiteral("QT_QUICK_BACKEND=software");

    for (const char *platform : {"windows", "cocoa", "offscreen", "eglfs"})
        QTest::newRow(platform) << desktop(platform) << false
                                << QStringLiteral("platform's default");
}

void TestRendererChoice::choice()
{
    QFETCH(GraphicsEnvironment, environment);
    QFETCH(bool, software);
    QFETCH(QString, reason);
    const auto choice = chooseRenderer(environment);
    QCOMPARE(choice.software, software);
    QVERIFY2(choice.reason.contains(reason), qPrintable(choice.reason));
}

void TestRendererChoice::readsRenderNodesAndNvidia()
{
    QTemporaryDir dev;
    QVERIFY(dev.isValid());
    QVERIFY(QDir(dev.path()).mkdir(QStringLiteral("dri")));
    const auto touch = [&dev](const QString &name) {
        QFile file(dev.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
    };
    // A display card alone is no render node (Mesa renders through renderD*).
    touch(QStringLiteral("dri/card0"));
    GraphicsEnvironment environment =
        GraphicsEnvironment::current(QStringLiteral("xcb"), dev.path());
    QVERIFY(environment.renderNodes.isEmpty());
    QVERIFY(!environment.nvidiaDevice);
    QVERIFY(chooseRenderer(environment).software);

    touch(QStringLiteral("dri/renderD129"));
    touch(QStringLiteral("dri/renderD128"));
    environment = GraphicsEnvironment::current(QStringLiteral("xcb"), dev.path());
    QCOMPARE(environment.renderNodes,
             QStringList({dev.filePath(QStringLiteral("dri/renderD128")),
                          dev.filePath(QStringLiteral("dri/renderD129"))}));
    QVERIFY(!chooseRenderer(environment).software);

    QTemporaryDir nvidiaDev;
    QFile ctl(nvidiaDev.filePath(QStringLiteral("nvidiactl")));
    QVERIFY(ctl.open(QIODevice::WriteOnly));
    QVERIFY(GraphicsEnvironment::current(QStringLiteral("xcb"), nvidiaDev.path()).nvidiaDevice);
}

void TestRendererChoice::readsTheEnvironment()
{
    qputenv("LIBGL_ALWAYS_SOFTWARE", "yes");
    qputenv("QSG_RHI_BACKEND", "opengl");
    qunsetenv("QT_QUICK_BACKEND");
    qputenv("QMLSCENE_DEVICE", "softwarecontext");
    const GraphicsEnvironment environment = GraphicsEnvironment::current(QStringLiteral("xcb"));
    QCOMPARE(environment.softwareGl, QByteArray("yes"));
    QCOMPARE(environment.chosenApi, QByteArray("opengl"));
    QCOMPARE(environment.chosenBackend, QByteArray("softwarecontext"));
    QCOMPARE(environment.platform, QStringLiteral("xcb"));
    qunsetenv("LIBGL_ALWAYS_SOFTWARE");
    qunsetenv("QSG_RHI_BACKEND");
    qunsetenv("QMLSCENE_DEVICE");
}

QTEST_GUILESS_MAIN(TestRendererChoice)
#include "tst_rendererchoice.moc"
