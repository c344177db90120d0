#!/usr/bin/env bash

# SPDX-FileCopyrightText: 2026 Talker contributors
#
# SPDX-License-Identifier: GPL-3.0-or-later

# The fault soak (tests/soak/soak.cpp) over an existing build directory.
#
#   tests/soak/run-soak.sh                   # short form, as CTest runs it (60 s of chat)
#   tests/soak/run-soak.sh long              # 10 min, 40 clients, 6 rooms, 20 SIGKILLs
#   tests/soak/run-soak.sh cluster           # cluster form as CTest runs it (3 nodes, 3 NATS)
#   tests/soak/run-soak.sh cluster-long      # cluster form, 10 min, 20 node SIGKILLs
#   tests/soak/run-soak.sh -- --duration 120 --seed 7   # any talker-soak options
#
# Environment: TALKER_BUILD (default build-sec, then build).
set -euo pipefail
src="$(cd "$(dirname "$0")/../.." && pwd)"
build="${TALKER_BUILD:-}"
if [ -z "$build" ]; then
    for b in "$src/build-sec" "$src/build"; do
        [ -f "$b/CMakeCache.txt" ] && build="$b" && break
    done
fi
cmake --build "$build" --target talker-soak --parallel 2 | tail -n 1
case "${1:-short}" in
    long) args=(--duration 600 --clients 40 --rooms 6 --kills 20 --cut-every 2000 --send-every 1000 --seed 42) ;;
    short) args=(--duration 60 --clients 24 --rooms 4 --kills 3) ;;
    cluster) args=(--cluster --duration 30 --clients 12 --rooms 3 --kills 3) ;;
    cluster-long) args=(--cluster --duration 600 --clients 40 --rooms 6 --kills 20 --cut-every 2000 --send-every 1000 --seed 42) ;;
    --) shift; args=("$@") ;;
    *) echo "usage: $0 [short|long|cluster|cluster-long|-- talker-soak options]" >&2; exit 2 ;;
esac
exec "$build/tests/soak/talker-soak" "${args[@]}"
