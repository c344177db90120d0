#!/usr/bin/env bash

# SPDX-FileCopyrightText: 2026 Talker contributors
#
# SPDX-License-Identifier: GPL-3.0-or-later

# App-start benchmark (issue 7 item 5), called by run-all.sh:
#
#   bash bench/app-start.sh BUILD_DIR [RUNS]
#
# Time from process start to the first rendered frame of the main window, and RSS two
# seconds later, under xvfb-run: the Talker app with a profile of 20 joined rooms and
# 100,000 cached messages (its server unreachable, so it shows what it cached), next to a
# minimal Qt Quick window built in the same tree. The first frame is the first "frame
# rendered" line of Qt's own scene-graph log (qt.scenegraph.time.renderloop), seen by
# polling the log every 5 ms: both programs are measured the same way. Talker makes
# its chat and member panel after the first frame; "fully loaded" is the time until a
# frame shows them too (its "talker.app.startup" log; the baseline has nothing more).
# Talker runs as it starts by default (without a GPU it draws in software, and the
# report says what it drew with) and with OpenGL forced, renderer for renderer.
set -uo pipefail
build="$1"
runs="${2:-3}"
app="$build/app/talker"
baseline="$build/bench/appstart/talker-bench-qmlbaseline"
fill="$build/bench/appstart/talker-bench-fillprofile"
for f in "$app" "$baseline" "$fill"; do
    if [ ! -x "$f" ]; then
        echo "not measured: $f is not built"
        exit 0
    fi
done
if ! command -v xvfb-run >/dev/null; then
    echo "not measured: xvfb-run is not installed"
    exit 0
fi
work="$(mktemp -d /tmp/talker-appstart.XXXXXX)"
trap 'rm -rf "$work"' EXIT

# Port 1 on loopback: nothing listens, the app's connection attempts fail at once.
"$fill" "$work/profile" 20 100000 1 >"$work/fill.log" 2>&1 || {
    echo "not measured: filling the profile failed: $(tail -3 "$work/fill.log")"
    exit 0
}

cat >"$work/inner.sh" <<'EOF'
# Runs inside xvfb-run: starts the program, waits for its first frame, reads its RSS.
log="$1"
shift
export QT_LOGGING_RULES="qt.scenegraph.time.renderloop.debug=true;talker.app.startup.debug=true"
: >"$log"
t0="$(date +%s%N)"
"$@" >/dev/null 2>"$log" &
pid=$!
frame=""
for _ in $(seq 3000); do # at most ~30 s
    if grep -q -i -m1 'frame rendered' "$log"; then
        frame="$((($(date +%s%N) - t0) / 1000000))"
        break
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.005
done
# Then, for the two seconds before RSS is read: Talker's "fully loaded" line
# (StartupReport), the first frame that also shows what it makes after the first.
deadline="$(($(date +%s%N) + 2000000000))"
full=""
while [ -n "$frame" ] && [ "$(date +%s%N)" -lt "$deadline" ]; do
    if grep -q -m1 'fully loaded' "$log"; then
        full="$((($(date +%s%N) - t0) / 1000000))"
        break
    fi
    sleep 0.005
done
left="$((deadline - $(date +%s%N)))"
if [ "$left" -gt 0 ]; then sleep "$(awk -v n="$left" 'BEGIN {printf "%.3f", n / 1e9}')"; fi
rss="$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null)"
kill "$pid" 2>/dev/null
for _ in $(seq 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
echo "first_frame_ms=${frame:-none} rss_kib=${rss:-none} full_ms=${full:-none}"
EOF

measure() { # LABEL COMMAND... -> lines "LABEL ms rss"
    local label="$1" i line ms rss full
    shift
    for i in $(seq "$runs"); do
        line="$(xvfb-run -a -s '-screen 0 1280x800x24' $session bash "$work/inner.sh" \
            "$work/$label-$i-${QT_QUICK_BACKEND:-default}.log" "$@" 2>/dev/null | tail -1)"
        ms="$(sed -n 's/.*first_frame_ms=\([0-9]*\).*/\1/p' <<<"$line")"
        rss="$(sed -n 's/.*rss_kib=\([0-9]*\).*/\1/p' <<<"$line")"
        full="$(sed -n 's/.*full_ms=\([0-9]*\).*/\1/p' <<<"$line")"
        echo "$label ${ms:-none} ${rss:-none} ${full:-none}" >>"$work/results"
        if [ -z "$ms" ]; then
            echo "  $label run $i: no first frame seen; log tail:" >&2
            tail -3 "$work/$label-$i-${QT_QUICK_BACKEND:-default}.log" | sed 's/^/    /' >&2
        fi
    done
}

report() { # TITLE BACKEND

stats() { # LABEL COLUMN -> min median max
    awk -v l="$1" -v c="$2" '$1 == l && $c != "none" {print $c}' "$work/results" | sort -g |
        awk '{v[NR]=$1} END {if (NR==0) {print "- - -"; exit}
            m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2; print v[1], m, v[NR]}'
}
echo "$1: 20 joined rooms, 100,000 cached messages, $runs runs each, xvfb-run"
echo
echo "| program   | first frame ms min / median / max | RSS KiB median | fully loaded ms median |"
echo "|-----------|-----------------------------------|----------------|------------------------|"
for l in $labels; do
    read -r lo md hi < <(stats "$l" 2)
    read -r _ rss _ < <(stats "$l" 3)
    read -r _ full _ < <(stats "$l" 4)
    printf '| %-9s | %33s | %14s | %22s |\n' "$l" "$lo / $md / $hi" "$rss" "$full"
done
read -r _ b _ < <(stats baseline 2)
read -r _ t _ < <(stats talker 2)
read -r _ r _ < <(stats talker 3)
drew="$(grep -ho 'Qt Quick draws with [A-Za-z0-9 ]*' "$work"/talker-[0-9]*-"${QT_QUICK_BACKEND:-default}".log |
    sed 's/Qt Quick draws with //' | sort -u | paste -sd ',')"
if [ "$2" = software ]; then
    awk -v b="$b" -v t="$t" 'BEGIN { if (b != "-" && t != "-")
        printf "\nBoth in software: %.2fx (the app'"'"'s own start, without a GL driver'"'"'s)\n", t/b }'
    return
fi
awk -v b="$b" -v t="$t" -v r="$r" -v d="${drew:-not logged}" 'BEGIN {
    if (b == "-" || t == "-") { print "\nTargets: not measured (no first frame seen)"; exit }
    printf "\nTargets (Talker as it starts, drawing with %s): start within 1.5x of the baseline: %.2fx %s; RSS under 150 MB: %.0f MB %s\n",
        d, t/b, (t/b <= 1.5 ? "MET" : "NOT MET"), r/1024, (r/1024 < 150 ? "MET" : "NOT MET") }'
if [[ " $labels " == *" talker-gl "* ]]; then
    read -r _ g _ < <(stats talker-gl 2)
    read -r _ gr _ < <(stats talker-gl 3)
    awk -v b="$b" -v g="$g" -v r="$gr" 'BEGIN { if (b != "-" && g != "-")
        printf "OpenGL forced (QSG_RHI_BACKEND=opengl), renderer for renderer: %.2fx, %.0f MB\n",
            g/b, r/1024 }'
fi
}

# A desktop session has a D-Bus session bus. Without one, the first D-Bus call (the app's
# tray, notifications and accessibility use it) makes libdbus start dbus-launch, which a
# user never pays for; so both programs run inside their own session bus.
session=""
command -v dbus-run-session >/dev/null && session="dbus-run-session --"

# First each program as it starts by default: the minimal window with Qt Quick's default
# (OpenGL, here Mesa's llvmpipe under Xvfb), Talker with its own choice (in software on a
# machine without a GPU, app/rendererchoice.h), and Talker with OpenGL forced, renderer
# for renderer. Then both in software, which shows the app's own cost without the GL
# driver's.
for backend in default software; do
    : >"$work/results"
    labels="baseline talker talker-gl"
    if [ $backend = software ]; then
        export QT_QUICK_BACKEND=software
        labels="baseline talker"
    fi
    # Alternate the programs run by run, so that load drifting on the machine weighs on
    # all alike.
    for i in $(seq "$runs"); do
        runs=1 measure baseline "$baseline"
        runs=1 measure talker "$app" --profile "$work/profile"
        if [ $backend = default ]; then
            runs=1 measure talker-gl env QSG_RHI_BACKEND=opengl "$app" --profile "$work/profile"
        fi
    done
    report "Qt Quick backend: $backend" $backend
    echo
done
