#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Talker contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Starts a local Talker cluster to try it (docs/cluster.md): 3 nats-server processes as
# one JetStream cluster and 3 talker-server nodes, all on 127.0.0.1, data in a
# temporary folder. Prints the users' tokens, a talker:// link naming all three
# nodes and each process's pid, then waits; Ctrl-C stops everything.
#
#   server/run-local-cluster.sh [BUILD_DIR]      (default: build)
#
# Try `kill -9` on any one of the printed pids: the room goes on.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
server="${TALKER_SERVER:-${1:-$root/build}/server/talker-server}"
[ -x "$server" ] || { echo "no talker-server at $server (build first)" >&2; exit 1; }
command -v nats-server >/dev/null || { echo "nats-server is not installed (apt install nats-server)" >&2; exit 1; }

dir="$(mktemp -d /tmp/talker-cluster.XXXXXX)"
pids=()
stop() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    echo "stopped; data and logs are in $dir"
}
trap stop EXIT
trap 'exit 130' INT TERM

nats_port=(4222 4223 4224)
route_port=(6222 6223 6224)
node_port=(8501 8502 8503)
urls="nats://127.0.0.1:4222,nats://127.0.0.1:4223,nats://127.0.0.1:4224"
for i in 0 1 2; do
    routes=""
    for j in 0 1 2; do
        if [ "$j" != "$i" ]; then routes+="${routes:+,}nats://127.0.0.1:${route_port[$j]}"; fi
    done
    nats-server -js -a 127.0.0.1 -p "${nats_port[$i]}" -n "nats$i" -sd "$dir/nats$i" \
        --cluster_name talker --cluster "nats://127.0.0.1:${route_port[$i]}" --routes "$routes" \
        >"$dir/nats$i.log" 2>&1 &
    pids+=($!)
    echo "nats$i   pid $!  nats://127.0.0.1:${nats_port[$i]}"
done

# The first write waits for JetStream to elect its leaders.
for name in alice bob; do
    token=""
    for _ in $(seq 60); do
        token="$("$server" --cluster "$urls" user add "$name" 2>/dev/null | tail -1)" || true
        if [ -n "$token" ]; then break; fi
        sleep 0.5
    done
    [ -n "$token" ] || { echo "could not add $name (see $dir/nats0.log)" >&2; exit 1; }
    echo "user $name  token $token"
done

for i in 0 1 2; do
    "$server" --cluster "$urls" --node-name "node$i" --listen "127.0.0.1:${node_port[$i]}" \
        --metrics "127.0.0.1:$((9500 + i))" >"$dir/node$i.out" 2>"$dir/node$i.log" &
    pids+=($!)
    echo "node$i   pid $!  talker 127.0.0.1:${node_port[$i]}  metrics http://127.0.0.1:$((9500 + i))/metrics"
done
echo
echo "link:  talker://127.0.0.1:8501,127.0.0.1:8502,127.0.0.1:8503/Lobby"
echo "app:   build/app/talker, connect with host 127.0.0.1:8501,127.0.0.1:8502,127.0.0.1:8503"
echo "logs:  $dir   (Ctrl-C stops the cluster)"
wait
