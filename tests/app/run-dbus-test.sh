#!/bin/sh
# Runs a test binary on its own private session bus.
set -eu
export QT_QPA_PLATFORM=offscreen
exec dbus-run-session -- "$@"
