// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QLoggingCategory>
#include <QString>
#include <QStringList>

class QQuickWindow;

namespace talker::app {

/// "talker.app.graphics": which renderer Qt Quick draws with, and why (info).
Q_DECLARE_LOGGING_CATEGORY(lcGraphics)

/// What decides between drawing on the GPU and drawing in software.
struct GraphicsEnvironment
{
    QString platform;          ///< QGuiApplication::platformName(): "xcb", "wayland", ...
    QStringList renderNodes;   ///< the DRM render nodes this user may open (dri/renderD*)
    bool nvidiaDevice = false; ///< nvidiactl: NVIDIA's own driver, which needs no render node
    QByteArray softwareGl;     ///< LIBGL_ALWAYS_SOFTWARE: Mesa told to rasterize on the CPU
    QByteArray chosenBackend;  ///< QT_QUICK_BACKEND (or QMLSCENE_DEVICE): set by the user
    QByteArray chosenApi;      ///< QSG_RHI_BACKEND: set by the user

    /// This process and machine; devDir is "/dev" but for tests.
    static GraphicsEnvironment current(const QString &platform,
                                       const QString &devDir = QStringLiteral("/dev"));
};

struct RendererChoice
{
    bool software = false;
    QString reason; ///< for the log
};

/// Qt Quick draws with OpenGL by default. On a Linux or BSD desktop without a GPU
/// (no DRM render node: virtual machines, remote desktops, Xvfb) that OpenGL is Mesa's
/// llvmpipe, which rasterizes on the CPU and compiles every shader with LLVM. Measured
/// against Qt Quick's own software renderer on such a machine, it started the app 1.4x
/// slower, held 88 MB more memory, and took six times the CPU to scroll the chat (two
/// cores busy); the software renderer paints with QPainter and repaints only what
/// changed. So without a GPU Talker draws in software, as Firefox (software WebRender)
/// and KWin (no OpenGL compositing on a software rasterizer) do. QT_QUICK_BACKEND and
/// QSG_RHI_BACKEND still decide when set (QSG_RHI_BACKEND=opengl: llvmpipe anyway).
RendererChoice chooseRenderer(const GraphicsEnvironment &environment);

/// Makes Qt Quick use the choice; before the first QQuickWindow exists.
void applyRenderer(const RendererChoice &choice);

/// The graphics API a window that has rendered draws with: "software", "OpenGL", ...
QString graphicsApiName(const QQuickWindow *window);

} // namespace talker::app
