#!/bin/sh

# SPDX-FileCopyrightText: 2026 Talker contributors
#
# SPDX-License-Identifier: GPL-3.0-or-later

# Runs a test binary with a real keychain or with none.
#   run-keychain-test.sh real BINARY   dbus-run-session + unlocked gnome-keyring
#   run-keychain-test.sh none BINARY   no session bus, so no secret service
#   run-keychain-test.sh bare BINARY   a session bus that has and can start no secret service
set -eu
mode="$1"; shift
export TALKER_TEST_KEYCHAIN="$mode"
export QT_QPA_PLATFORM=offscreen
if [ "$mode" = real ]; then
    # No display for the bus either: a keychain prompt (gcr-prompter) fails at once
    # instead of waiting on a screen nobody looks at.
    unset DISPLAY WAYLAND_DISPLAY
    exec dbus-run-session -- sh -c '
        export HOME="$(mktemp -d)"
        keyring_pid() {
            dbus-send --session --print-reply --dest=org.freedesktop.DBus / \
                org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets \
                2>/dev/null | awk "/uint32/ {print \$2}"
        }
        eval "$(printf pw | gnome-keyring-daemon --unlock --components=secrets)"
        # Start the test only once the daemon owns the Secret Service name: a call made
        # before then would have the bus activate a second, empty daemon (HOME=/root).
        first=
        for _ in $(seq 100); do
            first=$(keyring_pid); [ -n "$first" ] && break; sleep 0.1
        done
        "$@"; rc=$?
        # gnome-keyring outlives the bus: stop the one this session started, by pid,
        # and any the test got activated after it (a left-over one would keep ctest
        # waiting on its output); CONT first, in case a test left it frozen.
        for pid in $first $(keyring_pid); do
            kill -CONT "$pid" 2>/dev/null; kill "$pid" 2>/dev/null
        done
        rm -rf "$HOME"
        exit $rc' sh "$@"
elif [ "$mode" = bare ]; then
    # A bus of its own with no service directories, so nothing can be activated on it.
    conf="$(mktemp)"
    cat >"$conf" <<'EOF'
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOF
    rc=0
    dbus-run-session --config-file="$conf" -- sh -c '
        export HOME="$(mktemp -d)"; "$@"; rc=$?; rm -rf "$HOME"; exit $rc' sh "$@" || rc=$?
    rm -f "$conf"
    exit $rc
else
    unset DISPLAY WAYLAND_DISPLAY
    export DBUS_SESSION_BUS_ADDRESS="unix:path=/nonexistent/talker-no-bus"
    HOME="$(mktemp -d)"; export HOME
    rc=0; "$@" || rc=$?
    rm -rf "$HOME"
    exit $rc
fi
