// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cluster/clusternode.h"

#include <QUrl>

namespace talker::cluster {

bool ClusterNode::open(const Options &options, bool waitForever)
{
    m_options = options;
    if (!m_link.open(options.link, waitForever))
        return false;
    m_store = std::make_unique<ClusterStore>(&m_link);
    return true;
}

ClusterBus *ClusterNode::bus()
{
    if (!m_bus && m_store)
        m_bus = std::make_unique<ClusterBus>(&m_link, m_store.get(), m_options.bus);
    return m_bus.get();
}

bool ClusterNode::parseUrls(const QString &text, QStringList *urls, QString *error)
{
    urls->clear();
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QUrl url(part.trimmed(), QUrl::StrictMode);
        if (!url.isValid() || url.scheme() != QLatin1String("nats") || url.host().isEmpty() ||
            url.port() <= 0) {
            // The URL may hold a password: name only its position.
            *error = QStringLiteral("not a nats://HOST:PORT URL (entry %1)").arg(urls->size() + 1);
            return false;
        }
        urls->append(part.trimmed());
    }
    if (urls->isEmpty()) {
        *error = QStringLiteral("no NATS URL");
        return false;
    }
    return true;
}

} // namespace talker::cluster
