# SPDX-FileCopyrightText: 2026 Talker contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The desktop session the end-to-end scripts share, sourced by each of them:
#     . "$(dirname "$0")/session.sh"
#     session_enter "$@"      # re-runs the script under Xvfb and a private session bus
#     session_init e2e        # work dir, HOME, cleanup on exit; "e2e:" prefixes messages
#     start_keyring; start_dunst; start_atspi; start_openbox; start_server
# Every process started here is killed on exit; the work dir is removed unless a
# check failed (keep=1), so its logs stay for reading.

# Re-runs the calling script (with its arguments) inside Xvfb and dbus-run-session.
session_enter() {
    if [ -z "${TALKER_SESSION_INNER:-}" ]; then
        export TALKER_SESSION_INNER=1
        exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- sh "$0" "$@"
    fi
}

session_init() { # TAG
    tag="$1"
    work="$(mktemp -d)"
    export HOME="$work/home"
    mkdir -p "$HOME"
    unset QT_QPA_PLATFORM
    pids=""
    keyring=""
    keep=0
    trap session_cleanup EXIT
}

session_cleanup() {
    for p in $pids; do kill "$p" 2>/dev/null || true; done
    [ -n "$keyring" ] && kill "$keyring" 2>/dev/null || true
    for p in $pids; do wait "$p" 2>/dev/null || true; done
    if [ "$keep" = 1 ]; then echo "$tag: logs kept in $work"; else rm -rf "$work"; fi
}

fail() { keep=1; echo "$tag: FAIL: $*" >&2; exit 1; }

wait_for() { # SECONDS COMMAND...: polls until COMMAND succeeds
    t="$1"; shift
    i=0
    while ! "$@" >/dev/null 2>&1; do
        i=$((i + 1))
        [ "$i" -gt $((t * 5)) ] && return 1
        sleep 0.2
    done
}

bus_pid() {
    dbus-send --session --print-reply --dest=org.freedesktop.DBus / \
        org.freedesktop.DBus.GetConnectionUnixProcessID "string:$1" 2>/dev/null |
        awk '/uint32/ {print $2}'
}
has_owner() { [ -n "$(bus_pid "$1")" ]; }
window_named() { xwininfo -root -tree | grep -q "\"$1\""; }

# An unlocked gnome-keyring (the Secret Service the app keeps tokens in).
start_keyring() {
    eval "$(printf pw | gnome-keyring-daemon --unlock --components=secrets)"
    wait_for 20 has_owner org.freedesktop.secrets || fail "gnome-keyring did not start"
    keyring="$(bus_pid org.freedesktop.secrets)"
}

# dunst, and a log of every Notify call on the bus in $work/notify.log.
start_dunst() {
    dunst >"$work/dunst.log" 2>&1 &
    pids="$pids $!"
    wait_for 20 has_owner org.freedesktop.Notifications || fail "dunst did not start"
    dbus-monitor --session "type='method_call',interface='org.freedesktop.Notifications',member='Notify'" \
        >"$work/notify.log" 2>&1 &
    pids="$pids $!"
}

# The accessibility bus, switched on as a screen reader (Orca) does.
start_atspi() {
    /usr/libexec/at-spi-bus-launcher --launch-immediately >"$work/atspi.log" 2>&1 &
    pids="$pids $!"
    wait_for 20 has_owner org.a11y.Bus || fail "at-spi-bus-launcher did not start"
    for flag in IsEnabled ScreenReaderEnabled; do
        dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus \
            org.freedesktop.DBus.Properties.Set string:org.a11y.Status "string:$flag" \
            variant:boolean:true >/dev/null
    done
}

# A window manager, so that windows get keyboard focus.
start_openbox() {
    openbox >"$work/openbox.log" 2>&1 &
    pids="$pids $!"
}

# talker-server on a free loopback port ($port), database $work/server.db.
start_server() { # TALKER_SERVER
    server="$1"
    "$server" --listen 127.0.0.1:0 --database "$work/server.db" >"$work/server.out" 2>"$work/server.err" &
    pids="$pids $!"
    wait_for 30 grep -q "listening on" "$work/server.out" || fail "server did not start: $(cat "$work/server.err")"
    port="$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$work/server.out" | head -n1)"
}

add_user() { # NAME: prints the new user's token
    "$server" --database "$work/server.db" user add "$1" | tail -n1
}
