// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cluster/clusterbus.h"
#include "cluster/clusterstore.h"
#include "cluster/natslink.h"

#include <memory>

namespace talker::cluster {

/// What a talker-server process needs for cluster mode: the NATS link, the shared
/// store and (for a serving node) the bus.
class ClusterNode
{
public:
    struct Options
    {
        NatsLink::Options link;
        ClusterBus::Options bus;
    };

    /// Connects (with `waitForever`: retrying, with a log line, until NATS answers).
    bool open(const Options &options, bool waitForever);
    QString lastError() const { return m_link.lastError(); }

    store::Store *store() { return m_store.get(); }
    /// The bus for Server::setBus(); created on first use.
    ClusterBus *bus();

    /// Parses `nats://a:4222,nats://b:4222`; false (and `*error`) on a malformed URL.
    static bool parseUrls(const QString &text, QStringList *urls, QString *error);

private:
    Options m_options;
    NatsLink m_link;
    std::unique_ptr<ClusterStore> m_store;
    std::unique_ptr<ClusterBus> m_bus;
};

} // namespace talker::cluster
