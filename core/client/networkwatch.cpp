// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "client/networkwatch.h"

#include <QNetworkInformation>

namespace talker::client {

NetworkWatch *NetworkWatch::instance()
{
    static NetworkWatch *watch = new NetworkWatch; // lives as long as the process
    return watch;
}

bool NetworkWatch::start()
{
    if (m_started)
        return m_available;
    m_started = true;
    QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability);
    QNetworkInformation *info = QNetworkInformation::instance();
    m_available = info != nullptr;
    if (info) {
        connect(info, &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability r) {
                    emit reachabilityChanged(r == QNetworkInformation::Reachability::Online ||
                                             r == QNetworkInformation::Reachability::Site ||
                                             r == QNetworkInformation::Reachability::Local);
                });
    }
    return m_available;
}

} // namespace talker::client
