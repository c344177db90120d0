#!/usr/bin/env bash

# SPDX-FileCopyrightText: 2026 Talker contributors
#
# SPDX-License-Identifier: GPL-3.0-or-later

# Runs every test stage over an existing build (default: ./build).
# Each stage is a CTest label set; stages that need extra services start them
# through their own wrapper scripts registered in CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
# A test that fails is run once more before the stage fails: the cluster and
# end-to-end tests start many processes on 2 cores, and a retry is reported in the log
# ("Test Passed" after "Failed" for the same test), never hidden.
ctest --test-dir "$build" --output-on-failure -j2 --timeout 600 --repeat until-pass:2

# The portable transport (QTcpSocket, what Windows and macOS use) under the same
# server suites: the epoll transport is turned off.
TALKER_NO_EPOLL=1 ctest --test-dir "$build" --output-on-failure -j2 --timeout 600 \
    --repeat until-pass:2 -L '^server$' 
