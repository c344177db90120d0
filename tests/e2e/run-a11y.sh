#!/bin/sh
# SPDX-FileCopyrightText: 2026 Talker contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Accessibility test (issue 14): the real app as a screen reader sees it.
#   run-a11y.sh TALKER TALKER_SERVER E2E_BOB [BUILD_DIR]
# Under Xvfb with a private session bus, the AT-SPI bus (at-spi-bus-launcher, with
# the screen-reader flag on as Orca sets it) and openbox for keyboard focus, it
# starts talker-server and the app joined to Main, lets a second client write, then
# a11y_check.py reads the tree with pyatspi and walks the keyboard path.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/session.sh"
session_enter "$@"
talker="$1"; server="$2"; bob_client="$3"
# Screenshots of the focus ring go to BUILD_DIR (4th argument) when given.
[ -n "${4:-}" ] && export TALKER_A11Y_SHOTS="$4"
session_init a11y

# An unlocked keychain: without one, D-Bus starts gnome-keyring, whose unlock prompt
# (gcr-prompter) grabs the keyboard.
start_keyring
start_atspi
start_openbox
start_server "$server"
alice="$(add_user alice)"
bob="$(add_user bob)"
umask 077
printf '%s\n' "$alice" >"$work/alice.token"

# OpenGL, whatever the machine has (Mesa's llvmpipe without a GPU): the e2e test covers
# the software renderer that Talker chooses there, this one the GPU's path.
QSG_RHI_BACKEND=opengl "$talker" --connect "talker://127.0.0.1:$port/Main" \
    --token-file "$work/alice.token" --profile "$work/profile" >"$work/app.log" 2>&1 &
app=$!
pids="$pids $app"
wait_for 30 window_named "Main — Talker" || fail "no app window: $(cat "$work/app.log")"
"$bob_client" "$port" "$bob" Main alice "psst alice, private from bob" >"$work/bob.log" 2>&1 ||
    fail "bob: $(cat "$work/bob.log")"

/usr/bin/python3 "$here/a11y_check.py" "$app" ${TALKER_A11Y_CHECK_ARGS:-} || fail "see above; app log: $(tail -n 20 "$work/app.log")"
wait_for 10 grep -q "Qt Quick draws with OpenGL" "$work/app.log" ||
    fail "QSG_RHI_BACKEND=opengl did not draw with OpenGL: $(grep 'Qt Quick' "$work/app.log")"
echo "a11y: PASS"
