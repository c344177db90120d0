// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// The load client's command line.
#pragma once

#include "engine.h"

namespace talker::bench {

void printUsage();
/// Fills `o` from the command line and the TALKER_TOKEN / TALKER_PUB_TOKEN environment.
bool parseOptions(int argc, char **argv, Options &o);

} // namespace talker::bench
