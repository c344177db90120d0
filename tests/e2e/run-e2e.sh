#!/bin/sh

# SPDX-FileCopyrightText: 2026 Talker contributors
#
# SPDX-License-Identifier: GPL-3.0-or-later

# End-to-end test of the desktop app (issue 4):
#   run-e2e.sh TALKER TALKER_SERVER E2E_BOB BUILD_DIR
# Under Xvfb and a private session bus with dunst and an unlocked gnome-keyring it
# starts talker-server, launches the real app with --connect ... --token-file ...,
# lets a second client send a private message, then checks that
#   - the app's notification reached the daemon (dbus-monitor log),
#   - a click on it (dunstctl action) raises the window on that conversation,
#   - the token went into the keychain, and into no file of the profile,
#   - a second start hands its talker:// link to the running app (single instance),
# and saves screenshots as CI artifacts: BUILD_DIR/e2e-*.png.
set -eu
. "$(cd "$(dirname "$0")" && pwd)/session.sh"
session_enter "$@"
talker="$1"; server="$2"; bob_client="$3"; build="$4"
session_init e2e

start_keyring
start_dunst

# Server with alice and bob
start_server "$server"
alice="$(add_user alice)"
bob="$(add_user bob)"
[ -n "$alice" ] && [ -n "$bob" ] || fail "cannot add users"
umask 077
printf '%s\n' "$alice" >"$work/alice.token"

# The app, joined without dialogs
"$talker" --connect "talker://127.0.0.1:$port/Main" --token-file "$work/alice.token" \
    --profile "$work/profile" >"$work/app.log" 2>&1 &
app=$!
pids="$pids $app"
wait_for 30 window_named "Main — Talker" || fail "no app window: $(cat "$work/app.log")"

# bob writes privately to alice (waits until alice is in the room)
"$bob_client" "$port" "$bob" Main alice "psst alice, private from bob" >"$work/bob.log" 2>&1 ||
    fail "bob: $(cat "$work/bob.log")"

wait_for 30 grep -q "psst alice, private from bob" "$work/notify.log" ||
    fail "no notification reached the daemon: $(cat "$work/notify.log") app: $(cat "$work/app.log")"
grep -A2 'member=Notify' "$work/notify.log" | grep -q '"Talker"' || fail "notification not from Talker"
grep -q '"bob (private)"' "$work/notify.log" || fail "notification title is not 'bob (private)'"
echo "e2e: notification reached the daemon"
sleep 1
import -window root "$build/e2e-screenshot.png" || fail "screenshot failed"
echo "e2e: screenshot $build/e2e-screenshot.png"

# What Qt Quick draws with (app/rendererchoice.h): in software when this machine has no
# GPU render node and nobody chose a backend, else as Qt chooses.
wait_for 10 grep -q "Qt Quick draws with" "$work/app.log" ||
    fail "the app does not say what Qt Quick draws with: $(cat "$work/app.log")"
if [ -z "${QT_QUICK_BACKEND:-}${QSG_RHI_BACKEND:-}" ] && ! ls /dev/dri/renderD* >/dev/null 2>&1 &&
    [ ! -e /dev/nvidiactl ]; then
    grep -q "Qt Quick draws with software" "$work/app.log" ||
        fail "no GPU here, yet Qt Quick does not draw in software: $(grep 'Qt Quick' "$work/app.log")"
fi
echo "e2e: $(grep -o 'Qt Quick draws with .*' "$work/app.log")"

# A click on it (dunst's default action) opens the conversation in the window.
dunstctl action 0 >/dev/null 2>&1 || true
if ! wait_for 10 window_named "bob — Talker"; then
    # dunst needs the context of the newest notification: open it explicitly.
    dunstctl history-pop >/dev/null 2>&1 || true
    dunstctl action 0 >/dev/null 2>&1 || true
    wait_for 10 window_named "bob — Talker" || fail "notification click did not open the conversation"
fi
echo "e2e: notification click opened the conversation"
sleep 1
import -window root "$build/e2e-screenshot-private.png" || fail "screenshot failed"

# The token is in the keychain, and in no file of the profile nor in the log.
secret-tool search --all server Talker 2>/dev/null | grep -qF "secret = $alice" ||
    fail "token not in the keychain"
if grep -rqF "$alice" "$work/profile" "$work/app.log"; then
    fail "token found in a plain file: $(grep -rlF "$alice" "$work/profile" "$work/app.log")"
fi
echo "e2e: token is in the keychain only"

# A second start hands its talker:// link to the running app and exits.
timeout 20 "$talker" "talker://127.0.0.1:$port/Second" --profile "$work/profile" >"$work/second.log" 2>&1 ||
    fail "second start did not hand over: $(cat "$work/second.log")"
wait_for 15 window_named "Second — Talker" || fail "the running app did not open the link"
echo "e2e: second start handed its link to the running app"
# A malformed link is refused with a clear message.
if "$talker" "talker://127.0.0.1:$port" --profile "$work/profile" >"$work/bad.log" 2>&1; then
    fail "a malformed link was accepted"
fi
grep -q "names no room" "$work/bad.log" || fail "unclear error for a bad link: $(cat "$work/bad.log")"

kill "$app"
wait "$app" 2>/dev/null || true
echo "e2e: PASS"
