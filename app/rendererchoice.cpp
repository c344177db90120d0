// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "rendererchoice.h"

#include <QDir>
#include <QFileInfo>
#include <QQuickWindow>
#include <QSGRendererInterface>

namespace talker::app {

Q_LOGGING_CATEGORY(lcGraphics, "talker.app.graphics", QtInfoMsg)

namespace {

/// Mesa reads its boolean variables so: 1, true, yes or y (any case) mean on.
bool mesaTrue(const QByteArray &value)
{
    const QByteArray v = value.trimmed().toLower();
    return v == "1" || v == "true" || v == "yes" || v == "y";
}

/// The desktops where OpenGL comes from Mesa unless a GPU driver provides it.
bool mesaDesktop(const QString &platform)
{
    return platform == QLatin1String("xcb") || platform.startsWith(QLatin1String("wayland"));
}

} // namespace

GraphicsEnvironment GraphicsEnvironment::current(const QString &platform, const QString &devDir)
{
    GraphicsEnvironment environment;
    environment.platform = platform;
    const QDir dri(devDir + QStringLiteral("/dri"));
    const QFileInfoList nodes =
        dri.entryInfoList({QStringLiteral("renderD*")}, QDir::System | QDir::Files, QDir::Name);
    for (const QFileInfo &node : nodes) {
        // Mesa opens the node read-write; one the user may not open is no GPU for us.
        if (node.isReadable() && node.isWritable())
            environment.renderNodes << node.absoluteFilePath();
    }
    environment.nvidiaDevice = QFileInfo::exists(devDir + QStringLiteral("/nvidiactl"));
    environment.softwareGl = qgetenv("LIBGL_ALWAYS_SOFTWARE");
    environment.chosenBackend = qgetenv("QT_QUICK_BACKEND");
    if (environment.chosenBackend.isEmpty())
        environment.chosenBackend = qgetenv("QMLSCENE_DEVICE");
    environment.chosenApi = qgetenv("QSG_RHI_BACKEND");
    return environment;
}

RendererChoice chooseRenderer(const GraphicsEnvironment &environment)
{
    if (!environment.chosenBackend.isEmpty())
        return {false, QStringLiteral("QT_QUICK_BACKEND=%1 decides")
                           .arg(QString::fromLocal8Bit(environment.chosenBackend))};
    if (!environment.chosenApi.isEmpty())
        return {false, QStringLiteral("QSG_RHI_BACKEND=%1 decides")
                           .arg(QString::fromLocal8Bit(environment.chosenApi))};
    if (!mesaDesktop(environment.platform))
        return {false, QStringLiteral("the %1 platform's default").arg(environment.platform)};
    if (mesaTrue(environment.softwareGl))
        return {true, QStringLiteral("LIBGL_ALWAYS_SOFTWARE is set, so OpenGL would rasterize "
                                     "on the CPU")};
    if (!environment.renderNodes.isEmpty())
        return {false, QStringLiteral("GPU render node %1").arg(environment.renderNodes.first())};
    if (environment.nvidiaDevice)
        return {false, QStringLiteral("NVIDIA driver")};
    return {true, QStringLiteral("no GPU render node in /dev/dri, so OpenGL would be Mesa's "
                                 "software rasterizer; QSG_RHI_BACKEND=opengl uses it anyway")};
}

void applyRenderer(const RendererChoice &choice)
{
    if (choice.software) {
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
        qCInfo(lcGraphics, "Qt Quick draws in software: %s", qUtf8Printable(choice.reason));
    } else {
        qCDebug(lcGraphics, "Qt Quick draws as Qt chooses: %s", qUtf8Printable(choice.reason));
    }
}

QString graphicsApiName(const QQuickWindow *window)
{
    const QSGRendererInterface *renderer = window ? window->rendererInterface() : nullptr;
    if (!renderer)
        return QStringLiteral("nothing yet");
    switch (renderer->graphicsApi()) {
    case QSGRendererInterface::Software:
        return QStringLiteral("software");
    case QSGRendererInterface::OpenGL:
        return QStringLiteral("OpenGL");
    case QSGRendererInterface::Direct3D11:
        return QStringLiteral("Direct3D 11");
    case QSGRendererInterface::Vulkan:
        return QStringLiteral("Vulkan");
    case QSGRendererInterface::Metal:
        return QStringLiteral("Metal");
    default:
        return QStringLiteral("another API");
    }
}

} // namespace talker::app
