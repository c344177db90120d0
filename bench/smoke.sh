#!/usr/bin/env bash

# SPDX-FileCopyrightText: 2026 Talker contributors
#
# SPDX-License-Identifier: GPL-3.0-or-later

# Smoke run: the load client against the ceiling server, tiny load, must lose nothing.
# usage: smoke.sh LOADCLIENT CEILING
set -euo pipefail
client="$1"; ceiling="$2"
out="$(mktemp)"
"$ceiling" --listen 127.0.0.1:0 >"$out" &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$out"' EXIT
for _ in $(seq 100); do grep -q '^listening on' "$out" && break; sleep 0.05; done
port="$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$out")"
[ -n "$port" ] || { echo "ceiling server did not start"; exit 1; }
"$client" --port "$port" --token x --subs 20 --rooms 2 --deliveries 20000 --inflight 50 \
    --server-pid $pid --timeout 20 | tee "$out.res"
grep -q 'RESULT mode=fanout .* lost=0 misordered=0 errors=0 closed=0' "$out.res"
# Skimming receivers (bench/loadclient/skim.h) are counted from their byte streams.
"$client" --port "$port" --token x --subs 20 --rooms 2 --deliveries 20000 --inflight 50 \
    --read-every 3 --server-pid $pid --timeout 20 | tee "$out.res"
grep -q 'RESULT mode=fanout .* lost=0 misordered=0 errors=0 closed=0 .* skimmers=1[0-9] skim_mismatch=0' "$out.res"
"$client" --port "$port" --token x --mode latency --subs 20 --rooms 2 --rate 500 \
    --duration 1 --server-pid $pid --timeout 20 | tee "$out.res"
grep -q 'RESULT mode=latency .* lost=0 errors=0 closed=0' "$out.res"
rm -f "$out.res"
echo "bench smoke: ok"
