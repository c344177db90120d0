#!/bin/sh
# SPDX-FileCopyrightText: 2026 Talker contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Accessibility test (issue 14): the real app as a screen reader sees it.
#   run-a11y.sh TALKER TALKER_SERVER E2E_PEER
# Under Xvfb with a private session bus, the AT-SPI bus (at-spi-bus-launcher, with
# the screen-reader flag on as Orca sets it) and openbox for keyboard focus, it
# starts talker-server and the app joined to Main, lets a second client write, then
# a11y_check.py reads the tree with pyatspi and walks the keyboard path.
set -eu
if [ -z "${TALKER_A11Y_INNER:-}" ]; then
    export TALKER_A11Y_INNER=1
    exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- sh "$0" "$@"
fi
talker="$1"; server="$2"; peer="$3"
here="$(cd "$(dirname "$0")" && pwd)"

work="$(mktemp -d)"
export HOME="$work/home"
mkdir -p "$HOME"
unset QT_QPA_PLATFORM
pids=""
fail() { echo "a11y: FAIL: $*" >&2; exit 1; }
cleanup() {
    for p in $pids; do kill "$p" 2>/dev/null || true; done
    for p in $pids; do wait "$p" 2>/dev/null || true; done
    if [ "${keep:-0}" = 1 ]; then echo "a11y: logs kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
wait_for() { # SECONDS COMMAND...: polls until COMMAND succeeds
    t="$1"; shift
    i=0
    while ! "$@" >/dev/null 2>&1; do
        i=$((i + 1))
        [ "$i" -gt $((t * 5)) ] && return 1
        sleep 0.2
    done
}
has_owner() {
    dbus-send --session --print-reply --dest=org.freedesktop.DBus / \
        org.freedesktop.DBus.NameHasOwner "string:$1" 2>/dev/null | grep -q "boolean true"
}
set_status() {
    dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus \
        org.freedesktop.DBus.Properties.Set string:org.a11y.Status "string:$1" \
        variant:boolean:true >/dev/null
}

# The accessibility bus, switched on as a screen reader does.
/usr/libexec/at-spi-bus-launcher --launch-immediately >"$work/atspi.log" 2>&1 &
pids="$pids $!"
wait_for 20 has_owner org.a11y.Bus || fail "at-spi-bus-launcher did not start"
set_status IsEnabled
set_status ScreenReaderEnabled
openbox >"$work/openbox.log" 2>&1 &
pids="$pids $!"

"$server" --listen 127.0.0.1:0 --database "$work/server.db" >"$work/server.out" 2>"$work/server.err" &
pids="$pids $!"
wait_for 30 grep -q "listening on" "$work/server.out" || fail "server did not start: $(cat "$work/server.err")"
port="$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$work/server.out" | head -n1)"
alice="$("$server" --database "$work/server.db" user add alice | tail -n1)"
bob="$("$server" --database "$work/server.db" user add bob | tail -n1)"
umask 077
printf '%s\n' "$alice" >"$work/alice.token"

"$talker" --connect "talker://127.0.0.1:$port/Main" --token-file "$work/alice.token" \
    --profile "$work/profile" >"$work/app.log" 2>&1 &
app=$!
pids="$pids $app"
window_named() { xwininfo -root -tree | grep -q "\"$1\""; }
wait_for 30 window_named "Main — Talker" || fail "no app window: $(cat "$work/app.log")"
"$peer" "$port" "$bob" Main alice "psst alice, private from bob" >"$work/peer.log" 2>&1 ||
    fail "peer: $(cat "$work/peer.log")"

/usr/bin/python3 "$here/a11y_check.py" "$app" ${TALKER_A11Y_CHECK_ARGS:-} || { keep=1; fail "see above; app log: $(tail -n 20 "$work/app.log")"; }
echo "a11y: PASS"
