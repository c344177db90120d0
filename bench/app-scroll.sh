#!/usr/bin/env bash

# SPDX-FileCopyrightText: 2026 Talker contributors
#
# SPDX-License-Identifier: GPL-3.0-or-later

# What the app's CPU costs idle and while scrolling the chat, per renderer:
#
#   bash bench/app-scroll.sh BUILD_DIR [RUNS]
#
# Under xvfb-run, Talker opens a profile of 20 rooms and 100,000 cached messages (as
# bench/app-start.sh), stays idle for 10 s (the composer's cursor blinking), then gets 150
# mouse-wheel steps up and 150 down over the message list, one every 20 ms, through XTest.
# Printed: the app's CPU time (user + system, from /proc/PID/stat) over the idle 10 s and
# over the ~6.5 s of scrolling, as Talker starts by default (without a GPU it draws
# in software, app/rendererchoice.h) and with OpenGL forced (QSG_RHI_BACKEND=opengl, on
# a machine without a GPU Mesa's llvmpipe), alternated run by run.
set -uo pipefail
build="$1"
runs="${2:-3}"
app="$build/app/talker"
fill="$build/bench/appstart/talker-bench-fillprofile"
for f in "$app" "$fill"; do
    [ -x "$f" ] || { echo "not measured: $f is not built"; exit 0; }
done
command -v xvfb-run >/dev/null || { echo "not measured: xvfb-run is not installed"; exit 0; }
work="$(mktemp -d /tmp/talker-appscroll.XXXXXX)"
trap 'rm -rf "$work"' EXIT
"$fill" "$work/profile" 20 100000 1 >"$work/fill.log" 2>&1 || {
    echo "not measured: filling the profile failed"
    exit 0
}

cat >"$work/wheel.py" <<'EOF'
# wheel.py X Y STEPS BUTTON: mouse-wheel steps at (X, Y) through XTest (4 up, 5 down).
import ctypes, sys, time
x11 = ctypes.cdll.LoadLibrary("libX11.so.6")
xtest = ctypes.cdll.LoadLibrary("libXtst.so.6")
x11.XOpenDisplay.restype = ctypes.c_void_p
display = ctypes.c_void_p(x11.XOpenDisplay(None))
xtest.XTestFakeMotionEvent(display, 0, int(sys.argv[1]), int(sys.argv[2]), 0)
for _ in range(int(sys.argv[3])):
    xtest.XTestFakeButtonEvent(display, int(sys.argv[4]), 1, 0)
    xtest.XTestFakeButtonEvent(display, int(sys.argv[4]), 0, 0)
    x11.XFlush(display)
    time.sleep(0.02)
EOF
cat >"$work/inner.sh" <<'EOF'
# Inside xvfb-run: start, let the start settle, scroll, print the CPU the scroll took.
"$@" >"$WORK/app.log" 2>&1 &
pid=$!
sleep 4
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
secs() { awk -v t="$1" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", t / hz}'; }
start="$(cpu)"
sleep 10 # idle, the composer's cursor blinking
before="$(cpu)"
python3 "$WORK/wheel.py" 550 300 150 4 && python3 "$WORK/wheel.py" 550 300 150 5
after="$(cpu)"
echo "idle_10s_cpu_s=$(secs $((before - start))) scroll_cpu_s=$(secs $((after - before))) $(grep -o 'draws with [A-Za-z0-9 ]*' "$WORK/app.log")"
kill "$pid"
wait "$pid" 2>/dev/null
EOF

session=""
command -v dbus-run-session >/dev/null && session="dbus-run-session --"
export WORK="$work"
echo "Idle 10 s, then scrolling 150 steps up and 150 down over 100,000 cached messages; app CPU seconds:"
for i in $(seq "$runs"); do
    for mode in default opengl; do
        env=()
        [ $mode = opengl ] && env=(QSG_RHI_BACKEND=opengl)
        line="$(env "${env[@]}" xvfb-run -a -s '-screen 0 1280x800x24' $session \
            bash "$work/inner.sh" "$app" --profile "$work/profile" 2>/dev/null | tail -1)"
        echo "  run $i, $mode: $line"
    done
done
