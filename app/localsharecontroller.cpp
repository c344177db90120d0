// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "localsharecontroller.h"

#include "connector.h"
#include "controller.h"
#include "localserverhost.h"

#include <QJSEngine>

namespace talker::app {

namespace {
LocalShareController *s_instance = nullptr;
const QLatin1String kAsked("localNetworkAsked");
} // namespace

LocalShareController::LocalShareController(Controller *app, QObject *parent)
    : QObject(parent)
    , m_app(app)
{
    connect(app->connector(), &Connector::hostingLocalChanged, this,
            &LocalShareController::changed);
}

void LocalShareController::setInstance(LocalShareController *controller)
{
    s_instance = controller;
}

LocalShareController *LocalShareController::create(QQmlEngine *, QJSEngine *)
{
    Q_ASSERT(s_instance);
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

bool LocalShareController::isOpen() const
{
    return m_app->connector()->localServer() &&
           m_app->connector()->localServer()->isOpenToNetwork();
}

QString LocalShareController::accountId() const
{
    return m_app->settings()->value(QLatin1String("localAccountId")).toString();
}

bool LocalShareController::asked() const
{
    return m_app->settings()->value(kAsked).toBool();
}

void LocalShareController::answer(bool openToNetwork)
{
    m_app->settings()->setValue(kAsked, true);
    setOpen(openToNetwork);
}

void LocalShareController::close()
{
    setOpen(false);
}

void LocalShareController::setOpen(bool open)
{
    m_app->connector()->setLocalOpenToNetwork(open);
    emit changed();
}

QString LocalShareController::invite()
{
    if (!m_app->connector()->hostingLocal() && !m_app->connector()->hostLocalRoom())
        return QString();
    if (!isOpen())
        return QString();
    const QString link = m_app->connector()->localServer()->createInvite();
    if (link.isEmpty()) {
        m_app->setNotice(tr("Cannot create an invite: %1")
                             .arg(m_app->connector()->localServer()->errorString()));
        return QString();
    }
    m_link = link;
    emit changed();
    return link;
}

} // namespace talker::app
