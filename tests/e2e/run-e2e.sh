#!/bin/sh

# SPDX-FileCopyrightText: 2026 Talker contributors
#
# SPDX-License-Identifier: GPL-3.0-or-later

# End-to-end test of the desktop app (issue 4):
#   run-e2e.sh TALKER TALKER_SERVER E2E_PEER BUILD_DIR
# Under Xvfb and a private session bus with dunst and an unlocked gnome-keyring it
# starts talker-server, launches the real app with --connect ... --token-file ...,
# lets a second client send a private message, then checks that
#   - the app's notification reached the daemon (dbus-monitor log),
#   - a click on it (dunstctl action) raises the window on that conversation,
#   - the token went into the keychain, and into no file of the profile,
#   - a second start hands its talker:// link to the running app (single instance),
# and saves screenshots as CI artifacts: BUILD_DIR/e2e-*.png.
set -eu
if [ -z "${TALKER_E2E_INNER:-}" ]; then
    export TALKER_E2E_INNER=1
    exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- sh "$0" "$@"
fi
talker="$1"; server="$2"; peer="$3"; build="$4"

work="$(mktemp -d)"
export HOME="$work/home"
mkdir -p "$HOME"
unset QT_QPA_PLATFORM
pids=""
keyring=""
fail() { echo "e2e: FAIL: $*" >&2; exit 1; }
cleanup() {
    for p in $pids; do kill "$p" 2>/dev/null || true; done
    [ -n "$keyring" ] && kill "$keyring" 2>/dev/null || true
    for p in $pids; do wait "$p" 2>/dev/null || true; done
    if [ "${keep:-0}" = 1 ]; then echo "e2e: logs kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
bus_pid() {
    dbus-send --session --print-reply --dest=org.freedesktop.DBus / \
        org.freedesktop.DBus.GetConnectionUnixProcessID "string:$1" 2>/dev/null |
        awk '/uint32/ {print $2}'
}
wait_for() { # SECONDS COMMAND...: polls until COMMAND succeeds
    t="$1"; shift
    i=0
    while ! "$@" >/dev/null 2>&1; do
        i=$((i + 1))
        [ "$i" -gt $((t * 5)) ] && return 1
        sleep 0.2
    done
}
has_owner() { [ -n "$(bus_pid "$1")" ]; }

# Keychain
eval "$(printf pw | gnome-keyring-daemon --unlock --components=secrets)"
wait_for 20 has_owner org.freedesktop.secrets || fail "gnome-keyring did not start"
keyring="$(bus_pid org.freedesktop.secrets)"

# Notification daemon, and a log of every Notify call on the bus
dunst >"$work/dunst.log" 2>&1 &
pids="$pids $!"
wait_for 20 has_owner org.freedesktop.Notifications || fail "dunst did not start"
dbus-monitor --session "type='method_call',interface='org.freedesktop.Notifications',member='Notify'" \
    >"$work/notify.log" 2>&1 &
pids="$pids $!"

# Server with alice and bob
"$server" --listen 127.0.0.1:0 --database "$work/server.db" >"$work/server.out" 2>"$work/server.err" &
pids="$pids $!"
wait_for 30 grep -q "listening on" "$work/server.out" || fail "server did not start: $(cat "$work/server.err")"
port="$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$work/server.out" | head -n1)"
alice="$("$server" --database "$work/server.db" user add alice | tail -n1)"
bob="$("$server" --database "$work/server.db" user add bob | tail -n1)"
[ -n "$alice" ] && [ -n "$bob" ] || fail "cannot add users"
umask 077
printf '%s\n' "$alice" >"$work/alice.token"

# The app, joined without dialogs
"$talker" --connect "talker://127.0.0.1:$port/Main" --token-file "$work/alice.token" \
    --profile "$work/profile" >"$work/app.log" 2>&1 &
app=$!
pids="$pids $app"
window_named() { xwininfo -root -tree | grep -q "\"$1\""; }
wait_for 30 window_named "Main — Talker" || fail "no app window: $(cat "$work/app.log")"

# bob writes privately to alice (waits until alice is in the room)
"$peer" "$port" "$bob" Main alice "psst alice, private from bob" >"$work/peer.log" 2>&1 ||
    fail "peer: $(cat "$work/peer.log")"

wait_for 30 grep -q "psst alice, private from bob" "$work/notify.log" ||
    fail "no notification reached the daemon: $(cat "$work/notify.log") app: $(cat "$work/app.log")"
grep -A2 'member=Notify' "$work/notify.log" | grep -q '"Talker"' || fail "notification not from Talker"
grep -q '"bob (private)"' "$work/notify.log" || fail "notification title is not 'bob (private)'"
echo "e2e: notification reached the daemon"
sleep 1
import -window root "$build/e2e-screenshot.png" || fail "screenshot failed"
echo "e2e: screenshot $build/e2e-screenshot.png"

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
