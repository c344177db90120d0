#!/usr/bin/env bash

# SPDX-FileCopyrightText: 2026 Talker contributors
#
# SPDX-License-Identifier: GPL-3.0-or-later

# Runs every Talker benchmark and prints one table (issue 7). Loopback only.
#
#   bash bench/run-all.sh [--quick] [--only LIST] [--repeat N]
#
#   --quick      smaller runs (a few seconds each), for trying the script out
#   --only LIST  comma-separated subset of: fanout,latency,conns,cores,app,history,scroll,cluster
#                (cluster is not in the default set: it needs nats-server)
#   --repeat N   runs per fan-out case (default 3; the table shows min / median / max)
#                (the latency case alternates Talker and the ceiling LATENCY_ROUNDS times, default 5)
#
# Environment: BUILD_DIR (default build-bench in the source tree), TALKER_SERVER (another
# talker-server binary, for before/after comparisons), FANOUT_NS (receiver counts of the
# fan-out cases, default "1000 10000"), CONNS (connection-scale count, default 50000,
# spread over CONNS_PROCS server/load-client pairs, default 3: one process may hold
# ~20,000 descriptors here), SRC_ADDRS (loopback source addresses per client, default 4).
# Builds talker-server, talker-loadclient and talker-ceiling with CMake first.
set -uo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build="${BUILD_DIR:-$root/build-bench}"
quick=0
only="fanout,latency,conns,cores,app,history,scroll"
repeat=3
while [ $# -gt 0 ]; do
    case "$1" in
    --quick) quick=1 ;;
    --only) only="$2"; shift ;;
    --repeat) repeat="$2"; shift ;;
    -h | --help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "run-all: unknown option $1" >&2; exit 64 ;;
    esac
    shift
done
want() { [[ ",$only," == *",$1,"* ]]; }

# ---------------------------------------------------------------- build
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DTALKER_WERROR=ON >/dev/null || exit 1
fi
cmake --build "$build" --parallel 2 \
    --target talker-server talker-loadclient talker-ceiling >"$build/run-all-build.log" 2>&1 ||
    build_failed=1
server_bin="${TALKER_SERVER:-$build/server/talker-server}"
client="$build/bench/loadclient/talker-loadclient"
ceiling_bin="$build/bench/ceiling/talker-ceiling"
if [ -n "${build_failed:-}" ]; then
    if [ -x "$server_bin" ] && [ -x "$client" ] && [ -x "$ceiling_bin" ]; then
        echo "run-all: WARNING: build failed (see $build/run-all-build.log); using the binaries already built" >&2
    else
        tail -20 "$build/run-all-build.log" >&2
        echo "run-all: build failed" >&2
        exit 1
    fi
fi

work="$(mktemp -d /tmp/talker-bench.XXXXXX)"
results="$work/results.tsv"
: >"$results"
srv_pid=""
cluster_pids=()
cleanup() {
    [ -n "$srv_pid" ] && kill "$srv_pid" 2>/dev/null && wait "$srv_pid" 2>/dev/null
    for p in "${cluster_pids[@]}"; do kill "$p" 2>/dev/null; done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The load needs many descriptors (server and client inherit this).
ulimit -n 1048576 2>/dev/null || ulimit -n 200000 2>/dev/null || true

# Talker's flood and per-address limits are server settings; the benchmark raises them
# because one load client sends the whole load from 127.0.0.1.
talker_limits=(--max-events-per-second 0 --max-connections-per-address 0)

# ---------------------------------------------------------------- servers
wait_listening() { # FILE -> prints the port
    local f="$1" i
    for i in $(seq 200); do
        if grep -q '^listening on' "$f" 2>/dev/null; then
            sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$f" | head -1
            return 0
        fi
        kill -0 "$srv_pid" 2>/dev/null || break
        sleep 0.05
    done
    return 1
}

free_port() {
    local p
    for p in $(seq 18830 18930); do
        (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return 0; }
    done
    return 1
}

start_server() { # KIND [extra talker-server args...]; sets srv_pid, port
    local kind="$1"
    shift
    : >"$work/srv.out"
    case "$kind" in
    talker)
        local db="$work/talker-$RANDOM$RANDOM.db"
        TALKER_TOKEN="$("$server_bin" --database "$db" user add sub 2>/dev/null | tail -1)"
        TALKER_PUB_TOKEN="$("$server_bin" --database "$db" user add pub 2>/dev/null | tail -1)"
        export TALKER_TOKEN TALKER_PUB_TOKEN
        "$server_bin" --listen 127.0.0.1:0 --database "$db" "${talker_limits[@]}" "$@" \
            >"$work/srv.out" 2>"$work/srv.err" &
        srv_pid=$!
        ;;
    ceiling)
        export TALKER_TOKEN=unused TALKER_PUB_TOKEN=unused
        "${pin_srv[@]}" "$ceiling_bin" --listen 127.0.0.1:0 >"$work/srv.out" 2>"$work/srv.err" &
        srv_pid=$!
        ;;
    mosquitto)
        port="$(free_port)" || return 1
        cat >"$work/mosquitto.conf" <<EOF
listener $port 127.0.0.1
allow_anonymous true
persistence false
max_queued_messages 100000000
max_queued_bytes 0
max_inflight_messages 0
sys_interval 0
log_dest stderr
log_type error
log_type warning
EOF
        mosquitto -c "$work/mosquitto.conf" >"$work/srv.out" 2>"$work/srv.err" &
        srv_pid=$!
        local i
        for i in $(seq 100); do
            (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
            sleep 0.05
        done
        echo "run-all: mosquitto did not start: $(cat "$work/srv.err")" >&2
        return 1
        ;;
    esac
    port="$(wait_listening "$work/srv.out")" || {
        echo "run-all: $kind did not start: $(tail -3 "$work/srv.err")" >&2
        return 1
    }
}

stop_server() {
    [ -n "$srv_pid" ] || return 0
    kill "$srv_pid" 2>/dev/null
    local i
    for i in $(seq 100); do kill -0 "$srv_pid" 2>/dev/null || break; sleep 0.05; done
    kill -9 "$srv_pid" 2>/dev/null
    wait "$srv_pid" 2>/dev/null
    srv_pid=""
}

# Pinning prefixes (empty: the scheduler places the processes). Only the boundness check
# below sets them, to give the single-threaded ceiling and load client one core each.
pin_srv=(env)
pin_cli=(env)

proto_of() { [ "$1" = mosquitto ] && echo mqtt || echo talker; }

# run_client KIND TAG ARGS... : starts KIND, runs the load client, records its RESULT line.
run_client() {
    local kind="$1" tag="$2"
    shift 2
    start_server "$kind" || { echo "$tag server=$kind FAILED start" >>"$results"; return 1; }
    local line
    line="$("${pin_cli[@]}" "$client" --proto "$(proto_of "$kind")" --port "$port" --server-pid "$srv_pid" \
        "$@" 2>"$work/client.err" | tee -a "$work/client.log" | grep '^RESULT')"
    [ -s "$work/client.err" ] && sed "s/^/    [$kind] /" "$work/client.err" | head -5 >&2
    stop_server
    if [ -z "$line" ]; then
        echo "$tag server=$kind FAILED" >>"$results"
        echo "  $tag $kind: FAILED (see above)" >&2
        return 1
    fi
    echo "$tag server=$kind ${line#RESULT }" >>"$results"
    echo "  $tag $kind: ${line#RESULT mode=* proto=* }" >&2
}

field() { # LINE NAME -> value
    sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<" $1"
}

stats3() { # numbers on stdin -> "min median max"
    sort -g | awk '{v[NR]=$1} END {if (NR==0) {print "- - -"; exit}
        m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2; print v[1], m, v[NR]}'
}

values() { # TAG SERVER FIELD
    grep "^$1 server=$2 " "$results" | grep -v FAILED | while read -r l; do field "$l" "$3"; done
}

per_run() { # TAG SERVER FIELD -> one line per run, "-" for a failed one (rounds stay aligned)
    grep "^$1 server=$2 " "$results" | while read -r l; do
        if grep -q FAILED <<<"$l"; then echo -; else field "$l" "$3"; fi
    done
}

median_of() { values "$1" "$2" "$3" | stats3 | awk '{print $2}'; }

human() { awk -v v="$1" 'BEGIN { if (v == "-" || v == "") print "-";
    else if (v >= 1e6) printf "%.2fM", v/1e6; else printf "%.0fk", v/1e3 }'; }

echo "Talker benchmarks on $(uname -n): $(nproc) cores, $(uname -r); $(date -u '+%F %H:%M UTC')"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews figures)"
echo "talker-server limits raised for the load client: ${talker_limits[*]}"
echo

# ---------------------------------------------------------------- 1. fan-out
if want fanout; then
    if [ $quick = 1 ]; then
        d_ceiling=2000000; d_talker=500000; d_mosq=500000; secs=1
    else
        d_ceiling=10000000; d_talker=2000000; d_mosq=500000; secs=2
    fi
    ns="${FANOUT_NS:-1000 10000}"
    # Every 10th receiver (and one per room) reads and checks each line; the others skim
    # their bytes without copying them (bench/loadclient/skim.h), so that the load client
    # costs less than the server per delivery. Mosquitto's MQTT receivers all read.
    read_every="${READ_EVERY:-10}"
    echo "1. Fan-out: one room, one publisher (1,000 messages in flight), 100-byte payloads" >&2
    for n in $ns; do
        for r in $(seq "$repeat"); do
            run_client ceiling "fanout$n" --subs "$n" --deliveries $d_ceiling --min-seconds $secs \
                --timeout 120 --read-every "$read_every"
            run_client talker "fanout$n" --subs "$n" --deliveries $d_talker --min-seconds $secs \
                --timeout 240 --read-every "$read_every"
            # Mosquitto manages ~10k deliveries/s with 10,000 receivers here: fewer of them.
            run_client mosquitto "fanout$n" --subs "$n" --deliveries $((n >= 10000 ? d_mosq / 4 : d_mosq)) \
                --timeout 240
        done
    done
    echo
    echo "## 1. Fan-out ($repeat runs each; deliveries/s min / median / max)"
    echo
    printf '| %-9s | %5s | %-26s | %6s | %-20s | %9s | %8s | %8s | %-19s |\n' server N \
        "deliveries/s min/med/max" lost "CPU ns/delivery" "RSS KiB" "vs mosq" "vs ceil" \
        "client ns, reads/rcv"
    echo "|-----------|-------|----------------------------|--------|----------------------|-----------|----------|----------|---------------------|"
    for n in $ns; do
        mq="$(median_of "fanout$n" mosquitto rate)"
        ce="$(median_of "fanout$n" ceiling rate)"
        for s in talker mosquitto ceiling; do
            read -r lo md hi < <(values "fanout$n" "$s" rate | stats3)
            lost="$(values "fanout$n" "$s" lost | awk '{t+=$1} END {print t+0}')"
            mis="$(values "fanout$n" "$s" misordered | awk '{t+=$1} END {print t+0}')"
            fails="$(grep -c "^fanout$n server=$s .*FAILED" "$results")"
            read -r clo cmd chi < <(values "fanout$n" "$s" cpu_ns | stats3)
            rss="$(median_of "fanout$n" "$s" rss_kib)"
            vm="$(awk -v a="$md" -v b="$mq" 'BEGIN{if (a=="-"||b=="-"||b==0) print "-"; else printf "%.1fx", a/b}')"
            vc="$(awk -v a="$md" -v b="$ce" 'BEGIN{if (a=="-"||b=="-"||b==0) print "-"; else printf "%.0f%%", 100*a/b}')"
            note="$lost"
            [ "$mis" != 0 ] && note="$note ($mis reord)"
            [ "$fails" != 0 ] && note="$note ($fails failed)"
            cl="$(median_of "fanout$n" "$s" client_cpu_ns) ns, $(median_of "fanout$n" "$s" reads_per_receiver)"
            printf '| %-9s | %5s | %-26s | %6s | %-20s | %9s | %8s | %8s | %-19s |\n' "$s" "$n" \
                "$(human "$lo") / $(human "$md") / $(human "$hi")" "$note" \
                "$(printf "%.0f / %.0f / %.0f" "$clo" "$cmd" "$chi" 2>/dev/null || echo -)" "$rss" "$vm" "$vc" \
                "$cl"
        done
    done
    echo
    echo "CPU ns/delivery is the server's CPU time per delivery; client ns is the load client's."
    echo "When the client's is below the server's, the server's core is the limit, not the client."
    echo
    echo "Time the processes waited for a CPU (other load on the machine), medians per run:"
    for n in $ns; do
        for s in talker mosquitto ceiling; do
            printf '  N=%-4s %-9s server %ss, client %ss\n' "$n" "$s" \
                "$(median_of "fanout$n" "$s" srv_wait_s)" "$(median_of "fanout$n" "$s" client_wait_s)"
        done
    done
    echo
    for n in $ns; do
        tm="$(median_of "fanout$n" talker rate)"
        mq="$(median_of "fanout$n" mosquitto rate)"
        ce="$(median_of "fanout$n" ceiling rate)"
        tl="$(values "fanout$n" talker lost | awk '{t+=$1} END {print t+0}')"
        to="$(values "fanout$n" talker misordered | awk '{t+=$1} END {print t+0}')"
        awk -v n="$n" -v t="$tm" -v m="$mq" -v c="$ce" -v l="$tl" -v o="$to" 'BEGIN {
            if (t == "-" || c == "-" || t == "") { printf "Targets at N=%s: not measured\n", n; exit }
            printf "Targets at N=%s: Talker >= 25%% of ceiling: %.0f%% %s; 0 lost, 0 out of order: %d, %d %s; vs Mosquitto: %s\n",
                n, 100*t/c, (t/c >= 0.25 ? "MET" : "NOT MET"), l, o, (l + o == 0 ? "MET" : "NOT MET"),
                (m == "-" || m == "" || m == 0) ? "-" : sprintf("%.1fx", t/m) }'
    done
    echo
fi

# ------------------------------------------------- 1b. what limits the ceiling
# The ceiling and the load client are single-threaded. Pinned to one core each, the one
# that is busy all the time (running, or runnable and waiting for its core) is the limit;
# the other sometimes waits for input. Waiting for a CPU counts as busy, so load from
# other work on the machine cannot make the server look idle.
if want fanout && [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null; then
    echo "1b. What limits the ceiling: server pinned to CPU 0, load client to CPU 1" >&2
    pin_srv=(taskset -c 0)
    pin_cli=(taskset -c 1)
    for n in $ns; do
        run_client ceiling "bound$n" --subs "$n" --deliveries $d_ceiling --min-seconds $secs \
            --timeout 120 --read-every "$read_every"
    done
    pin_srv=(env)
    pin_cli=(env)
    echo "## 1b. What limits the ceiling (pinned: server CPU 0, client CPU 1)"
    echo
    echo "| N | deliveries/s | server busy | client busy | limited by |"
    echo "|---|---|---|---|---|"
    for n in $ns; do
        l="$(grep "^bound$n server=ceiling " "$results" | grep -v FAILED | head -1)"
        if [ -z "$l" ]; then
            echo "| $n | failed | - | - | - |"
            continue
        fi
        sb="$(field "$l" srv_busy_pct)"
        cb="$(field "$l" client_busy_pct)"
        awk -v n="$n" -v r="$(field "$l" rate)" -v s="$sb" -v c="$cb" 'BEGIN {
            v = "both (neither waits much)"
            if (s >= 95 && c < s - 5) v = "the server (its core is saturated, the client waits)"
            if (c >= 95 && s < c - 5) v = "the load client"
            printf "| %s | %.2fM | %.0f %% | %.0f %% | %s |\n", n, r/1e6, s, c, v }'
    done
    echo
    echo "busy = (CPU time + time runnable waiting for the core) / wall time, per process."
    echo
fi

# ---------------------------------------------------------------- 2. latency
if want latency; then
    dur=10
    [ $quick = 1 ] && dur=3
    # Talker and the ceiling in alternation, round after round: a burst of other work on
    # the machine then touches both alike, and each round gives one ratio of the two.
    rounds="${LATENCY_ROUNDS:-5}"
    [ $quick = 1 ] && rounds=1
    lat_args=(--mode latency --subs 1000 --rooms 10 --rate 2000 --duration "$dur" --timeout 120)
    echo "2. Latency: 1,000 clients in 10 rooms, 2,000 messages/s in total, ${dur} s, $rounds rounds" >&2
    for r in $(seq "$rounds"); do
        run_client talker latency "${lat_args[@]}"
        run_client ceiling latency "${lat_args[@]}"
    done
    run_client mosquitto latency "${lat_args[@]}" # seconds behind at this rate: once is enough
    echo "## 2. Latency under load (1,000 clients, 10 rooms, 2,000 msg/s, ${dur} s; send to receipt)"
    echo
    echo "Talker and the ceiling alternate for $rounds rounds (Mosquitto runs once); min / median / max."
    echo
    echo "| server    | p50 ms                         | p99 ms                         | max ms (median) | lost | server CPU % (median) | waited for CPU s, median: server / client |"
    echo "|-----------|--------------------------------|--------------------------------|-----------------|------|-----------------------|-------------------------------------------|"
    for s in talker mosquitto ceiling; do
        if [ -z "$(values latency "$s" p99_ms)" ]; then
            printf '| %-9s | failed |\n' "$s"
            continue
        fi
        read -r a b c < <(values latency "$s" p50_ms | stats3)
        read -r d e f < <(values latency "$s" p99_ms | stats3)
        lost="$(values latency "$s" lost | awk '{t+=$1} END {print t+0}')"
        printf '| %-9s | %30s | %30s | %15s | %4s | %21s | %41s |\n' "$s" "$a / $b / $c" \
            "$d / $e / $f" "$(median_of latency "$s" max_ms)" "$lost" \
            "$(median_of latency "$s" cpu_pct)" \
            "$(median_of latency "$s" srv_wait_s) / $(median_of latency "$s" client_wait_s)"
    done
    # One ratio per round, from the two runs next to each other (a failed run drops its round).
    ratios="$(paste -d' ' <(per_run latency talker p99_ms) <(per_run latency ceiling p99_ms) |
        awk '$1 != "-" && $2 != "-" && $2 > 0 {printf "%.2f\n", $1 / $2}')"
    read -r rlo rmd rhi < <(stats3 <<<"$ratios")
    echo
    echo "Talker p99 / ceiling p99 per round: $(tr '\n' ' ' <<<"$ratios")"
    awk -v lo="$rlo" -v m="$rmd" -v hi="$rhi" 'BEGIN { if (m == "-" || m == "")
            print "Target p99 within 1.5x of the ceiling (issue 11): not measured";
        else printf "Target p99 within 1.5x of the ceiling (issue 11): median %.2fx (min %.2fx, max %.2fx) %s\n",
            m, lo, hi, (m <= 1.5 ? "MET" : "NOT MET") }'
    p99="$(median_of latency talker p99_ms)"
    awk -v p="$p99" 'BEGIN { if (p == "" || p == "-") print "Target p99 < 5 ms (issue 7): not measured";
        else printf "Target p99 < 5 ms (issue 7): median %s ms %s\n", p, (p < 5 ? "MET" : "NOT MET") }'
    echo
fi

# ---------------------------------------------------------------- 3. connection scale
if want conns; then
    conns="${CONNS:-50000}"
    procs="${CONNS_PROCS:-3}"
    idle=20
    [ $quick = 1 ] && { conns="${CONNS:-6000}"; idle=5; }
    echo "3. Connection scale: $conns authenticated connections over $procs servers, each with" >&2
    echo "   its own load client; every connection pings every 20 s; idle window $idle s" >&2
    kinds="talker mosquitto"
    # Cluster mode (3 nodes over one local JetStream nats-server) when both are there.
    if command -v nats-server >/dev/null && "$server_bin" --help 2>/dev/null | grep -- '--cluster' >/dev/null; then
        kinds="talker cluster mosquitto"
    fi
    for s in $kinds; do
        bash "$root/bench/conns-scale.sh" "$s" "$conns" "$procs" "$idle" "$server_bin" "$client" \
            >"$work/conns-$s.out" 2>"$work/conns-$s.err"
        sed 's/^/    /' "$work/conns-$s.err" | head -5 >&2
        grep '^nats-server' "$work/conns-$s.out" >"$work/conns-$s.nats"
        l="$(grep '^RESULT mode=conns-multi' "$work/conns-$s.out")"
        echo "conns ${l#RESULT mode=conns-multi }" >>"$results"
        grep '^RESULT pair=' "$work/conns-$s.out" | sed "s/^RESULT /conns-pair server=$s /" >>"$results"
        echo "  conns $s: ${l#RESULT mode=conns-multi server=* }" >&2
    done
    echo "## 3. Connection scale ($conns connections: $procs servers on different ports, one load-client process each, 100 rooms per server, pings every 20 s)"
    echo
    echo "talker = $procs independent talker-server --threads ${TALKER_THREADS:-2}; cluster = $procs"
    echo "talker-server --cluster nodes over one local JetStream nats-server. connect s is the time"
    echo "until all $conns are authenticated (the slowest of the $procs clients, started together);"
    echo "RSS and idle CPU are summed over the $procs servers (nats-server not included:"
    echo "$(cat "$work/conns-cluster.nats" 2>/dev/null || echo "not run"))."
    echo
    echo "| server    | ready | connect s | RSS empty KiB | RSS full KiB | bytes/conn | idle CPU % |"
    echo "|-----------|-------|-----------|---------------|--------------|------------|------------|"
    for s in $kinds; do
        l="$(grep "^conns server=$s " "$results" | grep -v FAILED | head -1)"
        [ -z "$l" ] && { printf '| %-9s | failed |\n' "$s"; continue; }
        printf '| %-9s | %5s | %9s | %13s | %12s | %10s | %10s |\n' "$s" "$(field "$l" ready)" \
            "$(field "$l" connect_s)" "$(field "$l" rss_empty_kib)" "$(field "$l" rss_full_kib)" \
            "$(field "$l" per_conn_bytes)" "$(field "$l" idle_cpu_pct)"
    done
    echo
    for s in $kinds; do
        [ "$s" = mosquitto ] && continue
        l="$(grep "^conns server=$s " "$results" | grep -v FAILED | head -1)"
        awk -v s="$s" -v b="$(field "$l" per_conn_bytes)" -v c="$(field "$l" idle_cpu_pct)" \
            -v r="$(field "$l" ready)" -v n="$conns" 'BEGIN {
            if (b == "") { printf "Targets (%s): not measured\n", s; exit }
            printf "Targets (%s): %d of %d connected %s; <= 4 KiB per connection: %.2f KiB %s; idle CPU < 5%%: %.2f%% %s\n",
                s, r, n, (r == n ? "MET" : "NOT MET"), b/1024, (b <= 4096 ? "MET" : "NOT MET"),
                c, (c < 5 ? "MET" : "NOT MET") }'
    done
    echo
fi

# ---------------------------------------------------------------- 4. both cores
if want cores; then
    echo "4. Both cores: fan-out over 4 busy rooms (250 receivers each)" >&2
    d=2000000
    [ $quick = 1 ] && d=500000
    echo "## 4. Both cores (4 rooms x 250 receivers, 4 publishers)"
    echo
    if "$server_bin" --help 2>/dev/null | grep -- '--threads' >/dev/null; then
        echo "talker-server has --threads: comparing --threads 1 with its default (all cores)."
    else
        echo "talker-server has no --threads option: it runs every room on one thread."
    fi
    for cfg in default threads1; do
        extra=()
        if [ "$cfg" = threads1 ]; then
            "$server_bin" --help 2>/dev/null | grep -- '--threads' >/dev/null || continue
            extra=(--threads 1)
        fi
        talker_limits_saved=("${talker_limits[@]}")
        talker_limits+=("${extra[@]}")
        run_client talker "cores-$cfg" --subs 1000 --rooms 4 --deliveries $d --min-seconds 2 \
            --timeout 240
        talker_limits=("${talker_limits_saved[@]}")
    done
    echo
    echo "| server config | deliveries/s | server CPU s / wall s = cores used | threads |"
    echo "|---------------|--------------|------------------------------------|---------|"
    for cfg in default threads1; do
        l="$(grep "^cores-$cfg server=talker " "$results" | grep -v FAILED | head -1)"
        [ -z "$l" ] && continue
        printf '| %-13s | %12s | %34s | %7s |\n' "$cfg" "$(human "$(field "$l" rate)")" \
            "$(awk -v c="$(field "$l" cpu_s)" -v w="$(field "$l" seconds)" 'BEGIN{printf "%.2f / %.2f = %.2f", c, w, c/w}')" \
            "$(field "$l" threads)"
    done
    a="$(field "$(grep '^cores-default server=talker ' "$results" | head -1)" rate)"
    b="$(field "$(grep '^cores-threads1 server=talker ' "$results" | head -1)" rate)"
    if [ -n "$a" ] && [ -n "$b" ]; then
        awk -v a="$a" -v b="$b" 'BEGIN{printf "\nSpeed-up all cores vs one thread: %.2fx\n", a/b}'
    else
        echo
        echo "Speed-up: not measurable (no one-thread/all-cores switch); cores used is shown above."
    fi
    echo
fi

# ---------------------------------------------------------------- 5. app start
if want app; then
    echo "## 5. App start"
    echo
    if [ -f "$root/bench/app-start.sh" ]; then
        bash "$root/bench/app-start.sh" "$build"
    else
        echo "not measured yet (bench/app-start.sh not written)"
    fi
    echo
    bash "$root/bench/app-scroll.sh" "$build" 2
    echo
fi

# ---------------------------------------------------------------- 6. cluster (issue 12)
# 3 NATS servers (one JetStream cluster, streams replicated 3 times) and 3 talker nodes;
# one room, 1,000 receivers spread over the nodes, one sender; the single node beside it.
stop_cluster() {
    local p
    for p in "${cluster_pids[@]}"; do kill "$p" 2>/dev/null; done
    for p in "${cluster_pids[@]}"; do wait "$p" 2>/dev/null; done
    cluster_pids=()
}
start_cluster() { # sets cluster_urls, cluster_ports, cluster_node_pids; exports tokens
    local i j urls="" routes base
    base="$(free_port)" || return 1
    base=$((base + 200)) # clients base+0..2, routes base+10..12 (free on a quiet machine)
    for i in 0 1 2; do urls+="${urls:+,}nats://127.0.0.1:$((base + i))"; done
    for i in 0 1 2; do
        routes=""
        for j in 0 1 2; do
            [ "$j" != "$i" ] && routes+="${routes:+,}nats://127.0.0.1:$((base + 10 + j))"
        done
        nats-server -js -a 127.0.0.1 -p "$((base + i))" -n "n$i" -sd "$work/nats$i" \
            --cluster_name bench --cluster "nats://127.0.0.1:$((base + 10 + i))" \
            --routes "$routes" >"$work/nats$i.log" 2>&1 &
        cluster_pids+=($!)
    done
    cluster_urls="$urls"
    # JetStream elects its leaders first: retry the first write for a while.
    TALKER_TOKEN=""
    for i in $(seq 60); do
        TALKER_TOKEN="$("$server_bin" --cluster "$urls" user add sub 2>/dev/null | tail -1)"
        [ -n "$TALKER_TOKEN" ] && break
        sleep 0.5
    done
    TALKER_PUB_TOKEN="$("$server_bin" --cluster "$urls" user add pub 2>/dev/null | tail -1)"
    export TALKER_TOKEN TALKER_PUB_TOKEN
    cluster_ports=""
    cluster_node_pids=""
    for i in 0 1 2; do
        "$server_bin" --cluster "$urls" --node-name "node$i" --listen 127.0.0.1:0 \
            "${talker_limits[@]}" >"$work/node$i.out" 2>"$work/node$i.err" &
        cluster_pids+=($!)
        srv_pid=$!
        local p
        p="$(wait_listening "$work/node$i.out")" || { echo "run-all: node$i did not start" >&2; return 1; }
        cluster_ports+="${cluster_ports:+,}$p"
        cluster_node_pids+="${cluster_node_pids:+,}$srv_pid"
    done
    srv_pid=""
}
if want cluster; then
    if ! command -v nats-server >/dev/null; then
        echo "## 6. Cluster: not measured (nats-server not installed)"
    else
        cdur=5
        [ $quick = 1 ] && cdur=3
        echo "6. Cluster: 3 nodes + 3 NATS vs one node, 1 room, 1,000 receivers" >&2
        run_client talker cluster-fanout-single --subs 1000 --rooms 1 --deliveries 2000000 --timeout 240
        run_client talker cluster-latency-single --mode latency --subs 1000 --rooms 1 --rate 100 \
            --duration "$cdur" --timeout 120
        for tag in cluster-fanout cluster-latency; do
            start_cluster || { stop_cluster; break; }
            if [ "$tag" = cluster-fanout ]; then args=(--subs 1000 --rooms 1 --deliveries 2000000 --timeout 240)
            else args=(--mode latency --subs 1000 --rooms 1 --rate 100 --duration "$cdur" --timeout 120); fi
            line="$("$client" --proto talker --port "$cluster_ports" --server-pid "$cluster_node_pids" \
                "${args[@]}" 2>"$work/client.err" | grep '^RESULT')"
            stop_cluster
            rm -rf "$work"/nats?
            if [ -n "$line" ]; then
                echo "$tag-3 server=talker ${line#RESULT }" >>"$results"
                echo "  $tag 3 nodes: ${line#RESULT mode=* proto=* }" >&2
            else
                echo "$tag-3 server=talker FAILED" >>"$results"
                sed "s/^/    [cluster] /" "$work/client.err" | head -5 >&2
            fi
        done
        echo "## 6. Cluster (3 talker nodes over 3 NATS, R3) vs one node: 1 room, 1,000 receivers, 1 sender"
        echo
        echo "| setup       | deliveries/s | CPU ns per delivery (per node, mean) | p50 ms | p99 ms | lost |"
        echo "|-------------|--------------|--------------------------------------|--------|--------|------|"
        for setup in single 3; do
            f="$(grep "^cluster-fanout-$setup server=talker " "$results" | grep -v FAILED | head -1)"
            l="$(grep "^cluster-latency-$setup server=talker " "$results" | grep -v FAILED | head -1)"
            # In the cluster every node delivers a third: summed CPU / all deliveries is
            # the mean per-node CPU per delivery.
            printf '| %-11s | %12s | %36s | %6s | %6s | %4s |\n' "$setup" \
                "$(human "$(field "$f" rate)")" "$(field "$f" cpu_ns)" "$(field "$l" p50_ms)" \
                "$(field "$l" p99_ms)" \
                "$(( $(field "$f" lost || echo 0) + $(field "$l" lost || echo 0) ))"
        done
        s1="$(field "$(grep '^cluster-fanout-single server=talker ' "$results" | head -1)" cpu_ns)"
        s3="$(field "$(grep '^cluster-fanout-3 server=talker ' "$results" | head -1)" cpu_ns)"
        p1="$(field "$(grep '^cluster-latency-single server=talker ' "$results" | head -1)" p50_ms)"
        p3="$(field "$(grep '^cluster-latency-3 server=talker ' "$results" | head -1)" p50_ms)"
        awk -v a="$s3" -v b="$s1" -v x="$p3" -v y="$p1" 'BEGIN {
            if (a == "" || b == "") print "\nTarget CPU per delivery within 1.5x: not measured";
            else printf "\nTarget CPU per delivery within 1.5x of one node: %.2fx %s\n", a/b, (a/b <= 1.5 ? "MET" : "NOT MET");
            if (x == "" || y == "") print "Target p50 at most 2 ms above one node: not measured";
            else printf "Target p50 at most 2 ms above one node: %+.2f ms %s\n", x-y, (x-y <= 2 ? "MET" : "NOT MET") }'
        echo
    fi
fi

# ---------------------------------------------------------------- 7. history
if want history; then
    echo "## 7. History: search and paging (issue 15)"
    echo
    if cmake --build "$build" --parallel 2 --target bench_history talker-server \
        >>"$build/run-all-build.log" 2>&1; then
        history_size=(--messages "${HISTORY_MESSAGES:-1000000}")
        [ "$quick" = 1 ] && history_size=(--messages 20000 --queries 40)
        "$build/bench/history/bench_history" "${history_size[@]}" --server "$server_bin"
    else
        echo "bench_history did not build (see $build/run-all-build.log)"
    fi
    echo
fi

# ---------------------------------------------------------------- 8. scroll
if want scroll; then
    echo "## 8. Memory while scrolling through a long history (issue 15)"
    echo
    if cmake --build "$build" --parallel 2 --target bench_scroll >>"$build/run-all-build.log" 2>&1; then
        scroll_size=(--messages "${SCROLL_MESSAGES:-100000}")
        [ "$quick" = 1 ] && scroll_size=(--messages 20000)
        "$build/bench/history/bench_scroll" "${scroll_size[@]}"
    else
        echo "bench_scroll did not build (see $build/run-all-build.log)"
    fi
    echo
fi

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "raw results:"
sed 's/^/    /' "$results"
