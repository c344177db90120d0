// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/serverconfig.h"
#ifdef TALKER_HAVE_CLUSTER
#include "cluster/clusternode.h"
#endif

#include <QCommandLineParser>

/// talker-server's options: each failure is printed (cli::err()) and returns false.
namespace talker::server::cli {

/// The description, --help, --version, every option and the positional command.
void addOptions(QCommandLineParser &parser);
/// The defaults that depend on this machine, and the database path.
ServerConfig baseConfig(const QCommandLineParser &parser);
/// Fills the config from the parsed options; prints the problem and returns false.
bool applyOptions(const QCommandLineParser &parser, ServerConfig *config);
#ifdef TALKER_HAVE_CLUSTER
/// The cluster options, or an error printed and false. `serving` needs --node-name.
bool clusterOptions(const QCommandLineParser &parser, const ServerConfig &config, bool serving,
                    talker::cluster::ClusterNode::Options *options);
#endif

} // namespace talker::server::cli
