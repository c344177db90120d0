#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Talker contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Connection scale beyond one process's descriptor limit: PROCS servers of one kind on
# different loopback ports, each driven by its own load-client process (one process may
# hold at most ~20,000 descriptors here), all started at the same moment. Prints each
# pair's RESULT line and one combined line:
#   RESULT mode=conns-multi server=KIND conns= ready= connect_s= rss_empty_kib=
#          rss_full_kib= per_conn_bytes= idle_cpu_pct=
# connect_s is the slowest client's time to have all its connections authenticated (so
# the time until all TOTAL are accepted); RSS and idle CPU are summed over the servers.
#
#   bash bench/conns-scale.sh KIND TOTAL PROCS IDLE_S SERVER_BIN CLIENT_BIN
#     KIND talker     PROCS independent talker-server --threads processes
#          cluster    PROCS talker-server cluster nodes over one local JetStream
#                     nats-server (its CPU and RSS are printed, not summed in)
#          mosquitto  PROCS independent brokers
#     SERVER_BIN is talker-server (ignored for mosquitto)
# Environment: SRC_ADDRS (loopback source addresses per client, default 4),
# TALKER_THREADS (talker-server --threads, default 2).
set -uo pipefail
kind="$1" total="$2" procs="$3" idle="$4" server_bin="$5" client="$6"
work="$(mktemp -d /tmp/talker-conns.XXXXXX)"
pids=()
cleanup() {
    local p k
    for p in "${pids[@]}" ${nats_pid:-}; do kill "$p" 2>/dev/null; done
    for p in "${pids[@]}" ${nats_pid:-}; do # a slow shutdown must not hang the run
        for k in $(seq 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.05; done
        kill -9 "$p" 2>/dev/null
    done
    wait 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
ulimit -n 20000 2>/dev/null || true

free_port() {
    local p
    for p in $(seq "$1" $(($1 + 200))); do
        (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return 0; }
    done
    return 1
}

start_nats() { # -> sets nats_url, nats_pid
    local nport
    nport="$(free_port 14222)" || return 1
    nats-server -js -a 127.0.0.1 -p "$nport" -sd "$work/nats" >"$work/nats.log" 2>&1 &
    nats_pid=$!
    nats_url="nats://127.0.0.1:$nport"
    local k
    for k in $(seq 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$nport") 2>/dev/null && return 0
        sleep 0.05
    done
    echo "conns-scale: nats-server did not start" >&2
    return 1
}

start_one() { # INDEX -> sets ports[i], pids[i], tokens[i]
    local i="$1" port
    if [ "$kind" = talker ] || [ "$kind" = cluster ]; then
        local store=(--database "$work/t$i.db")
        [ "$kind" = cluster ] && store=(--cluster "$nats_url" --node-name "n$i")
        if [ "$kind" = talker ] || [ "$i" = 0 ]; then
            tokens[i]="$("$server_bin" "${store[@]:0:2}" user add sub 2>/dev/null | tail -1)"
        else
            tokens[i]="${tokens[0]}"
        fi
        "$server_bin" --listen 127.0.0.1:0 "${store[@]}" --threads "${TALKER_THREADS:-2}" \
            --max-events-per-second 0 --max-connections-per-address 0 \
            >"$work/srv$i.out" 2>"$work/srv$i.err" &
        pids[i]=$!
        local k
        for k in $(seq 200); do
            grep -q '^listening on' "$work/srv$i.out" 2>/dev/null && break
            sleep 0.05
        done
        port="$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$work/srv$i.out" | head -1)"
    else
        port="$(free_port $((18930 + 10 * i)))" || return 1
        printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest stderr\nlog_type error\n' \
            "$port" >"$work/m$i.conf"
        mosquitto -c "$work/m$i.conf" >"$work/srv$i.out" 2>"$work/srv$i.err" &
        pids[i]=$!
        local k
        for k in $(seq 100); do
            (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
            sleep 0.05
        done
        tokens[i]=unused
    fi
    [ -n "$port" ] || { echo "conns-scale: $kind server $i did not start" >&2; return 1; }
    ports[i]="$port"
}

tokens=() ports=()
if [ "$kind" = cluster ]; then start_nats || exit 1; fi
for i in $(seq 0 $((procs - 1))); do start_one "$i" || exit 1; done
sleep 0.5 # let every server settle before its empty RSS is read
proto=talker
[ "$kind" = mosquitto ] && proto=mqtt
nats_cpu0=0
[ -n "${nats_pid:-}" ] && nats_cpu0="$(awk '{print $14 + $15}' "/proc/$nats_pid/stat")"
for i in $(seq 0 $((procs - 1))); do
    n=$(((total + procs - 1 - i) / procs)) # spreads the remainder
    TALKER_TOKEN="${tokens[i]}" "$client" --proto "$proto" --mode conns --port "${ports[i]}" \
        --server-pid "${pids[i]}" --subs "$n" --rooms 100 --src-addrs "${SRC_ADDRS:-4}" \
        --ping-interval 20 --idle-seconds "$idle" --timeout 600 >"$work/client$i.out" \
        2>"$work/client$i.err" &
    cpids[i]=$!
done
for i in $(seq 0 $((procs - 1))); do wait "${cpids[i]}"; done
if [ -n "${nats_pid:-}" ]; then
    echo "nats-server (JetStream) over the whole run: CPU $(awk -v c0="$nats_cpu0" -v hz="$(getconf CLK_TCK)" \
        '{printf "%.2f s", ($14 + $15 - c0) / hz}' "/proc/$nats_pid/stat"), RSS $(awk '/VmRSS/ {print $2}' "/proc/$nats_pid/status") KiB"
fi
for i in $(seq 0 $((procs - 1))); do
    head -3 "$work/client$i.err" | sed "s/^/    [client $i] /" >&2
    grep '^RESULT' "$work/client$i.out" | sed "s/^RESULT /RESULT pair=$i /"
done
cat "$work"/client*.out | grep '^RESULT' | awk -v kind="$kind" -v total="$total" '
    function f(name,   i, kv) { for (i = 1; i <= NF; ++i) { split($i, kv, "=");
        if (kv[1] == name) return kv[2] } return 0 }
    { ready += f("ready"); if (f("connect_s") > cs) cs = f("connect_s");
      empty += f("rss_empty_kib"); full += f("rss_full_kib"); cpu += f("idle_cpu_pct"); ++n }
    END { if (n == 0) { print "RESULT mode=conns-multi server=" kind " FAILED"; exit }
        printf "RESULT mode=conns-multi server=%s conns=%d ready=%d connect_s=%.1f " \
            "rss_empty_kib=%d rss_full_kib=%d per_conn_bytes=%.0f idle_cpu_pct=%.2f procs=%d\n",
            kind, total, ready, cs, empty, full, ready ? (full - empty) * 1024 / ready : 0, cpu, n }'
