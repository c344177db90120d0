#!/bin/sh

# SPDX-FileCopyrightText: 2026 Talker contributors
#
# SPDX-License-Identifier: GPL-3.0-or-later

# Runs a test binary on its own private session bus.
set -eu
export QT_QPA_PLATFORM=offscreen
exec dbus-run-session -- "$@"
