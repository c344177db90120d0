// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "talkerapplication.h"

#include "accountscontroller.h"
#include "appicon.h"
#include "chatcontroller.h"
#include "chatmanager.h"
#include "closepolicy.h"
#include "commandline.h"
#include "connector.h"
#include "controller.h"
#include "invitecontroller.h"
#include "localsharecontroller.h"
#include "notificationcontroller.h"
#include "notifier.h"
#include "rendererchoice.h"
#include "singleinstance.h"
#include "startupreport.h"
#include "tokenstore.h"
#include "translations.h"
#include "traycontroller.h"

#include "client/account.h"
#include "client/accountregistry.h"
#include "client/networkwatch.h"
#include "models/conversationmodel.h"
#include "models/roomlistmodel.h"

#include <QApplication>
#include <QFile>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QScopeGuard>
#include <cstdio>

namespace talker::app {

namespace {
QString readTokenFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("main", "Cannot read the token file %1: %2")
                     .arg(path, file.errorString());
        return QString();
    }
    const QString token = QString::fromUtf8(file.readLine(4096)).trimmed();
    if (token.isEmpty())
        *error = QCoreApplication::translate("main", "The token file %1 is empty.").arg(path);
    return token;
}

void raise(QQmlApplicationEngine &engine)
{
    const auto roots = engine.rootObjects();
    if (roots.isEmpty())
        return;
    if (auto *window = qobject_cast<QQuickWindow *>(roots.first())) {
        if (window->visibility() == QWindow::Minimized || !window->isVisible())
            window->showNormal();
        window->raise();
        window->requestActivate();
    }
}

void setIdentity()
{
    TalkerApplication::setNames();
    QApplication::setApplicationDisplayName(QStringLiteral("Talker"));
    QGuiApplication::setDesktopFileName(applicationId());
}

/// The exit code when the command line or its token file stops the start, else -1
/// with *token read from the token file (empty without one).
int exitCodeBeforeStart(const CommandLineOptions &options, QString *token)
{
    if (options.exitNow) {
        if (!options.error.isEmpty())
            std::fprintf(stderr, "talker: %s\n", qPrintable(options.error));
        return options.exitCode;
    }
    QString tokenError;
    *token =
        options.tokenFile.isEmpty() ? QString() : readTokenFile(options.tokenFile, &tokenError);
    if (!tokenError.isEmpty()) {
        std::fprintf(stderr, "talker: %s\n", qPrintable(tokenError));
        return 2;
    }
    return -1;
}

/// True when another instance runs and took this start's link.
bool handedOver(SingleInstance &instance, const CommandLineOptions &options)
{
    if (instance.listen())
        return false;
    QStringList handOver;
    if (options.connect)
        handOver << options.connect->toString();
    return instance.sendToPrimary(handOver);
}

void showUnreadInTray(Controller *controller, TrayController *tray)
{
    auto updateUnread = [controller, tray] {
        tray->setUnread(controller->rooms()->totalUnread() +
                        controller->conversations()->totalUnread());
    };
    QObject::connect(controller->rooms(), &models::RoomListModel::totalsChanged, tray,
                     updateUnread);
    QObject::connect(controller->conversations(), &models::ConversationModel::totalsChanged, tray,
                     updateUnread);
    updateUnread();
}

/// Restores saved sessions, then opens what the command line asked for: a local
/// room, an invite, a room with a token from --token-file, or a plain link.
void restoreAndApplyLink(const CommandLineOptions &options, const QString &token,
                         Controller *controller, InviteController *invites)
{
    Connector *connector = controller->connector();
    connector->restoreSessions();
    if (options.hostLocal)
        connector->hostLocalRoom();
    if (!options.connect)
        return;
    const TalkerLink &link = *options.connect;
    if (link.isInvite()) {
        invites->offer(link.toString());
    } else if (!token.isEmpty()) {
        client::Account *account = controller->registry()->findAccount(link.host, link.port);
        if (!account) {
            const bool tls = !options.noTls && !link.isLoopback();
            // addServer() splits "h1:p1,h2:p2" lists only; one address stays a host.
            const QString hosts = link.fallbacks.isEmpty() ? link.host : link.addressText();
            account = controller->registry()->addServer(hosts, link.port, tls);
        }
        connector->applyToken(account, token, true);
        controller->chats()->selectRoom(account->joinRoom(link.room));
    } else {
        connector->openLink(link.toString());
    }
}

const QUrl &mainQml()
{
    static const QUrl url(QStringLiteral("qrc:/Talker/Main.qml"));
    return url;
}

/// Loads the QML modules the views import, here and now. Each plugin's engine
/// initialization runs on this thread: loaded from Qt's QML loader thread, as part of
/// the asynchronous load below, each one waits until this thread handles its events,
/// which it does not while it sets up the render loop and builds the controllers
/// (perf sched: some 90 ms of waits). Views that import more modules still work; they
/// only load them the slow way.
void importViewModules(QQmlEngine &engine)
{
    QQmlComponent imports(&engine);
    imports.setData("import QtQuick\nimport QtQuick.Controls\nimport QtQuick.Layouts\n"
                    "import QtQuick.Templates\nimport Talker\nQtObject {}\n",
                    QUrl(QStringLiteral("qrc:/Talker/startup-imports.qml")));
    if (!imports.isReady())
        qCWarning(lcStartup).noquote() << imports.errorString();
}

/// Starts loading Main.qml's types (the compiled views) on Qt's QML loader thread, so
/// that they load while this thread sets up the render loop and builds the controllers,
/// not after (bench/app-start.sh). The returned component keeps them loading;
/// engine.load() of the same URL then finds them.
std::unique_ptr<QQmlComponent> preloadMainWindow(QQmlApplicationEngine &engine)
{
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    engine.addImportPath(QStringLiteral("qrc:/"));
    importViewModules(engine);
    auto component =
        std::make_unique<QQmlComponent>(&engine, mainQml(), QQmlComponent::Asynchronous);
    // Meanwhile on this thread: a first QQuickWindow sets up Qt Quick's render loop,
    // which loads the graphics driver (some 40 ms for Mesa's); the main window then
    // finds it ready instead of waiting for it after the imports.
    delete new QQuickWindow;
    return component;
}

/// Loads Main.qml; false when it has no window.
bool loadMainWindow(QQmlApplicationEngine &engine, Controller *controller,
                    Translations *translations)
{
    engine.setInitialProperties(
        {{QStringLiteral("startHidden"), controller->settings()->startMinimized()}});
    engine.load(mainQml());
    if (engine.rootObjects().isEmpty())
        return false;
    translations->setEngine(&engine);
    QObject::connect(
        controller->settings(), &AppSettings::languageChanged, translations,
        [controller, translations] { translations->apply(controller->settings()->language()); });
    return true;
}

/// What waits until the window shows, or runs at once when it starts hidden:
/// - the window icon: X11 takes every size of it at once (up to 512 px, some 10 ms of
///   decoding that the first frame would wait for); the desktop finds the icon by the
///   desktop file name meanwhile;
/// - watching the network (sessions reconnect when it comes back): its backend loads a
///   plugin, GLib's network monitor and D-Bus calls, some 7 ms;
/// and once shown, the log says what Qt Quick draws with (rendererchoice.h).
void afterStart(const StartupReport &startup, QQuickWindow *window)
{
    const auto start = [] {
        QApplication::setWindowIcon(applicationIcon());
        client::NetworkWatch::instance()->start();
    };
    if (window && window->isVisible()) {
        QObject::connect(&startup, &StartupReport::completed, qApp, [start, window] {
            start();
            qCInfo(lcGraphics, "Qt Quick draws with %s", qUtf8Printable(graphicsApiName(window)));
        });
    } else {
        start();
    }
}

/// A second start's links, the controller and the tray all bring the window up.
void connectRaise(QQmlApplicationEngine *engine, SingleInstance *instance, Controller *controller,
                  TrayController *tray, InviteController *invites)
{
    Connector *connector = controller->connector();
    QObject::connect(instance, &SingleInstance::messageReceived, controller,
                     [engine, invites, connector](const QStringList &arguments) {
                         for (const QString &argument : arguments) {
                             if (!invites->offer(argument))
                                 connector->openLink(argument);
                         }
                         raise(*engine);
                     });
    QObject::connect(controller, &Controller::raiseRequested, engine, [engine] { raise(*engine); });
    QObject::connect(tray, &TrayController::showRequested, engine, [engine] { raise(*engine); });
}
} // namespace

void TalkerApplication::setNames()
{
    QCoreApplication::setApplicationName(QStringLiteral("talker"));
    QCoreApplication::setOrganizationName(QStringLiteral("Talker"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("talker.example.org"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TALKER_VERSION));
}

int TalkerApplication::handleCommandLineOnly(int argc, char *argv[])
{
    // No QCoreApplication here: destroying one runs Qt's post routines, which
    // empty the accessibility factories Qt Quick installed when it was loaded, so
    // the real application's window had no accessible interface and screen
    // readers saw an application without children.
    setNames();
    // QGuiApplication takes its own options (-platform offscreen, -style ...) out of
    // argv; a QCoreApplication leaves them, so skip them here too.
    static const QStringList withValue{QStringLiteral("platform"),
                                       QStringLiteral("platformpluginpath"),
                                       QStringLiteral("platformtheme"),
                                       QStringLiteral("plugin"),
                                       QStringLiteral("qwindowgeometry"),
                                       QStringLiteral("qwindowtitle"),
                                       QStringLiteral("qwindowicon"),
                                       QStringLiteral("display"),
                                       QStringLiteral("geometry"),
                                       QStringLiteral("style"),
                                       QStringLiteral("stylesheet"),
                                       QStringLiteral("session"),
                                       QStringLiteral("name"),
                                       QStringLiteral("title")};
    static const QStringList flags{QStringLiteral("reverse"), QStringLiteral("nograb"),
                                   QStringLiteral("dograb"), QStringLiteral("sync")};
    QStringList arguments;
    QStringList all;
    for (int i = 0; i < argc; ++i)
        all << QString::fromLocal8Bit(argv[i]);
    for (int i = 0; i < all.size(); ++i) {
        QString name = all.at(i);
        while (name.startsWith(QLatin1Char('-')))
            name.remove(0, 1);
        if (i > 0 && all.at(i).startsWith(QLatin1Char('-')) && withValue.contains(name)) {
            ++i;
            continue;
        }
        if (i > 0 && all.at(i).startsWith(QLatin1Char('-')) && flags.contains(name))
            continue;
        arguments << all.at(i);
    }
    const CommandLineOptions options = CommandLineOptions::parse(arguments);
    if (!options.exitNow)
        return -1;
    if (!options.error.isEmpty())
        std::fprintf(stderr, "talker: %s\n", qPrintable(options.error));
    return options.exitCode;
}

int TalkerApplication::run(QApplication &app)
{
    const CommandLineOptions options = CommandLineOptions::parse(QApplication::arguments());
    QString token;
    if (const int code = exitCodeBeforeStart(options, &token); code >= 0)
        return code;

    // A second start hands its link to the running app and leaves.
    SingleInstance instance(options.profileDir);
    if (handedOver(instance, options))
        return 0;

    applyRenderer(chooseRenderer(GraphicsEnvironment::current(QGuiApplication::platformName())));
    // Made before the controllers so that Main.qml loads while they are built, and
    // destroyed before them (engineFirst below): its views use them to the end.
    auto engine = std::make_unique<QQmlApplicationEngine>();
    std::unique_ptr<QQmlComponent> preload = preloadMainWindow(*engine);
    qCDebug(lcStartup, "view modules imported and the render loop ready; the views load meanwhile");
    setIdentity();

    TokenStore tokens(options.profileDir);
    Controller controller(options.profileDir, &tokens);
    Translations translations;
    translations.apply(controller.settings()->language());
    ChatController chat(controller.chats());
    InviteController invites(&controller);
    LocalShareController localShare(&controller);
    AccountsController accounts(&controller);
    TrayController tray(applicationIcon());
    Controller::setInstance(&controller);
    ChatController::setInstance(&chat);
    InviteController::setInstance(&invites);
    LocalShareController::setInstance(&localShare);
    AccountsController::setInstance(&accounts);
    TrayController::setInstance(&tray);
    std::unique_ptr<Notifier> notifier = Notifier::create(tray.trayIcon());
    NotificationController notifications(&controller, notifier.get());

    showUnreadInTray(&controller, &tray);
    restoreAndApplyLink(options, token, &controller, &invites);
    qCDebug(lcStartup, "controllers built, sessions restored");

    const auto engineFirst = qScopeGuard([&engine] { engine.reset(); });
    if (!loadMainWindow(*engine, &controller, &translations))
        return 1;
    preload.reset();
    qCDebug(lcStartup, "main window made");
    auto *window = qobject_cast<QQuickWindow *>(engine->rootObjects().constFirst());
    StartupReport startup(window);
    afterStart(startup, window);
    connectRaise(engine.get(), &instance, &controller, &tray, &invites);
    QObject::connect(&tray, &TrayController::quitRequested, &app, &QCoreApplication::quit);
    // Closing the window either hides it to the tray or quits: ClosePolicy decides.
    QApplication::setQuitOnLastWindowClosed(false);
    ClosePolicy closePolicy(controller.settings(), [&tray] { return tray.available(); });
    if (window)
        closePolicy.watch(window);
    QObject::connect(&closePolicy, &ClosePolicy::quitRequested, &app, &QCoreApplication::quit,
                     Qt::QueuedConnection);

    const int code = app.exec();
    Controller::setInstance(nullptr);
    return code;
}

} // namespace talker::app
